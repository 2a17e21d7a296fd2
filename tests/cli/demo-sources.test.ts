import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSources } from '../../cli/demo-sources.ts';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { collector, FAST, startTestReplicas } from '../crawler/helpers.ts';

/**
 * `npm start` crawls these sources; each must collect something from its replica. (The RSS demo
 * source once asked for /rss/telecom instead of /rss/telecom.xml and collected nothing for weeks.)
 */
describe('demo sources', () => {
  let rep: RunningReplicas;
  beforeAll(async () => {
    rep = await startTestReplicas();
  });
  afterAll(async () => {
    await rep.close();
  });

  it('each collects mentions from its replica without errors', async () => {
    const sources = demoSources(rep.baseUrls);
    expect(new Set(sources.map((s) => s.kind)).size).toBe(sources.length);
    const outcomes: Record<string, { status: string; items: number; errors: number }> = {};
    for (const demo of sources) {
      // As configured, except for speed: no rate limit to wait on, one page a target.
      const source = { ...demo, maxRequestsPerMinute: 60_000, maxPagesPerRun: 1 };
      const got = collector();
      const res = await crawlSource({ ...FAST, source, state: memoryCrawlState(), sink: got.sink });
      outcomes[demo.id] = { status: res.status, items: got.all.length, errors: res.errors.length };
    }
    for (const [id, o] of Object.entries(outcomes)) {
      expect(o, id).toMatchObject({ status: 'ok', errors: 0 });
      expect(o.items, id).toBeGreaterThan(0);
    }
  });
});
