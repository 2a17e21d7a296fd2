import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../core/index.ts';
import { crawlSource, memoryCrawlState, type NormalizedMention, storeSink } from '../../crawler/index.ts';
import type { FaultRule, RunningReplicas } from '../../crawler/replicas/index.ts';
import { mentions, quarantine, resultRows } from '../../store/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';
import { collector, FAST, replicaSource, startTestReplicas } from './helpers.ts';

const FAULTS: FaultRule[] = [
  { site: 'weibo', kind: 'error', rate: 0.15, status: 503 },
  { site: 'weibo', kind: 'malformed', rate: 0.1 },
  { site: 'weibo', kind: 'reset', rate: 0.05 },
  { site: 'weibo', kind: 'slow', rate: 0.05, delayMs: 30 },
  { site: 'discuz', kind: 'wrong-encoding', rate: 0.3 },
  { site: 'discuz', kind: 'truncate', rate: 0.1 },
  { site: 'discuz', kind: 'error', rate: 0.1, status: 502 },
];

describe.each(DB_KINDS)('crawling under injected faults (%s)', (kind) => {
  let rep: RunningReplicas;
  let t: TestDb;
  let sources: SourceConfig[] = [];
  const clean = new Map<string, NormalizedMention>();
  beforeAll(async () => {
    rep = await startTestReplicas();
    t = await createTestDb(kind);
    sources = [
      replicaSource(rep, 'weibo', { queries: ['联通', '移动'] }),
      replicaSource(rep, 'discuz', { boards: ['12', '2'] }),
    ];
    // Reference: what a fault-free crawl of the same (seeded, fixed-clock) replica delivers.
    for (const source of sources) {
      const ref = collector();
      await crawlSource({ ...FAST, source, state: memoryCrawlState(), sink: ref.sink });
      for (const m of ref.all) clean.set(`${m.source}:${m.externalId}`, m);
    }
  });
  afterAll(async () => {
    await rep.close();
    await t.cleanup();
  });

  it('loses no item, stores none twice, and quarantines the bad bodies', async () => {
    rep.runtime.faults.add(FAULTS);
    let delivered = 0;
    const sink = storeSink(t.db);
    for (const source of sources) {
      const res = await crawlSource({
        ...FAST,
        source,
        db: t.db,
        maxRequestRetries: 10,
        sink: async (b) => {
          delivered += b.length;
          await sink(b);
        },
      });
      expect(res.status, `${source.id}: ${res.errors.join('; ')}`).toBe('ok');
    }
    rep.runtime.faults.clear();
    const rows = await t.db
      .select({ source: mentions.source, externalId: mentions.externalId, text: mentions.text })
      .from(mentions);
    const stored = new Map(rows.map((r) => [`${r.source}:${r.externalId}`, r]));
    expect(stored.size).toBe(rows.length);
    for (const [key, m] of clean) expect(stored.get(key)?.text, key).toBe(m.text);
    expect(rows.length).toBe(clean.size);
    expect(delivered).toBe(clean.size);
    const bad = await t.db.select().from(quarantine);
    expect(bad.length).toBeGreaterThan(0);
    for (const q of bad) {
      expect(q.sourceId).toMatch(/^(weibo|discuz)-test$/);
      expect(q.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(q.reason.length).toBeGreaterThan(0);
      expect(q.errorKind).toBe('ParseError');
      expect(q.rawBody?.length).toBeGreaterThan(0);
    }
  });

  it('a full re-crawl (cursors reset) refreshes counters without inserting anything', async () => {
    await t.db.execute(sql`delete from crawl_cursors`);
    const before = resultRows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from mentions`),
    )[0]?.n;
    for (const source of sources)
      expect((await crawlSource({ ...FAST, source, db: t.db, sink: storeSink(t.db) })).status).toBe('ok');
    const after = resultRows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from mentions`),
    )[0]?.n;
    expect(after).toBe(before);
  });
});
