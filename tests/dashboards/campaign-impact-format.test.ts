import { describe, expect, it } from 'vitest';
import type { CampaignImpact, WindowStats } from '../../dashboards/src/api/analytics-types.ts';
import { brandColor, OPERATOR_COLORS } from '../../dashboards/src/api/brand-colors.ts';
import type { Brand } from '../../dashboards/src/api/types.ts';
import { type Lang, type MessageKey, translate, type Vars } from '../../dashboards/src/i18n.ts';
import {
  beforeAfterRows,
  impactColors,
  methodNote,
} from '../../dashboards/src/views/campaigns/impact-format.ts';

const tr = (lang: Lang) => (key: MessageKey, vars?: Vars) => translate(lang, key, vars);

const stats = (total: number, pos: number, neg: number): WindowStats => ({
  total,
  pos,
  neg,
  perDay: total / 7,
  netSentiment: total > 0 ? (pos - neg) / total : null,
});

const did = {
  estimate: null,
  ciLow: null,
  ciHigh: null,
  stdError: null,
  daysWindow: 0,
  daysBaseline: 0,
  meanDiffWindow: null,
  meanDiffBaseline: null,
};

function impact(over: Partial<CampaignImpact> = {}): CampaignImpact {
  return {
    campaign: { brand: '中国联通' } as CampaignImpact['campaign'],
    windows: {
      campaign: { from: '2024-02-01T16:00:00Z', to: '2024-02-08T16:00:00Z', days: 7 },
      baseline: { from: '2024-01-25T16:00:00Z', to: '2024-02-01T16:00:00Z', days: 7 },
    },
    campaignMentions: { window: stats(10, 5, 2), baseline: stats(8, 2, 2) },
    // 28.1% negative in the baseline, 33.5% in the window.
    brand: { window: stats(1000, 300, 335), baseline: stats(1000, 300, 281) },
    competitors: ['中国广电', '中国移动', '中国电信'],
    lift: { netSentiment: did, volume: did, methodId: 'did_daily', method: 'Difference-in-differences …' },
    topPosts: [],
    categoryShifts: [],
    ...over,
  } as CampaignImpact;
}

describe('campaign impact colours, table and footnote', () => {
  it('gives each brand its overview colour, whatever its position', () => {
    // The order the impact chart draws in: the campaign brand, then the competitors.
    const names = ['中国联通', '中国广电', '中国移动', '中国电信'];
    expect(impactColors(names, [])).toEqual([
      OPERATOR_COLORS.中国联通,
      OPERATOR_COLORS.中国广电,
      OPERATOR_COLORS.中国移动,
      OPERATOR_COLORS.中国电信,
    ]);
    expect(impactColors(names, [])).toEqual(names.map((n) => brandColor(n, [])));
    expect(OPERATOR_COLORS.中国广电).not.toBe(OPERATOR_COLORS.中国移动);
  });

  it('prefers the brands list colour and gives unknown brands a colour no other line has', () => {
    const brands = [{ name: '中国移动', color: '#123456' }] as Brand[];
    const colors = impactColors(['中国联通', '中国移动', '某虚拟运营商'], brands);
    expect(colors.slice(0, 2)).toEqual([OPERATOR_COLORS.中国联通, '#123456']);
    expect(colors[2]).toBeTruthy();
    expect(new Set(colors).size).toBe(3);
  });

  it('shows the change of the negative share in percentage points', () => {
    const zh = beforeAfterRows(impact(), tr('zh-CN'), 'zh-CN');
    const neg = zh.find((r) => r[0] === translate('zh-CN', 'overview.negShare'));
    expect(neg?.slice(1)).toEqual(['28.1%', '33.5%', `+5.4 ${translate('zh-CN', 'campaign.points')}`]);
    const en = beforeAfterRows(impact(), tr('en'), 'en');
    expect(en.find((r) => r[0] === 'Negative share')?.[3]).toBe('+5.4 pts');
    const empty = impact({ brand: { window: stats(0, 0, 0), baseline: stats(10, 0, 2) } });
    expect(beforeAfterRows(empty, tr('zh-CN'), 'zh-CN')[2]?.[3]).toBe('—');
  });

  it('renders the method footnote in the UI language', () => {
    const lift = impact().lift;
    expect(methodNote(tr('zh-CN'), lift)).toMatch(/双重差分/);
    expect(methodNote(tr('en'), lift)).toMatch(/^Difference-in-differences of daily/);
    expect(methodNote(tr('zh-CN'), { ...lift, methodId: 'unknown' })).toBe(lift.method);
  });
});
