import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'koubei-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run a script that registers a shutdown step (it writes `marker`) and then fails as given. */
function crash(failure: string, marker: string) {
  const script = `
    import { writeFileSync } from 'node:fs';
    import { silentLogger } from './core/index.ts';
    import { Shutdown } from './cli/shutdown.ts';
    const s = new Shutdown(silentLogger());
    s.add('step', async () => writeFileSync(${JSON.stringify(marker)}, 'stopped'));
    s.installSignalHandlers();
    setTimeout(() => { ${failure} }, 10);
    setInterval(() => {}, 1000);`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('shutdown on a fatal error', () => {
  it('runs the shutdown steps (stopping the private Redis) and exits 1 on an uncaught exception', () => {
    const marker = join(dir, 'thrown');
    const r = crash("throw new Error('boom')", marker);
    expect(r.status).toBe(1);
    expect(existsSync(marker)).toBe(true);
  });

  it('does the same for an unhandled promise rejection', () => {
    const marker = join(dir, 'rejected');
    const r = crash("Promise.reject(new Error('boom'))", marker);
    expect(r.status).toBe(1);
    expect(existsSync(marker)).toBe(true);
  });
});
