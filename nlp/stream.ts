import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Analyzer } from './analyzer.ts';
import type { Analysis } from './types.ts';

/** Options for {@link runAnalyzeStream}. */
export interface AnalyzeStreamOptions {
  /** Longest input line, in characters; longer lines get a `line_too_long` error. Default 4,194,304. */
  maxLineChars?: number;
}

/** Counts reported when the stream ends. */
export interface AnalyzeStreamStats {
  lines: number;
  errors: number;
}

type Id = string | number;

/** The output line for one analyzed input. */
export function toOutputLine(id: Id, a: Analysis): Record<string, unknown> {
  return {
    id,
    sentiment: a.sentiment,
    brands: a.brandSentiments.map((b) => ({ brand: b.brand, sentiment: b.label })),
    categories: a.categories,
    keywords: a.keywords,
    risk: a.risk,
    explain: a.explain,
  };
}

function errorLine(line: number, id: Id | undefined, code: string, message: string): string {
  return JSON.stringify(
    id === undefined ? { line, error: { code, message } } : { id, line, error: { code, message } },
  );
}

function processLine(raw: string, line: number, analyzer: Analyzer): { out: string; ok: boolean } {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (!text.trim()) return { out: errorLine(line, undefined, 'empty_line', 'empty line'), ok: false };
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    return { out: errorLine(line, undefined, 'bad_json', (err as Error).message), ok: false };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { out: errorLine(line, undefined, 'bad_json', 'expected a JSON object {"id","text"}'), ok: false };
  }
  const rec = obj as Record<string, unknown>;
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? rec.id : undefined;
  if (!('text' in rec)) return { out: errorLine(line, id, 'missing_text', 'no "text" field'), ok: false };
  if (typeof rec.text !== 'string')
    return { out: errorLine(line, id, 'bad_text', `"text" is ${typeof rec.text}, not a string`), ok: false };
  try {
    return { out: JSON.stringify(toOutputLine(id ?? line, analyzer.analyze(rec.text))), ok: true };
  } catch (err) {
    return { out: errorLine(line, id, 'analyze_failed', (err as Error).message), ok: false };
  }
}

/**
 * Read JSON lines `{"id","text"}` and write one JSON line per input line, in order: the analysis,
 * or `{"id"?, "line", "error": {"code","message"}}` for a bad line (broken JSON, missing or
 * non-string text, an over-long line, an empty line). Never drops a line. Reads the next chunk only
 * after the output has drained, so memory stays flat on any input size. Does not end `output`.
 */
export async function runAnalyzeStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  analyzer: Analyzer,
  opts: AnalyzeStreamOptions = {},
): Promise<AnalyzeStreamStats> {
  const max = opts.maxLineChars ?? 4 * 1024 * 1024;
  const decoder = new StringDecoder('utf8');
  const stats: AnalyzeStreamStats = { lines: 0, errors: 0 };
  let pending = '';
  let overflow = false;
  const handle = (raw: string, outs: string[]): void => {
    stats.lines++;
    if (overflow || raw.length > max) {
      overflow = false;
      stats.errors++;
      outs.push(errorLine(stats.lines, undefined, 'line_too_long', `line longer than ${max} characters`));
      return;
    }
    const r = processLine(raw, stats.lines, analyzer);
    if (!r.ok) stats.errors++;
    outs.push(r.out);
  };
  const flush = async (outs: string[]): Promise<void> => {
    if (outs.length && !output.write(`${outs.join('\n')}\n`)) await once(output, 'drain');
  };
  for await (const chunk of input) {
    const s = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const outs: string[] = [];
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      handle(overflow ? '' : pending + s.slice(start, nl), outs);
      pending = '';
      start = nl + 1;
    }
    if (!overflow) pending += s.slice(start);
    if (pending.length > max) {
      overflow = true;
      pending = '';
    }
    await flush(outs);
  }
  pending += decoder.end();
  const outs: string[] = [];
  if (pending !== '' || overflow) handle(overflow ? '' : pending, outs);
  await flush(outs);
  return stats;
}
