import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, silentLogger } from '../../core/index.ts';
import { cases, putSetting } from '../../store/index.ts';
import { effectiveConfig, type Pipeline, startPipeline, watchSettings } from '../../workers/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { caseOf, mention, testConfig, waitFor } from './fixtures/setup.ts';

const admin = { userId: null, actorType: 'user', actorId: 'admin' };

describe('admin settings over the config file', () => {
  let t: TestDb;
  let pipeline: Pipeline;
  const prefix = uniquePrefix('wls');
  const redis = testRedis(prefix);
  const config = testConfig();

  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => {
    await pipeline?.stop();
    await redis.cleanup();
    await t.cleanup();
  });

  it('uses a stored section, and the file when the stored one does not validate', async () => {
    await putSetting(t.db, { key: 'sla', value: { firstResponseHours: 4 }, ...admin });
    await putSetting(t.db, { key: 'routing', value: { teams: 'not a list' }, ...admin });
    const eff = await effectiveConfig(t.db, config);
    expect(eff.sla.firstResponseHours).toBe(4);
    expect(eff.sla.reminders).toEqual([0.5, 0.8]); // schema defaults fill the rest
    expect(eff.routing).toEqual(config.routing);
    expect(eff.sources).toBe(config.sources);
  });

  it('tells a watcher when a stored section changes', async () => {
    const seen: Config[] = [];
    const w = watchSettings({ db: t.db, base: config, intervalMs: 50, apply: (c) => seen.push(c) });
    await new Promise((r) => setTimeout(r, 120));
    expect(seen).toHaveLength(0); // nothing changed since it started
    await putSetting(t.db, { key: 'sla', value: { firstResponseHours: 6 }, ...admin });
    const next = await waitFor(async () => seen[0]);
    expect(next.sla.firstResponseHours).toBe(6);
    await w.stop();
  });

  it('opens cases on the stored SLA policy, and follows a change without a restart', async () => {
    await putSetting(t.db, { key: 'sla', value: { firstResponseHours: 6 }, ...admin });
    pipeline = await startPipeline({
      config,
      logger: silentLogger(),
      db: t.db,
      redisUrl: testRedisUrl(),
      prefix,
      settingsIntervalMs: 50,
    });
    const dueHours = async (text: string) => {
      const m = mention({ text });
      await pipeline.queues.enqueueMentions([m]);
      const caseId = await waitFor(() => caseOf(t.db, m.externalId));
      const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
      return ((c?.firstResponseDueAt.getTime() ?? 0) - (c?.publishedAt.getTime() ?? 0)) / 3_600_000;
    };
    expect(await dueHours('联通宽带又断网了，报修三天没人管，太差了')).toBe(6);
    await putSetting(t.db, { key: 'sla', value: { firstResponseHours: 12 }, ...admin });
    await new Promise((r) => setTimeout(r, 300));
    expect(await dueHours('联通信号太差了，打电话总是断，客服也不管，气死了')).toBe(12);
  });
});
