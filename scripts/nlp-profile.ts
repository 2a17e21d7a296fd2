/**
 * Profile analyze() on typical 140-character posts (as bench/groups/nlp.ts builds them): prints the
 * throughput per CPU-second of each round. Run under `node --cpu-prof` for a full profile:
 *   node --cpu-prof --import tsx scripts/nlp-profile.ts [--n 20000] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { defaultAnalyzer, readTelecomRows } from '../nlp/index.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' } },
});

function posts(n: number): string[] {
  const texts = readTelecomRows().map((r) => r.text);
  const out: string[] = [];
  for (let i = 0; out.length < n && texts.length; i++) {
    let t = texts[i % texts.length] ?? '';
    while (t.length < 140) t += `，${texts[(i * 7 + t.length) % texts.length] ?? ''}`;
    out.push(t.slice(0, 140));
  }
  return out;
}

const items = posts(Number(values.n));
const analyzer = defaultAnalyzer();
for (const s of items.slice(0, 500)) analyzer.analyze(s);
for (let r = 0; r < Number(values.rounds); r++) {
  const cpu = process.cpuUsage();
  for (const s of items) analyzer.analyze(s);
  const used = process.cpuUsage(cpu);
  console.log(`${(items.length / ((used.user + used.system) / 1e6)).toFixed(0)} mentions/s`);
}
