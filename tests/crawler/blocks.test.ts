import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig, SourceKind } from '../../core/index.ts';
import { crawlSource, dbCrawlState } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { crawlCursors, getSourceHealth, listSourceSessions } from '../../store/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { collector, FAST, NOW, replicaSource, startTestReplicas } from './helpers.ts';

const BACKOFF = 15 * 60_000;

/** What each site crawls in these tests. */
const TARGETS: Record<SourceKind, Partial<SourceConfig>> = {
  weibo: { queries: ['联通'] },
  tieba: { queries: ['联通'] },
  zhihu: { queries: ['联通'] },
  discuz: { boards: ['12'] },
  heimao: { queries: ['联通'], accounts: [{ id: 'sina', cookies: 'SUB=ok' }] },
  appstore: { appIds: ['900100001'] },
  rss: { feeds: ['telecom.xml'] },
};

/** Every block signal of sources.md: [site, replica variant, the signal the adapter reports]. */
const SIGNALS: [SourceKind, string, string][] = [
  ['weibo', '432', 'http-432'],
  ['weibo', '418', 'http-418'],
  ['weibo', 'ok-100', 'ok-100'],
  ['weibo', 'captcha', 'captcha'],
  ['weibo', '403', 'http-403'],
  ['tieba', 'wappass', 'wappass'],
  ['tieba', '403', 'security-403'],
  ['tieba', 'blocked', 'blocked-body'],
  ['tieba', 'empty', 'blocked-body'],
  ['zhihu', '40362', 'zhihu-40362'],
  ['zhihu', '10003', 'zhihu-10003'],
  ['discuz', 'login', 'login'],
  ['heimao', 'login', 'login'],
  ['appstore', '403', 'http-403'],
  ['rss', '429', 'http-429'],
];

describe('block signals (health record on PGlite)', () => {
  let rep: RunningReplicas;
  let t: TestDb;
  beforeAll(async () => {
    rep = await startTestReplicas();
    t = await createTestDb('pglite');
  });
  afterAll(async () => {
    await rep.close();
    await t.cleanup();
  });

  it.each(SIGNALS)(
    '%s %s: benches the session, records health, keeps the cursor, then backs off',
    async (kind, variant, signal) => {
      const id = `${kind}-${variant}`.replace(/[^a-z0-9-]/g, '');
      const source = replicaSource(rep, kind, { id, ...TARGETS[kind] });
      // The wappass captcha page is served by the replica too: block only the search, or the redirect would loop.
      rep.runtime.faults.add([
        { site: kind, kind: 'block', variant, ...(variant === 'wappass' ? { path: '/f/search' } : {}) },
      ]);
      const res = await crawlSource({ ...FAST, source, db: t.db, sink: collector().sink });
      rep.runtime.faults.clear();
      expect(res).toMatchObject({ status: 'blocked', blockSignal: signal, items: 0 });
      expect(res.blockedUntil?.getTime()).toBe(NOW + BACKOFF);
      const health = await getSourceHealth(t.db, id);
      expect(health).toMatchObject({ blockSignal: signal, itemsLastRun: 0 });
      expect(health?.blockedUntil?.getTime()).toBe(NOW + BACKOFF);
      expect(health?.lastError).toBeTruthy();
      const sessions = await listSourceSessions(t.db, id);
      expect(sessions).toEqual([
        expect.objectContaining({
          accountId: source.accounts[0]?.id ?? 'anonymous',
          blockSignal: signal,
          errorCount: 1,
        }),
      ]);
      const cursors = await t.db.select().from(crawlCursors);
      expect(cursors.filter((c) => c.sourceId === id)).toEqual([]);
      // Still benched: the next run sends nothing.
      const later = await crawlSource({
        ...FAST,
        source,
        db: t.db,
        sink: collector().sink,
        now: new Date(NOW + 60_000),
      });
      expect(later).toMatchObject({ status: 'skipped', pages: 0 });
    },
  );

  it('rotates to the next account when one is blocked, and never logs cookies', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({ write: (chunk, _enc, done) => done(void lines.push(String(chunk))) }),
    );
    const source = replicaSource(rep, 'weibo', {
      id: 'weibo-rotate',
      queries: ['联通'],
      maxConcurrency: 1,
      accounts: [
        { id: 'first', cookies: 'SUB=secret-one; SUBP=x1' },
        { id: 'second', cookies: 'SUB=secret-two; SUBP=x2' },
      ],
    });
    rep.runtime.requireCookie.weibo = ['secret-one', 'secret-two'];
    rep.runtime.faults.add([
      { site: 'weibo', path: '/api/container/getIndex', kind: 'block', variant: '432', count: 1 },
    ]);
    const got = collector();
    const res = await crawlSource({
      ...FAST,
      source,
      state: dbCrawlState(t.db),
      sink: got.sink,
      logger,
      comments: false,
    });
    rep.runtime.faults.clear();
    delete rep.runtime.requireCookie.weibo;
    expect(res.status).toBe('ok');
    expect(got.all.length).toBeGreaterThan(10);
    const sessions = await listSourceSessions(t.db, 'weibo-rotate');
    expect(sessions.find((s) => s.accountId === 'first')).toMatchObject({
      blockSignal: 'http-432',
      errorCount: 1,
    });
    expect(sessions.find((s) => s.accountId === 'second')).toMatchObject({
      blockedUntil: null,
      errorCount: 0,
    });
    expect(lines.join('\n')).toMatch(/crawl session blocked/);
    expect(lines.join('\n')).not.toMatch(/secret-one|secret-two/);
  });

  it('a wrong cookie (account rejected) is a block, a right one crawls', async () => {
    rep.runtime.requireCookie.zhihu = ['good'];
    const bad = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'zhihu', {
        id: 'zhihu-badcookie',
        queries: ['联通'],
        accounts: [{ id: 'z', cookies: 'd_c0=bad' }],
      }),
      db: t.db,
      sink: collector().sink,
    });
    const good = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'zhihu', {
        id: 'zhihu-goodcookie',
        queries: ['联通'],
        accounts: [{ id: 'z', cookies: 'd_c0=good' }],
      }),
      db: t.db,
      sink: collector().sink,
    });
    delete rep.runtime.requireCookie.zhihu;
    expect(bad).toMatchObject({ status: 'blocked', blockSignal: 'zhihu-10003' });
    expect(good.status).toBe('ok');
  });
});
