/**
 * The campaign form without React: parsing what users type, checking it against the API's rules
 * (api/schemas/campaigns.ts) and turning it into the request body.
 *
 * Days: the form works in calendar days of China Standard Time (UTC+8, no daylight saving), the
 * zone every date in the dashboard is shown in and the zone of the daily rollups the impact report
 * is computed from, whatever the browser's zone. A start day D is the instant D 00:00 +08:00; an
 * end day E is inclusive, so it is sent as the next midnight, (E + 1) 00:00 +08:00, the exclusive
 * end the API and the impact view (which shows `to − 1 ms`) use. "12-01 to 12-07" is seven full days.
 */
import type { CampaignBody } from '../../api/campaign.ts';
import { dayToIso, isoToDay, lastDayOf } from '../../days.ts';
import type { MessageKey, Vars } from '../../i18n.ts';

const DAY = 86_400_000;

/** Limits of api/schemas/campaigns.ts. */
export const CAMPAIGN_LIMITS = { name: 200, brand: 100, term: 100, terms: 50, days: 366 } as const;

/** The fields of the form, as typed (dates as `YYYY-MM-DD`, empty when unset). */
export interface CampaignForm {
  name: string;
  brand: string;
  keywords: string;
  hashtags: string;
  startDay: string;
  endDay: string;
  baselineStartDay: string;
  baselineEndDay: string;
}

/** The form fields that hold a day. */
export type DayField = 'startDay' | 'endDay' | 'baselineStartDay' | 'baselineEndDay';

/** Where an error is shown: next to a field, or under the term inputs / baseline group. */
export type ErrorField = 'name' | 'brand' | 'terms' | DayField | 'baseline';

/** One problem with the form, as a message key for the UI language. */
export interface FormError {
  field: ErrorField;
  key: MessageKey;
  vars?: Vars;
}

/** The instants of a stored campaign, so an unchanged day keeps its exact instant on edit. */
export interface CampaignTimes {
  startsAt: string;
  endsAt: string;
  baselineStartsAt: string | null;
  baselineEndsAt: string | null;
  /** The stored hashtags, kept as spelled (`#冰雪季#`) when the field is left alone. */
  hashtags?: readonly string[];
}

/** An empty form for a new campaign of `brand`. */
export function emptyForm(brand = ''): CampaignForm {
  return {
    name: '',
    brand,
    keywords: '',
    hashtags: '',
    startDay: '',
    endDay: '',
    baselineStartDay: '',
    baselineEndDay: '',
  };
}

/**
 * Terms from free text: split on commas (`,` `，`), `、`, `;` `；`, spaces and new lines; trimmed,
 * empty ones dropped, duplicates kept once (first spelling wins).
 */
