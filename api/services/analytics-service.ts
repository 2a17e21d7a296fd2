import { ValidationError } from '../../core/index.ts';
import {
  type AnalyticsFilter,
  type Bucket,
  type BreakdownRow,
  type Db,
  getCategorySeries,
  getRegionBreakdown,
  getRollupBreakdown,
  getRollupSeries,
  getSlaStats,
  getTopAuthors,
  getTopKeywords,
  listBrands,
  listTopEngagedMentions,
  type MentionFilter,
} from '../../store/index.ts';
import type { AnalyticsQuery } from '../schemas/analytics.ts';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 400;
const MAX_HOUR_RANGE_DAYS = 31;

/** A validated analytics request: the store filter plus the range and bucket. */
export interface AnalyticsRequest {
  filter: AnalyticsFilter;
  bucket: Bucket;
  range: { from: string; to: string; bucket: Bucket };
}

/** Resolve defaults (the last 7 days) and check the range. */
export function analyticsRequest(q: AnalyticsQuery, now = new Date()): AnalyticsRequest {
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 7 * DAY);
  const bad = (message: string, code: string, params?: Record<string, number>) =>
    new ValidationError(message, [{ path: 'query.from', message }], { code, ...(params ? { params } : {}) });
  if (from >= to) throw bad('from must be before to', 'range-order');
  const days = (to.getTime() - from.getTime()) / DAY;
  if (days > MAX_RANGE_DAYS)
    throw bad(`the range may span at most ${MAX_RANGE_DAYS} days`, 'range-too-long', {
      maxDays: MAX_RANGE_DAYS,
    });
  if (q.bucket === 'hour' && days > MAX_HOUR_RANGE_DAYS)
    throw bad(`hour buckets allow at most ${MAX_HOUR_RANGE_DAYS} days`, 'hour-range', {
      maxDays: MAX_HOUR_RANGE_DAYS,
    });
  const filter: AnalyticsFilter = {
    from,
    to,
    brands: q.brand,
    sources: q.source,
    sentiments: q.sentiment,
    categories: q.category,
    regions: q.region,
  };
  return {
    filter,
    bucket: q.bucket,
    range: { from: from.toISOString(), to: to.toISOString(), bucket: q.bucket },
  };
}

/** The raw-table filter for the same request (keywords, authors, top mentions). */
export function rawFilter(f: AnalyticsFilter): MentionFilter {
  return { ...f };
}

type Counts = { total: number; pos: number; neu: number; neg: number };
const zero = (): Counts => ({ total: 0, pos: 0, neu: 0, neg: 0 });

function add(c: Counts, sentiment: string, n: number): void {
  c.total += n;
  if (sentiment === 'pos' || sentiment === 'neu' || sentiment === 'neg') c[sentiment] += n;
}

/** (pos − neg) / total, or null without mentions. */
export function nss(c: Counts): number | null {
  return c.total > 0 ? (c.pos - c.neg) / c.total : null;
}

/** Volume and sentiment per bucket. */
export async function volumeSeries(db: Db, req: AnalyticsRequest) {
  const rows = await getRollupSeries(db, req.filter, req.bucket);
  const byBucket = new Map<string, Counts & { engagement: number }>();
  for (const r of rows) {
    let p = byBucket.get(r.bucket);
    if (!p) {
      p = { ...zero(), engagement: 0 };
      byBucket.set(r.bucket, p);
    }
    add(p, r.sentiment, r.count);
    p.engagement += r.engagement;
  }
  return [...byBucket].map(([bucket, p]) => ({ bucket, ...p }));
}

function pivot(rows: BreakdownRow[]) {
  const by = new Map<string, Counts>();
  for (const r of rows) {
    const c = by.get(r.key) ?? zero();
    add(c, r.sentiment, r.count);
    by.set(r.key, c);
  }
  const total = [...by.values()].reduce((n, c) => n + c.total, 0);
  return [...by]
    .map(([key, c]) => ({ key, ...c, share: total > 0 ? c.total / total : 0, netSentiment: nss(c) }))
    .sort((a, b) => b.total - a.total);
}

/** Totals per value of a dimension (source, category). */
export async function breakdown(db: Db, req: AnalyticsRequest, dim: 'source' | 'category') {
  return pivot(await getRollupBreakdown(db, req.filter, dim));
}

