/**
 * Run only the NLP bench group and print its figures (the full suite runs with `npm run bench`):
 *   node --import tsx scripts/nlp-bench.ts [--scale 1]
 */
import { parseArgs } from 'node:util';
import group from '../bench/groups/nlp.ts';
import { createLogger, loadConfig } from '../core/index.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const config = loadConfig();
const logger = createLogger({ level: 'warn' });
const results = await group.run({ config, logger, scale: Number(values.scale) });
for (const r of results) {
  const v = r.unit === 'ratio' ? r.value.toFixed(4) : r.value.toFixed(1);
  const target = r.target === null ? '' : ` (target ${r.better === 'higher' ? '≥' : '≤'} ${r.target})`;
  console.log(`${r.name.padEnd(52)} ${v.padStart(10)} ${r.unit}${target}${r.note ? `  — ${r.note}` : ''}`);
}
