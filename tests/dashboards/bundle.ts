import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Where the test build of the dashboard goes (git-ignored). */
export const TEST_DIST = join(ROOT, 'test-artifacts', 'dashboards-dist');
const LOCK = join(ROOT, 'test-artifacts', '.dashboards-build.lock');
const STAMP = join(TEST_DIST, '.stamp');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** A hash of every dashboard source file: rebuild only when something changed. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...files(join(ROOT, 'dashboards'))].sort()) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than three minutes belongs to a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Build the dashboard in test mode (chart data exposed for assertions) into test-artifacts, once per
 * source change; parallel test files wait for one another.
 */
export async function ensureTestBundle(): Promise<string> {
  return withLock(async () => {
    const hash = sourceHash();
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return TEST_DIST;
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'dashboards', 'vite.config.ts'),
      mode: 'test',
      logLevel: 'error',
      build: { outDir: TEST_DIST, emptyOutDir: true },
    });
    writeFileSync(STAMP, hash);
    return TEST_DIST;
  });
}