async function sentimentCounts(db: Db, f: AnalyticsFilter): Promise<Counts> {
  const c = zero();
  for (const r of await getRollupBreakdown(db, f, 'sentiment')) add(c, r.sentiment, r.count);
  return c;
}

/**
 * Net sentiment score over the range and the previous period of equal length. `known` skips the
 * query for the current range when the caller already has its counts.
 */
export async function netSentiment(db: Db, req: AnalyticsRequest, known?: Counts) {
  const span = req.filter.to.getTime() - req.filter.from.getTime();
  const prevFilter = { ...req.filter, from: new Date(req.filter.from.getTime() - span), to: req.filter.from };
  const [current, previousCounts] = await Promise.all([
    known ? Promise.resolve(known) : sentimentCounts(db, req.filter),
    sentimentCounts(db, prevFilter),
  ]);
  const score = nss(current);
  const previous = nss(previousCounts);
  return {
    score,
    previous,
    change: score !== null && previous !== null ? score - previous : null,
    current,
    previousCounts,
  };
}

/** Each configured brand's share of all brand mentions (our brands and competitors). */
export async function shareOfVoice(db: Db, req: AnalyticsRequest) {
  const brands = await listBrands(db);
  if (brands.length === 0) return [];
  const rows = await getRollupBreakdown(db, { ...req.filter, brands: brands.map((b) => b.name) }, 'brand');
  const items = pivot(rows);
  return brands
    .map((b) => {
      const it = items.find((i) => i.key === b.name);
      return { ...(it ?? { key: b.name, ...zero(), share: 0, netSentiment: null }), own: b.own };
    })
    .sort((a, b) => b.total - a.total);
}

/** Categories: totals and the per-bucket trend. */
export async function categories(db: Db, req: AnalyticsRequest) {
  const [items, rows] = await Promise.all([
    breakdown(db, req, 'category'),
    getCategorySeries(db, req.filter, req.bucket),
  ]);
  const series = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = series.get(r.bucket) ?? {};
    counts[r.category] = (counts[r.category] ?? 0) + r.count;
    series.set(r.bucket, counts);
  }
  return { items, series: [...series].map(([bucket, counts]) => ({ bucket, counts })) };
}

/** Mentions per province, for the map. */
export async function regions(db: Db, req: AnalyticsRequest) {
  const rows = await getRegionBreakdown(db, req.filter);
  return pivot(rows.map((r) => ({ key: r.region, sentiment: r.sentiment, count: r.count, engagement: 0 })));
}

/** The dashboard overview in one call: totals, NSS with change, series, share of voice, categories, sources. */
export async function overview(db: Db, req: AnalyticsRequest) {
  const [series, sov, cats, srcs] = await Promise.all([
    volumeSeries(db, req),
    shareOfVoice(db, req),
    breakdown(db, req, 'category'),
    breakdown(db, req, 'source'),
  ]);
  const totals = series.reduce(
    (t, p) => ({
      total: t.total + p.total,
      pos: t.pos + p.pos,
      neu: t.neu + p.neu,
      neg: t.neg + p.neg,
      engagement: t.engagement + p.engagement,
    }),
    { ...zero(), engagement: 0 },
  );
  const { engagement: _e, ...counts } = totals;
  const net = await netSentiment(db, req, counts);
  return {
    range: req.range,
    totals,
    netSentiment: net,
    series,
    shareOfVoice: sov,
    categories: cats,
    sources: srcs,
  };
}

/** Word cloud keywords. */
export async function keywords(db: Db, req: AnalyticsRequest, limit: number) {
  return await getTopKeywords(db, rawFilter(req.filter), { limit });
}

/** Top authors by reach or negativity. */
export async function authors(db: Db, req: AnalyticsRequest, limit: number, by: 'reach' | 'negativity') {
  return await getTopAuthors(db, rawFilter(req.filter), { limit, by });
}

/** Most-engaged negative mentions. */
export async function topNegative(db: Db, req: AnalyticsRequest, limit: number) {
  return await listTopEngagedMentions(db, { ...rawFilter(req.filter), sentiments: ['neg'] }, limit);
}

/** SLA figures for cases published in the range. */
export async function sla(db: Db, req: AnalyticsRequest) {
  return await getSlaStats(db, { from: req.filter.from, to: req.filter.to, brands: req.filter.brands });
}
