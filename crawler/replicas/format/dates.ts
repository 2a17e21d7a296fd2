/**
 * Date renderings used by the real sites. Everything is China Standard Time (UTC+08:00) regardless
 * of the machine's zone; relative forms are relative to the replica clock's `now`.
 */

const CST = 8 * 3_600_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar fields of `ms` in China time. */
export function cst(ms: number) {
  const d = new Date(ms + CST);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    dow: d.getUTCDay(),
  };
}

/** Two-digit zero padding. */
export function p2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Days between the calendar dates of `ms` and `now` in China time (0 = today, 1 = yesterday). */
export function dayDiff(ms: number, now: number): number {
  return Math.floor((now + CST) / 86_400_000) - Math.floor((ms + CST) / 86_400_000);
}

/** `HH:MM`. */
export function hm(ms: number): string {
  const c = cst(ms);
  return `${p2(c.h)}:${p2(c.mi)}`;
}

/** `YYYY-MM-DD HH:MM` (padded) or `YYYY-M-D HH:MM` (unpadded, Tieba lzl and Discuz). */
export function ymdHm(ms: number, pad = true): string {
  const c = cst(ms);
  const md = pad ? `${p2(c.mo)}-${p2(c.d)}` : `${c.mo}-${c.d}`;
  return `${c.y}-${md} ${p2(c.h)}:${p2(c.mi)}`;
}

/** `YYYY-MM-DD HH:MM:SS`. */
export function ymdHms(ms: number, pad = true): string {
  return `${ymdHm(ms, pad)}:${p2(cst(ms).s)}`;
}

/** `YYYY-MM-DD`. */
export function ymd(ms: number): string {
  const c = cst(ms);
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}`;
}

/** m.weibo.cn `created_at`: `Tue Nov 19 12:00:00 +0800 2024`. */
export function weiboDate(ms: number): string {
  const c = cst(ms);
  return `${DAYS[c.dow]} ${MONTHS[c.mo - 1]} ${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)} +0800 ${c.y}`;
}

/** Legacy m.weibo.cn relative forms: 刚刚, N分钟前, N小时前, 昨天 HH:MM, MM-DD, YYYY-MM-DD. */
export function weiboLegacyDate(ms: number, now: number): string {
  const diff = now - ms;
  const days = dayDiff(ms, now);
  if (diff < 60_000) return '刚刚';
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)}分钟前`;
  if (days === 0) return `${Math.floor(diff / 3_600_000)}小时前`;
  if (days === 1) return `昨天 ${hm(ms)}`;
  const c = cst(ms);
  return c.y === cst(now).y ? `${p2(c.mo)}-${p2(c.d)}` : ymd(ms);
}

/** s.weibo.com card time: 刚刚, N秒前, N分钟前, 今天 HH:MM, MM月DD日 HH:MM, YYYY年MM月DD日 HH:MM. */
export function sWeiboDate(ms: number, now: number): string {
  const diff = now - ms;
  const c = cst(ms);
  if (diff < 10_000) return '刚刚';
  if (diff < 60_000) return `${Math.floor(diff / 1000)}秒前`;
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)}分钟前`;
  if (dayDiff(ms, now) === 0) return `今天 ${hm(ms)}`;
  if (c.y === cst(now).y) return `${p2(c.mo)}月${p2(c.d)}日 ${hm(ms)}`;
  return `${c.y}年${p2(c.mo)}月${p2(c.d)}日 ${hm(ms)}`;
}

/** Tieba thread list: `HH:MM` today, `M-D` this year, `YYYY-MM` earlier. */
export function tiebaListDate(ms: number, now: number): string {
  const c = cst(ms);
  if (dayDiff(ms, now) === 0) return hm(ms);
  if (c.y === cst(now).y) return `${c.mo}-${c.d}`;
  return `${c.y}-${p2(c.mo)}`;
}

/**
 * Discuz! dgmdate "u" mode. Returns the shown text and, for relative forms, the absolute `title`.
 * `withTime` false gives the date-only title used in thread lists.
 */
export function discuzDate(ms: number, now: number, withTime = true): { text: string; title: string | null } {
  const diff = now - ms;
  const days = dayDiff(ms, now);
  const title = withTime ? ymdHms(ms, false) : ymd(ms);
  const plain = withTime ? ymdHm(ms, false) : `${cst(ms).y}-${cst(ms).mo}-${cst(ms).d}`;
  if (days > 7 || diff < 0) return { text: plain, title: null };
  if (days === 0) {
    if (diff < 60_000)
      return { text: diff < 10_000 ? '刚刚' : `${Math.floor(diff / 1000)}&nbsp;秒前`, title };
    if (diff < 1_800_000) return { text: `${Math.floor(diff / 60_000)}&nbsp;分钟前`, title };
    if (diff < 3_600_000) return { text: '半小时前', title };
    return { text: `${Math.floor(diff / 3_600_000)}&nbsp;小时前`, title };
  }
  if (days === 1) return { text: `昨天&nbsp;${hm(ms)}`, title };
  if (days === 2) return { text: `前天&nbsp;${hm(ms)}`, title };
  return { text: `${days}&nbsp;天前`, title };
}

/** RFC 822 with a +0800 zone: `Tue, 19 Nov 2024 12:00:00 +0800`. */
export function rfc822(ms: number): string {
  const c = cst(ms);
  return `${DAYS[c.dow]}, ${p2(c.d)} ${MONTHS[c.mo - 1]} ${c.y} ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)} +0800`;
}

/** ISO 8601 in a fixed offset (App Store uses US Pacific, e.g. -07:00). */
export function isoWithOffset(ms: number, offsetHours: number): string {
  const d = new Date(ms + offsetHours * 3_600_000);
  const sign = offsetHours < 0 ? '-' : '+';
  const off = `${sign}${p2(Math.abs(offsetHours))}:00`;
  return `${d.toISOString().slice(0, 19)}${off}`;
}
