import type {
  AnalyticsFilters,
  Bucket,
  BreakdownItem,
  CategoriesResponse,
  Campaign,
  Overview,
  OverviewExtra,
  OverviewResponse,
  RangeInfo,
} from './analytics-types.ts';
import { brandColor } from './brand-colors.ts';
import { get } from './client.ts';
import type { Brand, Mention } from './types.ts';

const HOUR = 3_600_000;

/** Hourly buckets up to two days, daily up to 100 days, weekly beyond. */
export function bucketFor(from: string, to: string): Bucket {
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 48 * HOUR) return 'hour';
  return span <= 100 * 24 * HOUR ? 'day' : 'week';
}

/** The same range shifted back by its own length. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return { from: new Date(a - (b - a)).toISOString(), to: from };
}

/** Settle a secondary call to a fallback, so one failing panel does not blank the page. */
async function soft<T>(p: Promise<T>, fallback: T): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    console.warn('overview panel failed', err);
    return fallback;
  }
}

const pct = (x: number | null) => (x === null ? null : x * 100);

function assemble(
  f: AnalyticsFilters,
  o: OverviewResponse,
  parts: {
    cats: CategoriesResponse | null;
    prevCats: BreakdownItem[] | null;
    regions: BreakdownItem[];
    brands: Brand[];
    campaigns: Campaign[];
  },
): Overview {
  const colorOf = (name: string) => brandColor(name, parts.brands);
  const prevCats = parts.prevCats;
  const prevCount = new Map((prevCats ?? []).map((c) => [c.key, c.total]));
  const from = Date.parse(o.range.from);
  const to = Date.parse(o.range.to);
  const c = o.netSentiment.current;
  const p = o.netSentiment.previousCounts;
  return {
    brand: f.brand ?? null,
    from: o.range.from,
    to: o.range.to,
    bucket: o.range.bucket,
    volume: o.series.map((s) => ({ t: s.bucket, pos: s.pos, neu: s.neu, neg: s.neg })),
    totals: { mentions: c.total, pos: c.pos, neu: c.neu, neg: c.neg },
    previousTotals: { mentions: p.total, pos: p.pos, neu: p.neu, neg: p.neg },
    nss: pct(o.netSentiment.score),
    previousNss: pct(o.netSentiment.previous),
    shareOfVoice: o.shareOfVoice.map((s) => ({
      brand: s.key,
      count: s.total,
      color: colorOf(s.key),
      isOwn: s.own,
    })),
    categories: (parts.cats?.items ?? o.categories).map((x) => ({
      category: x.key,
      count: x.neg,
      previous: prevCats ? (prevCount.get(x.key) ?? 0) : null,
    })),
    categoryTrend: (parts.cats?.series ?? []).flatMap((s) =>
      Object.entries(s.counts).map(([category, count]) => ({ t: s.bucket, category, count })),
    ),
    sources: o.sources.map((s) => ({ source: s.key, count: s.total })),
    regions: parts.regions.map((r) => ({ region: r.key, count: r.total, neg: r.neg })),
    campaigns: parts.campaigns
      .filter(
        (x) =>
          (!f.brand || x.brand === f.brand) && Date.parse(x.endsAt) > from && Date.parse(x.startsAt) < to,
      )
      .map((x) => ({ id: x.id, name: x.name, startsAt: x.startsAt, endsAt: x.endsAt })),
    alerts: [],
  };
}

/** API parameters for the filters: the range defaults to the last 7 days, the bucket follows the span. */
function params(f: AnalyticsFilters) {
  const from = f.from ?? new Date(Date.now() - 7 * 24 * HOUR).toISOString();
  const to = f.to ?? new Date().toISOString();
  return { brand: f.brand, source: f.source, category: f.category, from, to, bucket: bucketFor(from, to) };
}

/**
 * The charts of the overview, in parallel: the overview call (required), then categories with
 * their trend and previous period, provinces, brand colours and campaign markers (each optional).
 * All read the rollup tables, so this is fast on any data size.
 */
export async function loadOverview(
  f: AnalyticsFilters,
  brandList: Brand[],
  signal?: AbortSignal,
): Promise<Overview> {
  const q = params(f);
  // The complaint panels count negative mentions only: a category tag on praise is not a complaint.
  const complaints = { ...q, sentiment: 'neg' };
  const prev = { ...complaints, ...previousRange(q.from, q.to) };
  const [o, cats, prevCats, regions, campaigns] = await Promise.all([
    get<OverviewResponse>('/analytics/overview', q, signal),
    soft(get<CategoriesResponse>('/analytics/categories', complaints, signal), null),
    soft(
      get<{ range: RangeInfo; items: BreakdownItem[] }>('/analytics/categories', prev, signal).then(
        (r) => r.items,
      ),
      null,
    ),
    soft(
      get<{ items: BreakdownItem[] }>('/analytics/regions', q, signal).then((r) => r.items),
      [],
    ),
    soft(
      get<{ items: Campaign[] }>('/campaigns', undefined, signal).then((r) => r.items),
      [],
    ),
  ]);
  return assemble(f, o, { cats, prevCats, regions, brands: brandList, campaigns });
}

/** Negative keywords (word cloud) and the most-engaged negative mentions: bounded raw-table reads. */
export async function loadOverviewExtra(f: AnalyticsFilters, signal?: AbortSignal): Promise<OverviewExtra> {
  const q = params(f);
  const [keywords, top] = await Promise.all([
    soft(
      get<{ items: { keyword: string; count: number; negative: number }[] }>(
        '/analytics/keywords',
        { ...q, sentiment: 'neg', limit: 80 },
        signal,
      ).then((r) => r.items),
      [],
    ),
    soft(
      get<{ items: Mention[] }>('/analytics/top-negative', { ...q, limit: 8 }, signal).then((r) => r.items),
      [],
    ),
  ]);
  return {
    negativeKeywords: keywords.map((k) => ({ word: k.keyword, count: k.negative || k.count })),
    topNegative: top,
  };
}
