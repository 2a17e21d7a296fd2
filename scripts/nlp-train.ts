/**
 * Rebuild the committed NLP model from ../shared/datasets/sentiment plus nlp/data/telecom:
 *   node --import tsx scripts/nlp-train.ts [--out nlp/model] [--seed 42] [--extra corrections.jsonl]
 * Writes the weights, meta.json, metrics.json (validation figures) and PROVENANCE.md.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_DIR, type ExtraRow, type Metrics, type TrainResult, train } from '../nlp/index.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: DEFAULT_MODEL_DIR },
    seed: { type: 'string', default: '42' },
    extra: { type: 'string' },
  },
});

function readExtra(path: string | undefined): ExtraRow[] {
  if (!path) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExtraRow);
}

function pct(x: number | undefined): string {
  return x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

function provenance(r: TrainResult, outDir: string): string {
  const m = r.model.meta;
  const files = r.files.map(
    (f) => `| ${relative(outDir, f)} | ${(statSync(f).size / 1024).toFixed(0)} KiB |`,
  );
  return [
    '# Model provenance',
    '',
    `Trained ${m.trainedAt} by \`node --import tsx scripts/nlp-train.ts\` (seed ${m.seed}, feature version ${m.featureVersion}).`,
    '',
    '## Data',
    '- `../shared/datasets/sentiment/train.jsonl` (not in the repo; see its README): weibo_senti_100k, smp2020_ewect_*,',
    '  chnsenticorp_hotel, online_shopping:*, waimai_10k. 10% of each source held out by `isSharedValidation(text)`.',
    '  Weibo rows are used twice: as written and with emoticons stripped.',
    '- `nlp/data/telecom/*.jsonl` (our corpus, in the repo). 20% held out by `isTelecomValidation(id)`.',
    '- Only weights and counts derived from the data are committed here; no text from ../shared.',
    '',
    '## Training rows',
    '```json',
    JSON.stringify(m.rows, null, 2),
    '```',
    '',
    '## Hyperparameters',
    '```json',
    JSON.stringify(m.hyperparameters, null, 2),
    '```',
    '',
    '## Files',
    '| file | size |',
    '|---|---|',
    ...files,
    '',
    `Validation figures: metrics.json (telecom sign accuracy ${pct(r.metrics?.telecom.accuracy)}).`,
    '',
  ].join('\n');
}

const outDir = resolve(values.out);
const started = performance.now();
const result = await train({
  outDir,
  seed: Number(values.seed),
  extraRows: readExtra(values.extra),
  log: (msg) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`),
});
const metrics: Metrics | null = result.metrics;
if (metrics) writeFileSync(join(outDir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
writeFileSync(join(outDir, 'PROVENANCE.md'), provenance(result, outDir));
console.log(
  `wrote ${result.files.length + 2} files to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)}s`,
);
