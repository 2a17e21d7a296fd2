import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startPrivateRedis } from '../../core/index.ts';
import { caseEvents, type DbHandle, openDatabase } from '../../store/index.ts';
import { startPipeline } from '../../workers/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { caseOf, distinctNegativeText, mention, testConfig, waitFor } from './fixtures/setup.ts';

describe('a Redis restart', () => {
  let t: TestDb;
  const dir = mkdtempSync(join(tmpdir(), 'koubei-redis-restart-'));
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is survived: workers reconnect and pending SLA timers still fire', async () => {
    let redis = await startPrivateRedis({ dir, appendOnly: true });
    const config = testConfig({ sla: { timeScale: 1 / 14_400 } });
    const pipeline = await startPipeline({
      config,
      logger: silentLogger(),
      db: t.db,
      redisUrl: redis.url,
      prefix: 'rr',
    });
    try {
      const m = mention({ text: distinctNegativeText(901) });
      await pipeline.queues.enqueueMentions([m]);
      const caseId = await waitFor(() => caseOf(t.db, m.externalId));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 1_000));
      redis = await startPrivateRedis({ dir, port: redis.port, appendOnly: true });
      const fired = await waitFor(async () => {
        const evs = await t.db
          .select()
          .from(caseEvents)
          .where(eq(caseEvents.caseId, caseId))
          .orderBy(asc(caseEvents.id));
        return evs.some((e) => e.type === 'breach') ? evs : undefined;
      }, 30_000);
      expect(fired.filter((e) => e.type === 'breach')).toHaveLength(1);
      expect(fired.filter((e) => e.type === 'escalation')).toHaveLength(1);
    } finally {
      await pipeline.stop();
      await redis.stop();
    }
  });
});

/** A TCP proxy to PostgreSQL that can be cut (connections dropped, new ones refused) and restored. */
async function startProxy(
  target: URL,
): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server?.listen(port, '127.0.0.1', r));
    const addr = server.address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
  };
  const cut = async () => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise((r) => s.close(r));
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe('a database outage', () => {
  let t: TestDb;
  let proxied: DbHandle;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const prefix = uniquePrefix('wo');
  const redis = testRedis(prefix);
  beforeAll(async () => {
    t = await createTestDb('postgres');
    proxy = await startProxy(new URL(t.url ?? ''));
    const url = new URL(t.url ?? '');
    url.port = String(proxy.port);
    proxied = await openDatabase({ url: url.toString(), poolSize: 4 });
  });
  afterAll(async () => {
    await proxied.close();
    await proxy.close();
    await redis.cleanup();
    await t.cleanup();
  });

  it('makes jobs wait and retry without using up attempts, then they complete', async () => {
    const config = testConfig();
    const pipeline = await startPipeline({
      config,
      logger: silentLogger(),
      db: proxied.db,
      redisUrl: testRedisUrl(),
      prefix,
    });
    try {
      await proxy.cut();
      const m = mention({ text: distinctNegativeText(902) });
      await pipeline.queues.enqueueMentions([m]);
      // Longer than attempts (3) × backoff (50 ms doubling) would last if failures counted.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(await pipeline.queues.listDeadLetters()).toEqual([]);
      const job = (await pipeline.queues.ingest.getJobs(['delayed', 'active', 'waiting']))[0];
      expect(job?.attemptsMade).toBe(0);
      expect(job?.attemptsStarted).toBeGreaterThan(3);
      await proxy.restore();
      expect(await waitFor(() => caseOf(t.db, m.externalId), 60_000)).toBeGreaterThan(0);
    } finally {
      await pipeline.stop();
    }
  });
});

describe('a start that fails part-way', () => {
  let t: TestDb;
  const prefix = uniquePrefix('wsf');
  const redis = testRedis(prefix);
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => {
    await redis.cleanup();
    await t.cleanup();
  });

  const threads = () => readdirSync('/proc/self/task').length;
  const clients = async () =>
    String(await redis.redis.client('LIST'))
      .split('\n')
      .filter((l) => l.includes(`name=${prefix}-`)).length;

  it('closes what it had opened: the analyzer thread and every Redis connection', async () => {
    // The SLA role's first step reads cases: without the table, start-up fails after the queues'
    // connection and the analyzer thread are open.
    await t.db.execute(sql`drop table cases cascade`);
    const before = threads();
    await expect(
      startPipeline({
        config: testConfig(),
        logger: silentLogger(),
        db: t.db,
        redisUrl: testRedisUrl(),
        prefix,
      }),
    ).rejects.toThrow(/cases/);
    expect(await clients()).toBe(0);
    expect(threads()).toBeLessThanOrEqual(before);
  });
});
