import type { Mention } from './types.ts';

/** Filters shared by the overview and the explorer (query-string values). */
export interface AnalyticsFilters {
  brand?: string;
  from?: string;
  to?: string;
  source?: string;
  category?: string;
}

export type Bucket = 'hour' | 'day' | 'week';
export interface RangeInfo {
  from: string;
  to: string;
  bucket: Bucket;
}
export interface Counts {
  total: number;
  pos: number;
  neu: number;
  neg: number;
}
/** One row of a breakdown (`key` is a brand, category, source or province). */
export interface BreakdownItem extends Counts {
  key: string;
  share: number;
  netSentiment: number | null;
}

/** `GET /analytics/overview`. */
export interface OverviewResponse {
  range: RangeInfo;
  totals: Counts & { engagement: number };
  netSentiment: {
    score: number | null;
    previous: number | null;
    change: number | null;
    current: Counts;
    previousCounts: Counts;
  };
  series: (Counts & { bucket: string; engagement: number })[];
  shareOfVoice: (BreakdownItem & { own: boolean })[];
  categories: BreakdownItem[];
  sources: BreakdownItem[];
}

/** `GET /analytics/categories`. */
export interface CategoriesResponse {
  range: RangeInfo;
  items: BreakdownItem[];
  series: { bucket: string; counts: Record<string, number> }[];
}

export interface VolumePoint {
  /** Bucket start (ISO). */
  t: string;
  pos: number;
  neu: number;
  neg: number;
}

/** The slower raw-table panels of the overview, loaded after the charts. */
export interface OverviewExtra {
  negativeKeywords: { word: string; count: number }[];
  topNegative: Mention[];
}

/** What the overview page draws first, assembled from several analytics calls (rollup tables). */
export interface Overview {
  brand: string | null;
  from: string;
  to: string;
  bucket: Bucket;
  volume: VolumePoint[];
  totals: { mentions: number; pos: number; neu: number; neg: number };
  previousTotals: { mentions: number; pos: number; neu: number; neg: number };
  /** Net sentiment, (pos − neg) / total × 100; null without mentions. */
  nss: number | null;
  previousNss: number | null;
  shareOfVoice: { brand: string; count: number; color: string | null; isOwn: boolean }[];
  categories: { category: string; count: number; previous: number | null }[];
  categoryTrend: { t: string; category: string; count: number }[];
  sources: { source: string; count: number }[];
  regions: { region: string; count: number; neg: number }[];
  campaigns: { id: number; name: string; startsAt: string; endsAt: string }[];
  alerts: { id: number; kind: string; severity: string; title: string; createdAt: string }[];
}

export interface Campaign {
  id: number;
  name: string;
  brand: string;
  keywords: string[];
  hashtags: string[];
  startsAt: string;
  endsAt: string;
  baselineStartsAt: string | null;
  baselineEndsAt: string | null;
}

/** Totals of one window. */
export interface WindowStats {
  total: number;
  pos: number;
  neg: number;
  perDay: number;
  /** (pos − neg) / total, −1..1; null without mentions. */
  netSentiment: number | null;
}

/** A difference-in-differences estimate with its 95% interval (null without enough days). */
export interface Did {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  stdError: number | null;
  daysWindow: number;
  daysBaseline: number;
}

/** `GET /campaigns/:id/impact`. */
export interface CampaignImpact {
  campaign: Campaign;
  windows: {
    campaign: { from: string; to: string; days: number };
    baseline: { from: string; to: string; days: number };
  };
  /** Mentions of the campaign's brand containing its keywords or hashtags. */
  campaignMentions: { window: WindowStats; baseline: WindowStats };
  /** Every mention of the campaign's brand. */
  brand: { window: WindowStats; baseline: WindowStats };
  competitors: string[];
  /** `methodId` names the method (the footnote is localized from it); `method` describes it in English. */
  lift: { netSentiment: Did; volume: Did; methodId?: string; method: string };
  topPosts: Mention[];
  categoryShifts: { category: string; windowShare: number; baselineShare: number; change: number }[];
}

/** `GET /sources` (one item). */
export interface SourceHealth {
  id: string;
  kind: string;
  enabled: boolean;
  status: 'ok' | 'stale' | 'blocked' | 'error' | 'disabled' | 'never';
  /** Seconds since the last successful run. */
  freshnessSeconds: number | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  blockedUntil: string | null;
  blockSignal: string | null;
  itemsLastRun: number;
  pagesLastRun: number;
  /** Per-account sessions, when the API reports them. */
  sessions?: {
    accountId: string;
    blockedUntil: string | null;
    blockSignal: string | null;
    errorCount: number;
  }[];
}

/** `GET /jobs/dead-letters` (one item). */
export interface DeadLetterJob {
  queue: string;
  jobId: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}
