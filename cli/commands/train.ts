import { readFileSync } from 'node:fs';
import { ValidationError } from '../../core/index.ts';
import { DEFAULT_MODEL_DIR, type ExtraRow, train } from '../../nlp/index.ts';

/** Options of `koubei train`. */
export interface TrainCommandOptions {
  /** JSON lines of analyst corrections (`GET /api/v1/mentions/corrections/export`). Default none. */
  corrections?: string;
  /** Where to write the model. Default: the committed nlp/model/. */
  out?: string;
}

function readCorrections(path: string): ExtraRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as ExtraRow;
      } catch {
        throw new ValidationError(`${path}:${i + 1} is not valid JSON`);
      }
    });
}

/** `koubei train`: rebuild the model deterministically from ../shared, our corpus and corrections. */
export async function trainCommand(opts: TrainCommandOptions): Promise<void> {
  const extraRows = opts.corrections ? readCorrections(opts.corrections) : [];
  const result = await train({
    outDir: opts.out ?? DEFAULT_MODEL_DIR,
    extraRows,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`wrote ${result.files.join(', ')}\n`);
}
