import { type Config, piiSalt } from '../../core/index.ts';
import { createAnalyzer, runAnalyzeStream } from '../../nlp/index.ts';

/** `koubei analyze`: JSON lines `{"id","text"}` on stdin, one analysis line per input on stdout. */
export async function analyzeCommand(config: Config): Promise<void> {
  const analyzer = createAnalyzer({ brands: config.brands, piiSalt: piiSalt(config) });
  const stats = await runAnalyzeStream(process.stdin, process.stdout, analyzer);
  process.stderr.write(`analyzed ${stats.lines} lines (${stats.errors} with errors)\n`);
}
