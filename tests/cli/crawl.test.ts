import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnKoubei } from '../helpers/cli.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'koubei-crawl-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('koubei crawl', () => {
  it('backfills one demo source and query from the replicas and reports what it crawled', async () => {
    const cwd = tmp();
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const run = spawnKoubei(
      ['crawl', '--source', 'demo-weibo', '--query', '联通', '--since', since, '--max-pages', '20'],
      {
        cwd,
        env: { KOUBEI_DATA_DIR: join(cwd, 'data') },
      },
    );
    expect(await run.exited).toBe(0);
    const line = run
      .output()
      .split('\n')
      .find((l) => l.startsWith('{"sourceId"'));
    expect(line).toBeDefined();
    const result = JSON.parse(line ?? '{}') as {
      sourceId: string;
      status: string;
      items: number;
      pages: number;
    };
    expect(result.sourceId).toBe('demo-weibo');
    expect(['ok', 'partial']).toContain(result.status);
    expect(result.items).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(0);
  }, 120_000);

  it('names the configured sources when the source is unknown, and rejects a bad date', async () => {
    const cwd = tmp();
    const env = { KOUBEI_DATA_DIR: join(cwd, 'data') };
    const unknown = spawnKoubei(['crawl', '--source', 'nope', '--query', 'x', '--since', '2026-01-01'], {
      cwd,
      env,
    });
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toMatch(/No source "nope".*demo-weibo/);
    const badDate = spawnKoubei(['crawl', '--source', 'demo-weibo', '--query', 'x', '--since', 'yesterday'], {
      cwd,
      env,
    });
    expect(await badDate.exited).toBe(1);
    expect(badDate.output()).toContain('--since "yesterday" is not a date');
  }, 120_000);
});