export function splitTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；\s]+/u)) {
    const term = raw.trim();
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/**
 * Hashtags without their `#` marks: mentions are matched by substring, and the bare words match
 * every spelling (`#冰雪季#` on Weibo, `#冰雪季` elsewhere), as the seeded campaigns store them.
 */
export function splitHashtags(text: string): string[] {
  return splitTerms(text.replace(/[#＃]+/gu, ' '));
}

/** The form for editing a stored campaign. */
export function formFromCampaign(
  c: CampaignTimes & { name: string; brand: string; keywords: string[]; hashtags: string[] },
): CampaignForm {
  return {
    name: c.name,
    brand: c.brand,
    keywords: c.keywords.join('、'),
    hashtags: c.hashtags.join('、'),
    startDay: isoToDay(c.startsAt),
    endDay: lastDayOf(c.endsAt),
    baselineStartDay: c.baselineStartsAt ? isoToDay(c.baselineStartsAt) : '',
    baselineEndDay: c.baselineEndsAt ? lastDayOf(c.baselineEndsAt) : '',
  };
}

/** A start day as an instant; an unchanged day of an edited campaign keeps its stored instant. */
function startInstant(day: string, stored: string | null | undefined): string | null {
  if (stored && day === isoToDay(stored)) return stored;
  return dayToIso(day);
}

/** An inclusive end day as the exclusive end instant (next midnight), or the stored one if unchanged. */
function endInstant(day: string, stored: string | null | undefined): string | null {
  if (stored && day === lastDayOf(stored)) return stored;
  return dayToIso(day, 1);
}

function checkText(form: CampaignForm, errors: FormError[]) {
  const name = form.name.trim();
  if (!name) errors.push({ field: 'name', key: 'campaign.err.name' });
  else if (name.length > CAMPAIGN_LIMITS.name)
    errors.push({ field: 'name', key: 'campaign.err.nameLong', vars: { n: CAMPAIGN_LIMITS.name } });
  if (!form.brand.trim()) errors.push({ field: 'brand', key: 'campaign.err.brand' });
}

function checkTerms(keywords: string[], hashtags: string[], errors: FormError[]) {
  const { term, terms } = CAMPAIGN_LIMITS;
  if (keywords.length + hashtags.length === 0) errors.push({ field: 'terms', key: 'campaign.err.terms' });
  if (keywords.length > terms || hashtags.length > terms)
    errors.push({ field: 'terms', key: 'campaign.err.tooManyTerms', vars: { n: terms } });
  const long = [...keywords, ...hashtags].find((k) => k.length > term);
  if (long) errors.push({ field: 'terms', key: 'campaign.err.termLong', vars: { term: long, n: term } });
}

/** Both day fields of a window as instants; errors for days that are missing or do not exist. */
function windowOf(
  form: CampaignForm,
  fields: [DayField, DayField],
  stored: [string | null | undefined, string | null | undefined],
  errors: FormError[],
): [string | null, string | null] {
  const [fs, fe] = fields;
  const from = form[fs].trim() ? startInstant(form[fs].trim(), stored[0]) : null;
  const to = form[fe].trim() ? endInstant(form[fe].trim(), stored[1]) : null;
  if (form[fs].trim() && !from) errors.push({ field: fs, key: 'campaign.err.day' });
  if (form[fe].trim() && !to) errors.push({ field: fe, key: 'campaign.err.day' });
  return [from, to];
}

function checkCampaignWindow(
  from: string | null,
  to: string | null,
  form: CampaignForm,
  errors: FormError[],
) {
  if (!form.startDay.trim()) errors.push({ field: 'startDay', key: 'campaign.err.required' });
  if (!form.endDay.trim()) errors.push({ field: 'endDay', key: 'campaign.err.required' });
  if (!from || !to) return;
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) errors.push({ field: 'endDay', key: 'campaign.err.order' });
  else if (span > CAMPAIGN_LIMITS.days * DAY)
    errors.push({ field: 'endDay', key: 'campaign.err.tooLong', vars: { n: CAMPAIGN_LIMITS.days } });
}

function checkBaseline(from: string | null, to: string | null, form: CampaignForm, errors: FormError[]) {
  const hasStart = form.baselineStartDay.trim() !== '';
  const hasEnd = form.baselineEndDay.trim() !== '';
  if (hasStart !== hasEnd) errors.push({ field: 'baseline', key: 'campaign.err.baselineBoth' });
  else if (from && to && Date.parse(to) <= Date.parse(from))
    errors.push({ field: 'baseline', key: 'campaign.err.baselineOrder' });
}

/** The outcome of checking a form: the API body, or what to fix. */
export type CampaignCheck = { ok: true; body: CampaignBody } | { ok: false; errors: FormError[] };

/**
 * Check the form against the API's rules and build the body. `stored` is the campaign being edited:
 * days the user left alone keep their exact stored instant (campaigns made through the API may not
 * start at midnight).
 */
export function checkCampaign(form: CampaignForm, stored?: CampaignTimes): CampaignCheck {
  const errors: FormError[] = [];
  checkText(form, errors);
  const keywords = splitTerms(form.keywords);
  // An untouched field keeps the stored spelling: stripping `#` would widen what an API-made campaign matches.
  const untouched = stored?.hashtags && form.hashtags === stored.hashtags.join('、');
  const hashtags = untouched && stored.hashtags ? [...stored.hashtags] : splitHashtags(form.hashtags);
  checkTerms(keywords, hashtags, errors);
  const [startsAt, endsAt] = windowOf(
    form,
    ['startDay', 'endDay'],
    [stored?.startsAt, stored?.endsAt],
    errors,
  );
  checkCampaignWindow(startsAt, endsAt, form, errors);
  const [baselineStartsAt, baselineEndsAt] = windowOf(
    form,
    ['baselineStartDay', 'baselineEndDay'],
    [stored?.baselineStartsAt, stored?.baselineEndsAt],
    errors,
  );
  checkBaseline(baselineStartsAt, baselineEndsAt, form, errors);
  if (errors.length > 0 || !startsAt || !endsAt) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: form.name.trim(),
      brand: form.brand.trim(),
      keywords,
      hashtags,
      startsAt,
      endsAt,
      baselineStartsAt: baselineStartsAt && baselineEndsAt ? baselineStartsAt : null,
      baselineEndsAt: baselineStartsAt && baselineEndsAt ? baselineEndsAt : null,
    },
  };
}
