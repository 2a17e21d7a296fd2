/**
 * Publish-time parsing for every date form the crawled sites show (sources.md §1.5, §2.1, §4.2, §5, §7,
 * §8). Pure: relative forms ("5分钟前", "昨天 08:00", "7-6") are resolved against an injected `now`, and
 * zone-less times are China Standard Time (Asia/Shanghai, UTC+08:00, no daylight saving since 1991).
 */

const CST_MS = 8 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 named zones, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Calendar fields of an instant in China time. */
interface CstFields {
  y: number;
  mo: number;
  d: number;
}

function cstFields(ms: number): CstFields {
  const d = new Date(ms + CST_MS);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** The instant of a China-time wall clock reading; null when the fields are out of range. */
export function fromCst(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - CST_MS;
  const check = cstFields(ms);
  return check.mo === mo && check.d === d ? new Date(ms) : null;
}

/** Midnight (China time) of the day `daysAgo` days before `now`, plus an hh:mm time. */
function dayAt(now: Date, daysAgo: number, h: number, mi: number): Date | null {
  const f = cstFields(now.getTime() - daysAgo * DAY);
  return fromCst(f.y, f.mo, f.d, h, mi);
}

/** A month-day with no year: this year, or last year when that would lie in the future. */
function monthDay(now: Date, mo: number, d: number, h = 0, mi = 0): Date | null {
  const y = cstFields(now.getTime()).y;
  const date = fromCst(y, mo, d, h, mi);
  if (date && date.getTime() > now.getTime() + DAY) return fromCst(y - 1, mo, d, h, mi);
  return date;
}

const n = (s: string | undefined): number => Number(s ?? '0');

type Rule = [RegExp, (m: RegExpExecArray, now: Date) => Date | null];

/** Relative and short forms, tried in order against the normalised text. */
const RELATIVE: Rule[] = [
  [/^刚刚$/, (_m, now) => new Date(now.getTime())],
  [/^(\d+) ?秒(?:钟)?前$/, (m, now) => new Date(now.getTime() - n(m[1]) * 1000)],
  [/^(\d+) ?分钟前$/, (m, now) => new Date(now.getTime() - n(m[1]) * MINUTE)],
  [/^半小时前$/, (_m, now) => new Date(now.getTime() - 30 * MINUTE)],
  [/^(\d+) ?(?:个)?小时前$/, (m, now) => new Date(now.getTime() - n(m[1]) * HOUR)],
  [/^(\d+) ?天前$/, (m, now) => new Date(now.getTime() - n(m[1]) * DAY)],
  [/^今天 ?(\d{1,2}):(\d{2})$/, (m, now) => dayAt(now, 0, n(m[1]), n(m[2]))],
  [/^昨天 ?(\d{1,2}):(\d{2})$/, (m, now) => dayAt(now, 1, n(m[1]), n(m[2]))],
  [/^前天 ?(\d{1,2}):(\d{2})$/, (m, now) => dayAt(now, 2, n(m[1]), n(m[2]))],
  // Tieba list "02:38" = today.
  [/^(\d{1,2}):(\d{2})$/, (m, now) => dayAt(now, 0, n(m[1]), n(m[2]))],
  // "11-20", "7-6": month-day of this year, optionally with a time.
  [
    /^(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2}))?$/,
    (m, now) => monthDay(now, n(m[1]), n(m[2]), n(m[3]), n(m[4])),
  ],
  [
    /^(\d{1,2})月(\d{1,2})日(?: ?(\d{1,2}):(\d{2}))?$/,
    (m, now) => monthDay(now, n(m[1]), n(m[2]), n(m[3]), n(m[4])),
  ],
];

/** Absolute forms without a zone (China time). */
const ABSOLUTE: Rule[] = [
  // Tieba list "2020-05": year-month.
  [/^(\d{4})-(\d{1,2})$/, (m) => fromCst(n(m[1]), n(m[2]), 1)],
  [
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
    (m) => fromCst(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6])),
  ],
  [
    /^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
    (m) => fromCst(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6])),
  ],
];

/** `Tue Nov 19 12:00:00 +0800 2024` (m.weibo.cn). */
function weiboApiDate(text: string): Date | null {
  const m = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(
    text,
  );
  if (!m) return null;
  const mo = MONTHS[(m[1] ?? '').toLowerCase()];
  if (!mo) return null;
  const offset = (m[6] === '-' ? -1 : 1) * (n(m[7]) * 60 + n(m[8]));
  return new Date(Date.UTC(n(m[9]), mo - 1, n(m[2]), n(m[3]), n(m[4]), n(m[5])) - offset * MINUTE);
}

/** RFC 822 / 2822: `Tue, 19 Nov 2024 12:00:00 +0800`, 2- or 4-digit years, named zones. */
function rfc822Date(text: string): Date | null {
  const m =
    /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/.exec(
      text,
    );
  if (!m) return null;
  const mo = MONTHS[(m[2] ?? '').toLowerCase()];
  if (!mo) return null;
  let y = n(m[3]);
  if ((m[3] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
  const zone = m[7];
  let offset = 8 * 60; // No zone: China time.
  if (zone && /^[+-]\d{4}$/.test(zone))
    offset = (zone.startsWith('-') ? -1 : 1) * (n(zone.slice(1, 3)) * 60 + n(zone.slice(3)));
  else if (zone) offset = ZONES[zone.toUpperCase()] ?? 0;
  return new Date(Date.UTC(y, mo - 1, n(m[1]), n(m[4]), n(m[5]), n(m[6])) - offset * MINUTE);
}

/** ISO 8601 / RFC 3339 with a zone or `Z` (Atom, App Store). Without a zone it is China time. */
function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (!m) return null;
  const zone = m[7];
  if (!zone) return fromCst(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]));
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Unix seconds (10 digits) or milliseconds (13 digits). */
function epochDate(text: string): Date | null {
  if (/^\d{9,10}$/.test(text)) return new Date(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return new Date(Number(text));
  return null;
}

/** Strip labels and spacing the sites wrap around times ("发表于", "发布于", "&nbsp;", "更新于"). */
export function normalizeDateText(text: string): string {
  return text
    .replace(/&nbsp;|\u00a0|\u3000/g, ' ')
    .trim()
    .replace(/^(?:发表于|发布于|更新于|编辑于|创建于|回复于|最后回复于)[:：]?\s*/, '')
    .replace(/\s*(?:来自.*)$/, '')
    .trim();
}

/** One space for any run of whitespace ("3  天前" → "3 天前"). */
function compact(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function parseText(raw: string, now: Date): Date | null {
  const text = normalizeDateText(raw);
  if (!text) return null;
  const direct = weiboApiDate(text) ?? isoDate(text) ?? rfc822Date(text) ?? epochDate(text);
  if (direct) return direct;
  const c = compact(text);
  for (const [re, make] of RELATIVE) {
    const m = re.exec(c);
    if (m) return make(m, now);
  }
  for (const [re, make] of ABSOLUTE) {
    const m = re.exec(c);
    if (m) return make(m, now);
  }
  return null;
}

/**
 * Parse a site's publish time into a UTC `Date`, or null when the text is not a date. Accepts unix
 * seconds/milliseconds as numbers too. `now` is the moment the page was served (inject it in tests).
 */
export function parseSiteDate(input: string | number | null | undefined, now: Date): Date | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) return null;
    return new Date(input < 1e11 ? input * 1000 : input);
  }
  const date = parseText(input, now);
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
