import type { ImpactView } from '../../api/campaign.ts';
import type { Brand } from '../../api/types.ts';
import type { ChartOption } from '../../charts/echarts.ts';
import { formatBucket } from '../../format.ts';
import type { Lang, Translate } from '../../i18n.ts';
import { dayKey, impactColors, windowDays } from './impact-format.ts';

/**
 * Daily volume of the campaign brand and its competitors, with the baseline and campaign windows
 * shaded. Lines take the brand colours of the overview.
 */
export function impactSeriesOption(
  v: ImpactView,
  t: Translate,
  lang: Lang,
  brands: readonly Brand[] = [],
): ChartOption {
  const { impact, series } = v;
  const { baseline, campaign } = impact.windows;
  // ISO strings sort by time: the axis starts with the earlier window.
  const first = [baseline.from, campaign.from].sort()[0] ?? campaign.from;
  const days = windowDays(first, campaign.to, series);
  const names = [impact.campaign.brand, ...impact.competitors];
  const colors = impactColors(names, brands);
  const byKey = new Map(series.map((p) => [`${p.brand}|${dayKey(p.t)}`, p.count]));
  const labels = days.map((x) => formatBucket(lang, x, false));
  const indexOf = (iso: string, fallback: number) => {
    const at = Date.parse(iso);
    let idx = fallback;
    days.forEach((x, i) => {
      if (Date.parse(x) <= at) idx = i;
    });
    return idx;
  };
  const area = (w: { from: string; to: string }, name: string, color: string) => {
    const a = labels[indexOf(w.from, 0)];
    const b = labels[indexOf(new Date(Date.parse(w.to) - 1).toISOString(), labels.length - 1)];
    return a && b ? [{ name, xAxis: a, itemStyle: { color } }, { xAxis: b }] : null;
  };
  const areas = [
    area(impact.windows.baseline, t('campaign.baselineShort'), 'rgba(160,170,185,0.18)'),
    area(impact.windows.campaign, t('campaign.during'), 'rgba(230,0,18,0.10)'),
  ].filter((x) => x !== null);
  return {
    animation: false,
    color: colors,
    grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: names.map((b, i) => ({
      name: b,
      type: 'line',
      smooth: 0.2,
      showSymbol: false,
      itemStyle: { color: colors[i] },
      lineStyle: { width: i === 0 ? 3 : 1.5, color: colors[i] },
      data: days.map((x) => byKey.get(`${b}|${x}`) ?? 0),
      ...(i === 0 ? { markArea: { silent: true, label: { position: 'insideTop' }, data: areas } } : {}),
    })),
  };
}
