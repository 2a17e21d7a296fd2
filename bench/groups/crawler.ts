import type { SourceKind } from '../../core/index.ts';
import { sourceSchema } from '../../core/index.ts';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import { type RunningReplicas, startReplicas } from '../../crawler/index.ts';
import type { BenchContext, BenchGroup, BenchResult } from '../types.ts';

/** Fixed replica clock (2024-11-19 12:00 China time): the same content every run. */
const NOW = Date.UTC(2024, 10, 19, 4, 0, 0);

/** What each adapter crawls. */
const TARGETS: Record<SourceKind, Record<string, unknown>> = {
  weibo: { queries: ['联通', '移动', '电信', '宽带'] },
  tieba: { queries: ['联通', '移动'], boards: ['中国移动', '联通'] },
  zhihu: { queries: ['联通', '移动', '电信'] },
  discuz: { queries: ['宽带'], boards: ['12', '2', '36', '41'] },
  heimao: { queries: ['联通', '移动', '电信'], accounts: [{ id: 'bench', cookies: 'SUB=bench' }] },
  appstore: { appIds: ['900100001', '900100002', '900100003'] },
  // A feed is one request: crawl many subscriptions (distinct URLs) so the figure is about throughput, not start-up.
  rss: {
    feeds: Array.from(
      { length: 60 },
      (_v, i) => `${['telecom.xml', 'gbk.xml', 'atom.xml'][i % 3]}?subscription=${i}`,
    ),
  },
};

/** The browser adapter pages each query in order, so parallel queries are what fills its pages. */
const BROWSER_QUERIES = ['联通', '移动', '电信', '宽带', '套餐', '信号'];

interface Measured {
  pages: number;
  items: number;
  seconds: number;
}

async function measure(
  rep: RunningReplicas,
  kind: SourceKind,
  browser: boolean,
  ctx: BenchContext,
): Promise<Measured> {
  const source = sourceSchema.parse({
    id: `bench-${kind}${browser ? '-browser' : ''}`,
    kind,
    baseUrl: browser ? `${rep.baseUrls.weibo}/sweibo` : rep.baseUrls[kind],
    replica: true,
    browser,
    maxRequestsPerMinute: 1_000_000,
    maxConcurrency: browser ? 6 : 16,
    maxPagesPerRun: 50,
    ...TARGETS[kind],
    ...(browser ? { queries: BROWSER_QUERIES } : {}),
  });
  let items = 0;
  const started = performance.now();
  const res = await crawlSource({
    source,
    state: memoryCrawlState(),
    now: new Date(NOW),
    sink: async (batch) => {
      items += batch.length;
    },
    chromiumPath: ctx.config.env.CHROMIUM_PATH,
    logger: ctx.logger,
  });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 'ok')
    ctx.logger.warn(
      { kind, status: res.status, errors: res.errors.slice(0, 3) },
      'bench crawl was not clean',
    );
  return { pages: res.pages, items, seconds };
}

function results(name: string, m: Measured, target: number): BenchResult[] {
  const note = `${m.pages} pages, ${m.items} mentions in ${m.seconds.toFixed(2)} s against the local replica (real HTTP)`;
  return [
    {
      name: `crawler.${name}.pages_per_s`,
      value: m.pages / m.seconds,
      unit: 'pages/s',
      target,
      better: 'higher',
      note,
    },
    {
      name: `crawler.${name}.mentions_per_s`,
      value: m.items / m.seconds,
      unit: 'mentions/s',
      target: null,
      better: 'higher',
      note,
    },
  ];
}

/** Crawl throughput per adapter against the seeded replicas: HTTP/JSON ≥ 50 pages/s, browser ≥ 4 pages/s. */
const group: BenchGroup = {
  name: 'crawler',
  description: 'pages/s and mentions/s per adapter against the local replicas (HTTP and Chromium)',
  async run(ctx) {
    const scale = Math.max(0.1, ctx.scale);
    const initial = (n: number) => Math.round(n * 5 * scale);
    const rep = await startReplicas({
      seed: 42,
      now: NOW,
      initialPosts: {
        weibo: initial(160),
        tieba: initial(40),
        zhihu: initial(40),
        discuz: initial(40),
        heimao: initial(60),
        appstore: initial(120),
        rss: initial(30),
      },
    });
    const out: BenchResult[] = [];
    try {
      for (const kind of Object.keys(TARGETS) as SourceKind[])
        out.push(...results(kind, await measure(rep, kind, false, ctx), 50));
      out.push(...results('weibo_browser', await measure(rep, 'weibo', true, ctx), 4));
    } finally {
      await rep.close();
    }
    return out;
  },
};

export default group;
