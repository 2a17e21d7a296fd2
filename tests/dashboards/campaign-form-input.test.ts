import { can } from '../../dashboards/src/auth/permissions.ts';
import { dayToIso, isoToDay, lastDayOf, parseDay } from '../../dashboards/src/days.ts';
import { describe, expect, it } from 'vitest';
import {
  type CampaignForm,
  checkCampaign,
  emptyForm,
  formFromCampaign,
  splitHashtags,
  splitTerms,
} from '../../dashboards/src/views/campaigns/campaign-input.ts';

const valid = (patch: Partial<CampaignForm> = {}): CampaignForm => ({
  ...emptyForm('中国联通'),
  name: '冰雪季',
  keywords: '畅享',
  startDay: '2026-12-01',
  endDay: '2026-12-07',
  ...patch,
});

const errorsOf = (form: CampaignForm) => {
  const r = checkCampaign(form);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.key}`);
};

describe('campaign form: terms', () => {
  it('splits on commas, 、, semicolons, spaces and new lines, dropping blanks and repeats', () => {
    expect(splitTerms(' 畅享, 冰雪季，流量、5G;套餐；\n畅享  \t礼包 ,, ')).toEqual([
      '畅享',
      '冰雪季',
      '流量',
      '5G',
      '套餐',
      '礼包',
    ]);
    expect(splitTerms('  \n ')).toEqual([]);
  });

  it('takes hashtags with or without their # marks', () => {
    expect(splitHashtags('#冰雪季# ＃畅享5G＃ 新年 #')).toEqual(['冰雪季', '畅享5G', '新年']);
  });
});

describe('campaign form: days', () => {
  it('rejects malformed and impossible days instead of rolling them over', () => {
    expect(parseDay('2026-02-28')).toBe(Date.UTC(2026, 1, 28));
    expect(parseDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    for (const bad of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-00-10',
      '2026-1-5',
      '',
      'x',
    ])
      expect(parseDay(bad), bad).toBeNull();
  });

  it('maps a day to its China Standard Time midnight, whatever the runtime zone', () => {
    expect(dayToIso('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
    expect(dayToIso('2026-12-07', 1)).toBe('2026-12-07T16:00:00.000Z');
    expect(isoToDay('2026-11-30T16:00:00.000Z')).toBe('2026-12-01');
    expect(isoToDay('2026-11-30T15:59:59.999Z')).toBe('2026-11-30');
    expect(lastDayOf('2026-12-07T16:00:00.000Z')).toBe('2026-12-07');
  });

  it('sends the end day as the next midnight: 12-01 to 12-07 covers all of Dec 7', () => {
    const r = checkCampaign(valid());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toEqual({
      name: '冰雪季',
      brand: '中国联通',
      keywords: ['畅享'],
      hashtags: [],
      startsAt: '2026-11-30T16:00:00.000Z',
      endsAt: '2026-12-07T16:00:00.000Z',
      baselineStartsAt: null,
      baselineEndsAt: null,
    });
    expect(Date.parse(r.body.endsAt) - Date.parse(r.body.startsAt)).toBe(7 * 86_400_000);
  });

  it('accepts a one-day campaign and refuses an end before the start', () => {
    expect(errorsOf(valid({ endDay: '2026-12-01' }))).toEqual([]);
    expect(errorsOf(valid({ endDay: '2026-11-30' }))).toEqual(['endDay:campaign.err.order']);
  });

  it('allows at most 366 days, end day included', () => {
    expect(errorsOf(valid({ startDay: '2027-01-01', endDay: '2028-01-01' }))).toEqual([]);
    expect(errorsOf(valid({ startDay: '2027-01-01', endDay: '2028-01-02' }))).toEqual([
      'endDay:campaign.err.tooLong',
    ]);
  });
});

describe('campaign form: rules of the API', () => {
  it('needs a name, a brand, a term and both campaign days', () => {
    expect(
      errorsOf(valid({ name: '  ', brand: '', keywords: ' , ', hashtags: '#', startDay: '', endDay: '' })),
    ).toEqual([
      'name:campaign.err.name',
      'brand:campaign.err.brand',
      'terms:campaign.err.terms',
      'startDay:campaign.err.required',
      'endDay:campaign.err.required',
    ]);
    expect(errorsOf(valid({ keywords: '', hashtags: '#冰雪季#' }))).toEqual([]);
  });

  it('flags a day that does not exist on its own field', () => {
    expect(errorsOf(valid({ startDay: '2026-02-30' }))).toEqual(['startDay:campaign.err.day']);
    expect(errorsOf(valid({ endDay: 'invalid' }))).toEqual(['endDay:campaign.err.day']);
  });

  it('limits names, term counts and term lengths as the API does', () => {
    expect(errorsOf(valid({ name: 'x'.repeat(201) }))).toEqual(['name:campaign.err.nameLong']);
    const many = Array.from({ length: 51 }, (_, i) => `k${i}`).join(',');
    expect(errorsOf(valid({ keywords: many }))).toEqual(['terms:campaign.err.tooManyTerms']);
    const r = checkCampaign(valid({ hashtags: 'y'.repeat(101) }));
    expect(r.ok ? null : r.errors).toEqual([
      { field: 'terms', key: 'campaign.err.termLong', vars: { term: 'y'.repeat(101), n: 100 } },
    ]);
  });

  it('takes a baseline with both days or neither, in order', () => {
    expect(errorsOf(valid({ baselineStartDay: '2026-11-01' }))).toEqual([
      'baseline:campaign.err.baselineBoth',
    ]);
    expect(errorsOf(valid({ baselineEndDay: '2026-11-07' }))).toEqual(['baseline:campaign.err.baselineBoth']);
    expect(errorsOf(valid({ baselineStartDay: '2026-11-08', baselineEndDay: '2026-11-01' }))).toEqual([
      'baseline:campaign.err.baselineOrder',
    ]);
    const r = checkCampaign(valid({ baselineStartDay: '2026-11-01', baselineEndDay: '2026-11-07' }));
    expect(r.ok && [r.body.baselineStartsAt, r.body.baselineEndsAt]).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-07T16:00:00.000Z',
    ]);
  });
});

describe('campaign form: editing', () => {
  const stored = {
    name: '冰雪季',
    brand: '中国联通',
    keywords: ['畅享', '冰雪'],
    hashtags: ['冰雪季'],
    // Made through the API, not at midnight.
    startsAt: '2026-12-01T02:30:00.000Z',
    endsAt: '2026-12-07T09:00:00.000Z',
    baselineStartsAt: null,
    baselineEndsAt: null,
  };

  it('fills the form with China Standard Time days, the end as the last day included', () => {
    expect(formFromCampaign(stored)).toEqual({
      name: '冰雪季',
      brand: '中国联通',
      keywords: '畅享、冰雪',
      hashtags: '冰雪季',
      startDay: '2026-12-01',
      endDay: '2026-12-07',
      baselineStartDay: '',
      baselineEndDay: '',
    });
    expect(formFromCampaign({ ...stored, endsAt: '2026-12-07T16:00:00.000Z' }).endDay).toBe('2026-12-07');
  });

  it('keeps the stored instant of a day left alone, and maps a changed day to midnight', () => {
    const form = formFromCampaign(stored);
    const same = checkCampaign(form, stored);
    expect(same.ok && [same.body.startsAt, same.body.endsAt]).toEqual([stored.startsAt, stored.endsAt]);
    const moved = checkCampaign({ ...form, endDay: '2026-12-10' }, stored);
    expect(moved.ok && [moved.body.startsAt, moved.body.endsAt]).toEqual([
      stored.startsAt,
      '2026-12-10T16:00:00.000Z',
    ]);
  });

  it('keeps hashtags as stored while the field is left alone, and strips marks once it is edited', () => {
    const apiMade = { ...stored, hashtags: ['#冰雪季#', '#畅享#'] };
    const form = formFromCampaign(apiMade);
    const same = checkCampaign(form, apiMade);
    expect(same.ok && same.body.hashtags).toEqual(['#冰雪季#', '#畅享#']);
    const edited = checkCampaign({ ...form, hashtags: `${form.hashtags}、#滑雪#` }, apiMade);
    expect(edited.ok && edited.body.hashtags).toEqual(['冰雪季', '畅享', '滑雪']);
  });
});

describe('campaign form: who may write', () => {
  it('follows the session permissions, else the roles holding campaigns.write', () => {
    expect(can('viewer', 'campaign.write', ['campaigns.read', 'campaigns.write'])).toBe(true);
    expect(can('marketing', 'campaign.write', ['campaigns.read'])).toBe(false);
    for (const role of ['admin', 'brand_manager', 'marketing'] as const)
      expect(can(role, 'campaign.write', [])).toBe(true);
    for (const role of ['pr_lead', 'pr_agent', 'viewer'] as const)
      expect(can(role, 'campaign.write')).toBe(false);
  });
});
