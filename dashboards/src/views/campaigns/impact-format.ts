/**
 * Plain helpers of the campaign impact view (no React, no ECharts): line colours, the before/after
 * table and the method footnote.
 */
import type { CampaignImpact, WindowStats } from '../../api/analytics-types.ts';
import { brandColor } from '../../api/brand-colors.ts';
import type { Brand } from '../../api/types.ts';
import { formatNumber, formatPercent, formatSigned } from '../../format.ts';
import { hasKey, type Lang, type Translate } from '../../i18n.ts';

/** Colours for brands without one of their own, skipping those already taken in the chart. */
const FALLBACK = ['#f39c12', '#16a085', '#8e44ad', '#2c3e50', '#e60012', '#0085d0', '#00a650', '#7b3fa0'];

/** Each brand's colour as on the overview (brands list, then operator colours), others from FALLBACK. */
export function impactColors(names: readonly string[], brands: readonly Brand[]): string[] {
  const own = names.map((n) => brandColor(n, brands));
  const free = FALLBACK.filter((c) => !own.includes(c));
  let next = 0;
  return own.map((c) => c ?? free[next++ % free.length] ?? '#2c3e50');
}

const nss = (s: WindowStats) => (s.netSentiment === null ? '—' : formatSigned(s.netSentiment * 100));

/**
 * The before/after table: [label, baseline, campaign, change] per row. Volumes change in percent,
 * net sentiment in points, the negative share in percentage points.
 */
export function beforeAfterRows(
  impact: CampaignImpact,
  t: Translate,
  lang: Lang,
): [string, string, string, string][] {
  const { brand, campaignMentions: cm } = impact;
  const change = (a: number, b: number) => (a > 0 ? `${formatSigned(((b - a) / a) * 100)}%` : '—');
  const nssChange = (a: WindowStats, b: WindowStats) =>
    a.netSentiment !== null && b.netSentiment !== null
      ? formatSigned((b.netSentiment - a.netSentiment) * 100)
      : '—';
  const negShare = (s: WindowStats) => (s.total > 0 ? formatPercent(lang, s.neg / s.total) : '—');
  // A change of shares, in percentage points (as in the categories table).
  const negShareChange = (a: WindowStats, b: WindowStats) =>
    a.total > 0 && b.total > 0
      ? `${formatSigned((b.neg / b.total - a.neg / a.total) * 100)} ${t('campaign.points')}`
      : '—';
  return [
    [
      t('campaign.volume'),
      formatNumber(lang, brand.baseline.perDay),
      formatNumber(lang, brand.window.perDay),
      change(brand.baseline.perDay, brand.window.perDay),
    ],
    [t('campaign.nss'), nss(brand.baseline), nss(brand.window), nssChange(brand.baseline, brand.window)],
    [
      t('overview.negShare'),
      negShare(brand.baseline),
      negShare(brand.window),
      negShareChange(brand.baseline, brand.window),
    ],
    [
      t('campaign.termMentions'),
      formatNumber(lang, cm.baseline.total),
      formatNumber(lang, cm.window.total),
      change(cm.baseline.total, cm.window.total),
    ],
    [t('campaign.termNss'), nss(cm.baseline), nss(cm.window), nssChange(cm.baseline, cm.window)],
  ];
}

/** The method footnote in the UI language; the API's English text for a method this build does not know. */
export function methodNote(t: Translate, lift: CampaignImpact['lift']): string {
  const key = `campaign.method.${lift.methodId ?? ''}`;
  return hasKey(key) ? t(key) : lift.method;
}

const DAY = 86_400_000;
/** China Standard Time, the zone of the API's day buckets. */
const CST = 8 * 3_600_000;

/** One spelling per instant (the API sends `…:00Z`, Date prints `…:00.000Z`). */
export const dayKey = (iso: string): string => new Date(Date.parse(iso)).toISOString();

/**
 * Every China Standard Time day from `from` to `to`, plus any day the series has: days without a
 * mention still get a point, so an empty baseline shows as zeros instead of vanishing off the chart.
 */
export function windowDays(from: string, to: string, series: readonly { t: string }[]): string[] {
  const days = new Set(series.map((p) => dayKey(p.t)));
  const end = Date.parse(to);
  // At most 400 days: a window is at most 366 long, and a broken date must not loop for ever.
  let d = Math.floor((Date.parse(from) + CST) / DAY) * DAY - CST;
  for (let i = 0; d < end && i < 400; i++, d += DAY) days.add(new Date(d).toISOString());
  return [...days].sort();
}
