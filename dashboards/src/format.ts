import type { Lang, Translate } from './i18n.ts';

/** Every time in the dashboard is shown in China Standard Time, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: TIME_ZONE, hourCycle: 'h23' });
    cache.set(key, f);
  }
  return f;
}

function toDate(v: string | number | Date): Date {
  return v instanceof Date ? v : new Date(v);
}

/** `2024-05-01 14:03` style date and time. */
export function formatDateTime(lang: Lang, v: string | number | Date): string {
  return dtf(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(v));
}

/** Date only. */
export function formatDate(lang: Lang, v: string | number | Date): string {
  return dtf(lang, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(v));
}

/** Short axis label: `05-01` for days, `05-01 14:00` for hours. */
export function formatBucket(lang: Lang, v: string | number | Date, hourly: boolean): string {
  const opts: Intl.DateTimeFormatOptions = hourly
    ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
    : { month: '2-digit', day: '2-digit' };
  return dtf(lang, opts).format(toDate(v));
}

/** Whole numbers with grouping; 12,345 or 1.2万 style is left to the locale. */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

/** A compact count for badges: 12.3k / 1.2万. */
export function formatCompact(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A ratio (0.123) as a percentage. */
export function formatPercent(lang: Lang, ratio: number, digits = 1): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** A signed change: +3.2 / −1.0. */
export function formatSigned(n: number, digits = 1): string {
  const s = Math.abs(n).toFixed(digits);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** A duration in ms as `3小时12分` / `3h 12m`. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t('time.d', { d, h });
  if (h > 0) return t('time.h', { h, m });
  // "6秒", not "0分6秒".
  return m > 0 ? t('time.m', { m, s }) : t('time.s', { s });
}
