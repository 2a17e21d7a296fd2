/**
 * Render nlp/model/metrics.json as the Markdown figures block of nlp/README.md (between the
 * `<!-- figures:start -->` and `<!-- figures:end -->` markers), so README and metrics never drift:
 *   node --import tsx scripts/nlp-figures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL_DIR, type Metrics, REPO_ROOT } from '../nlp/index.ts';

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

const TARGETS: Record<string, string> = {
  'weibo_senti_100k (emoticons stripped)': '≥ 85%',
  chnsenticorp_hotel: '≥ 92%',
  smp2020: '≥ 82% (human-labelled Weibo)',
};

/** The Markdown block for a metrics object. */
export function figures(m: Metrics): string {
  const lines = [
    '| validation slice | rows (pos/neg) | sign accuracy | neg recall | pos recall | target |',
    '|---|---:|---:|---:|---:|---|',
    `| telecom (our corpus, id split) | ${m.telecom.n} | ${pct(m.telecom.accuracy)} | ${pct(m.telecom.negRecall)} | ${pct(m.telecom.posRecall)} | accuracy ≥ 88%, neg recall ≥ 92% |`,
  ];
  for (const [name, s] of Object.entries(m.shared)) {
    lines.push(
      `| ${name} | ${s.n} | ${pct(s.accuracy)} | ${pct(s.negRecall)} | ${pct(s.posRecall)} | ${TARGETS[name] ?? ''} |`,
    );
  }
  lines.push(
    '',
    `Three-way label accuracy: telecom ${pct(m.telecom.labelAccuracy)}, smp2020 ${pct(m.shared.smp2020?.labelAccuracy)}.`,
  );
  const b = m.telecom.brands;
  lines.push(
    `Brands on the telecom split: detection precision ${pct(b.precision)}, recall ${pct(b.recall)}; per-brand sentiment label accuracy ${pct(b.sentimentAccuracy)} over ${b.pairs} brand mentions.`,
    '',
    '| category | precision | recall | F1 | support |',
    '|---|---:|---:|---:|---:|',
  );
  for (const [id, c] of Object.entries(m.telecom.categories)) {
    lines.push(`| ${id} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.support} |`);
  }
  return lines.join('\n');
}

const metrics = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'metrics.json'), 'utf8')) as Metrics;
const path = join(REPO_ROOT, 'nlp/README.md');
const readme = readFileSync(path, 'utf8');
const start = '<!-- figures:start -->';
const end = '<!-- figures:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error(`${path} lacks the ${start} … ${end} markers`);
writeFileSync(path, `${readme.slice(0, a + start.length)}\n${figures(metrics)}\n${readme.slice(b)}`);
console.log(`updated ${path}`);
