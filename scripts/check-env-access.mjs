#!/usr/bin/env node
// Lint rule: only core/config.ts reads process.env (one config module, checked at start-up).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const DIRS = ['core', 'store', 'nlp', 'crawler', 'workers', 'api', 'cli', 'bench', 'dashboards/src'];
const ALLOWED = new Set(['core/config.ts']);
const offenders = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
    } else if (/\.(ts|tsx|mts)$/.test(e.name)) {
      const rel = relative(ROOT, p);
      if (ALLOWED.has(rel)) continue;
      readFileSync(p, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/process\.env\b/.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line))
            offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
  }
}
for (const d of DIRS) walk(join(ROOT, d));
if (offenders.length) {
  console.error('Only core/config.ts may read process.env. Take the value from the Config object instead:');
  for (const o of offenders) console.error(`  ${o}`);
  process.exit(1);
}
