import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig } from '../core/index.ts';
import type { BenchGroup, BenchResult } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Every bench/groups/*.ts file default-exports one group; adding a file adds a group. */
async function loadGroups(): Promise<BenchGroup[]> {
  const dir = join(HERE, 'groups');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const groups: BenchGroup[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: BenchGroup };
    if (mod.default) groups.push(mod.default);
  }
  return groups;
}

function table(rows: (BenchResult & { group: string })[]): string {
  const lines = rows.map((r) => {
    const ok =
      r.target === null
        ? ''
        : (r.better === 'higher' ? r.value >= r.target : r.value <= r.target)
          ? 'ok'
          : 'MISS';
    const target = r.target === null ? '' : `${r.better === 'higher' ? '>=' : '<='} ${r.target}`;
    return [r.name, `${Number(r.value.toPrecision(4))} ${r.unit}`, target, ok, r.note ?? ''];
  });
  const head = ['name', 'value', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  return [head, ...lines].map((l) => l.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

/** Run the bench groups named by `--only` (default: all) and write the results. */
export async function runBench(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: 'string', multiple: true }, scale: { type: 'string' }, out: { type: 'string' } },
  });
  const config = loadConfig();
  const logger = createLogger({ level: config.env.LOG_LEVEL === 'info' ? 'warn' : config.env.LOG_LEVEL });
  const scale = values.scale ? Number(values.scale) : 1;
  const groups = (await loadGroups()).filter((g) => !values.only || values.only.includes(g.name));
  if (values.only && groups.length === 0) throw new Error(`no bench group named ${values.only.join(', ')}`);
  const env = {
    machine: `${hostname()} (${cpus()[0]?.model ?? 'unknown cpu'})`,
    cores: cpus().length,
    node: process.version,
    database: config.env.DATABASE_URL ? 'postgres' : 'pglite',
  };
  const results: (BenchResult & { group: string; env: typeof env })[] = [];
  for (const g of groups) {
    process.stderr.write(`bench: ${g.name} — ${g.description}\n`);
    for (const r of await g.run({ config, logger, scale })) results.push({ ...r, group: g.name, env });
  }
  const out = values.out ?? join(HERE, 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n\nwritten to ${out}\n`);
}
