import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { count, countDistinct, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, caseMentions, cases, mentions } from '../../store/index.ts';
import { createQueues, type Queues } from '../../workers/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { distinctNegativeText, mention, waitFor } from './fixtures/setup.ts';

const SCRIPT = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const TOTAL = 3_000;

/** Spawn a worker process and wait for it to report ready. */
async function spawnWorker(opts: { dbUrl: string; redisUrl: string; prefix: string }): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(opts)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before ready`)));
  });
  return child;
}

const exited = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

// PGlite is one process's database; crossing processes needs the PostgreSQL server.
describe('worker processes on postgres', () => {
  let t: TestDb;
  let queues: Queues;
  const children: ChildProcess[] = [];
  const prefix = uniquePrefix('wk');
  const redis = testRedis(prefix);

  beforeAll(async () => {
    t = await createTestDb('postgres');
    queues = createQueues({ redisUrl: testRedisUrl(), prefix, batchSize: 25 });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await queues.close();
    await redis.cleanup();
    await t.cleanup();
  });

  const routedCount = async () => Number((await t.db.select({ n: count() }).from(caseMentions))[0]?.n ?? 0);

  it('loses nothing when a worker is killed with SIGKILL mid-batch, and two successors open one case per conversation', async () => {
    const opts = { dbUrl: t.url ?? '', redisUrl: testRedisUrl(), prefix };
    const batch = Array.from({ length: TOTAL }, (_, i) =>
      mention({ text: distinctNegativeText(i), externalId: `crash:${i}` }),
    );
    // Every mention twice: duplicate delivery on top of the crash.
    await queues.enqueueMentions(batch);
    await queues.enqueueMentions(batch.slice(0, TOTAL / 2).reverse());
    const victim = await spawnWorker(opts);
    children.push(victim);
    await waitFor(async () => (await routedCount()) >= 200, 60_000, 10);
    victim.kill('SIGKILL');
    await exited(victim);
    const atKill = await routedCount();
    expect(atKill).toBeLessThan(TOTAL);
    children.push(await spawnWorker(opts), await spawnWorker(opts));
    await waitFor(async () => (await routedCount()) === TOTAL, 90_000, 100);
    const [m] = await t.db.select({ n: count(), ids: countDistinct(mentions.externalId) }).from(mentions);
    expect(m).toEqual({ n: TOTAL, ids: TOTAL });
    const [c] = await t.db.select({ n: count() }).from(cases);
    expect(c?.n).toBe(TOTAL);
    const [opened] = await t.db
      .select({ n: count(), cases: countDistinct(caseEvents.caseId) })
      .from(caseEvents)
      .where(eq(caseEvents.type, 'opened'));
    expect(opened).toEqual({ n: TOTAL, cases: TOTAL });
    expect(await queues.listDeadLetters()).toEqual([]);
  });

  it('stops gracefully on SIGTERM', async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    for (const c of running) c.kill('SIGTERM');
    await Promise.all(running.map(exited));
    expect(running.every((c) => c.exitCode === 0)).toBe(true);
  });
});
