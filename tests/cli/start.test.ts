import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../core/index.ts';
import { spawnKoubei } from '../helpers/cli.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'koubei-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function redisPid(dataDir: string): number | null {
  const pidFile = join(dataDir, 'redis', 'redis.pid');
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null;
}

describe('koubei start', () => {
  it('comes up ready, prints the login once, refuses a second start, and stops cleanly on SIGINT', async () => {
    const cwd = tmp();
    const env = {
      PORT: '0',
      KOUBEI_ADMIN_PASSWORD: 'first-run-pw',
      KOUBEI_CONFIG: join(cwd, 'koubei.config.json'),
    };
    // No sources and demo off: this test is about the spine, not the crawlers.
    writeFileSync(env.KOUBEI_CONFIG, JSON.stringify({ demo: { enabled: false } }));
    const app = spawnKoubei(['start'], { cwd, env });
    const [, url] = await app.waitFor(/Dashboard:\s+(http:\/\/127\.0\.0\.1:\d+)\//);
    expect(app.output()).toContain('Login:      admin / first-run-pw');
    const ready = await getJson(`${url}/readyz`);
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(ready.body.checks).toMatchObject({
      database: { ok: true },
      redis: { ok: true },
      migrations: { ok: true },
    });

    const second = spawnKoubei(['start'], { cwd, env });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already running on data directory/);

    const pid = redisPid(join(cwd, 'data'));
    expect(pid).toBeGreaterThan(0);
    app.child.kill('SIGINT');
    expect(await app.exited, app.output()).toBe(0);
    expect(isProcessAlive(pid ?? 0)).toBe(false);

    // Data survives: the admin exists, so the second run prints no password.
    const again = spawnKoubei(['start'], { cwd, env });
    await again.waitFor(/Dashboard:/);
    expect(again.output()).toContain('an admin exists already');
    again.child.kill('SIGTERM');
    expect(await again.exited, again.output()).toBe(0);
  });

  it('exits 2 with the field and the fix for an invalid config file, without a stack trace', async () => {
    const cwd = tmp();
    writeFileSync(
      join(cwd, 'koubei.config.json'),
      JSON.stringify({ sources: [{ id: 'x', kind: 'myspace', baseUrl: 'https://a.example' }] }),
    );
    const app = spawnKoubei(['start'], { cwd, env: { PORT: '0' } });
    expect(await app.exited).toBe(2);
    expect(app.output()).toMatch(/sources\.0\.kind/);
    expect(app.output()).toMatch(/fix: use one of weibo/);
    expect(app.output()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('keeps running and reports the database in /readyz when DATABASE_URL cannot be reached', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'koubei.config.json'), JSON.stringify({ demo: { enabled: false } }));
    const app = spawnKoubei(['api'], {
      cwd,
      env: { PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    const [, port] = await app.waitFor(/"url":"http:\/\/127\.0\.0\.1:(\d+)"/);
    let body: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) {
      const r = await getJson(`http://127.0.0.1:${port}/readyz`);
      body = r.body;
      expect(r.status).toBe(503);
      if (
        String((body.checks as Record<string, { detail?: string }>).database?.detail).includes('unreachable')
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((body.checks as Record<string, { detail?: string }>).database?.detail).toMatch(/unreachable/);
    expect(app.child.exitCode).toBeNull();
    app.child.kill('SIGTERM');
    expect(await app.exited, app.output()).toBe(0);
  });
});
