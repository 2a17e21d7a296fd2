import type { Overview, OverviewExtra } from '../../api/analytics-types.ts';
import type { ChartOption } from '../../charts/echarts.ts';
import { formatBucket } from '../../format.ts';
import { type Lang, labelOf, type Translate, translate } from '../../i18n.ts';

/** Chart options for the overview, as pure functions of the API answer. */

export const SENTIMENT_COLORS = { neg: '#d64541', neu: '#a3acb9', pos: '#2e9e5b' } as const;
const PALETTE = ['#e60012', '#0085d0', '#00a650', '#7b3fa0', '#f39c12', '#16a085', '#8e44ad', '#2c3e50'];

const grid = { left: 48, right: 16, top: 36, bottom: 32, containLabel: true };

/** Index of the bucket a time falls in (buckets are sorted starts). */
function bucketIndex(volume: Overview['volume'], at: string): number {
  const t = Date.parse(at);
  let idx = -1;
  for (let i = 0; i < volume.length; i++) {
    const v = volume[i];
    if (v && Date.parse(v.t) <= t) idx = i;
  }
  return idx;
}

/** Stacked volume by sentiment, with campaign windows and alert markers. */
export function volumeOption(d: Overview, t: Translate, lang: Lang): ChartOption {
  const hourly = d.bucket === 'hour';
  const labels = d.volume.map((v) => formatBucket(lang, v.t, hourly));
  const campaignAreas = d.campaigns
    .map((c) => {
      const a = Math.max(0, bucketIndex(d.volume, c.startsAt));
      const b = bucketIndex(d.volume, c.endsAt);
      const end = labels[b < 0 ? labels.length - 1 : b];
      const start = labels[a];
      return start && end
        ? [{ name: t('overview.campaign', { name: c.name }), xAxis: start }, { xAxis: end }]
        : null;
    })
    .filter((x) => x !== null);
  const alertPoints = d.alerts
    .map((a) => {
      const i = bucketIndex(d.volume, a.createdAt);
      const v = d.volume[i];
      return v
        ? { name: t('overview.alert', { title: a.title }), coord: [labels[i], v.pos + v.neu + v.neg] }
        : null;
    })
    .filter((x) => x !== null);
  const series = (['neg', 'neu', 'pos'] as const).map((k, i) => ({
    name: t(`sentiment.${k}`),
    type: 'bar',
    stack: 'volume',
    barMaxWidth: 28,
    itemStyle: { color: SENTIMENT_COLORS[k] },
    data: d.volume.map((v) => v[k]),
    ...(i === 0
      ? {
          markArea: { silent: false, itemStyle: { color: 'rgba(0,133,208,0.08)' }, data: campaignAreas },
          markPoint: { symbol: 'pin', symbolSize: 36, itemStyle: { color: '#f39c12' }, data: alertPoints },
        }
      : {}),
  }));
  return {
    animation: false,
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** Share of voice: every monitored brand's mention count. */
export function sovOption(d: Overview): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: d.shareOfVoice.map((s, i) => ({
          name: s.brand,
          value: s.count,
          itemStyle: { color: s.color ?? PALETTE[i % PALETTE.length] },
        })),
      },
    ],
  };
}

/** Complaint categories this period against the previous one. */
export function categoriesOption(d: Overview, t: Translate): ChartOption {
  const rows = [...d.categories].sort((a, b) => a.count - b.count);
  const hasPrevious = rows.some((r) => r.previous !== null);
  const current = {
    name: t('overview.current'),
    type: 'bar',
    itemStyle: { color: '#d64541' },
    data: rows.map((r) => r.count),
  };
  const previous = {
    name: t('overview.previous'),
    type: 'bar',
    itemStyle: { color: '#cfd6de' },
    data: rows.map((r) => r.previous ?? 0),
  };
  return {
    animation: false,
    grid: { ...grid, left: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => labelOf(t, 'category', r.category)) },
    series: hasPrevious ? [previous, current] : [current],
  };
}

/** Complaint categories over time, one line each. */
export function categoryTrendOption(d: Overview, t: Translate, lang: Lang): ChartOption {
  const hourly = d.bucket === 'hour';
  const times = [...new Set(d.categoryTrend.map((p) => p.t))].sort();
  const cats = [...new Set(d.categoryTrend.map((p) => p.category))];
  const byKey = new Map(d.categoryTrend.map((p) => [`${p.category}|${p.t}`, p.count]));
  return {
    animation: false,
    color: PALETTE,
    grid: { ...grid, top: 48 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: times.map((x) => formatBucket(lang, x, hourly)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: cats.map((c) => ({
      name: labelOf(t, 'category', c),
      type: 'line',
      smooth: 0.2,
      showSymbol: false,
      data: times.map((x) => byKey.get(`${c}|${x}`) ?? 0),
    })),
  };
}

/** Mentions per source. */
export function sourcesOption(d: Overview, t: Translate): ChartOption {
  const rows = [...d.sources].sort((a, b) => b.count - a.count);
  return {
    animation: false,
    color: ['#0085d0'],
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((r) => labelOf(t, 'source', r.source)),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.count) }],
  };
}

/** API region names may carry 省/市/自治区 suffixes; the map uses short names (`广东`). */
export function shortProvince(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '');
}

/** Negative mentions by province. */
export function mapOption(d: Overview, lang: Lang): ChartOption {
  const data = d.regions.map((r) => ({ name: shortProvince(r.region), value: r.neg }));
  const max = Math.max(1, ...data.map((x) => x.value));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value?: number }) => `${p.name}: ${p.value ?? 0}`,
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      text: [translate(lang, 'sentiment.neg'), ''],
      inRange: { color: ['#fdecea', '#f5a39c', '#d64541', '#8e1b16'] },
    },
    series: [
      {
        type: 'map',
        map: 'china',
        roam: false,
        zoom: 1.15,
        top: 24,
        label: { show: false },
        itemStyle: { areaColor: '#f2f4f7', borderColor: '#b8c0cc' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f39c12' } },
        data,
      },
    ],
  };
}

/** Negative keywords as a word cloud. */
export function wordCloudOption(d: OverviewExtra): ChartOption {
  const colors = ['#d64541', '#a93226', '#c0392b', '#e67e22', '#8e1b16', '#b03a2e'];
  return {
    animation: false,
    tooltip: { show: true },
    series: [
      {
        type: 'wordCloud',
        shape: 'circle',
        left: 'center',
        top: 'center',
        width: '96%',
        height: '96%',
        sizeRange: [14, 60],
        rotationRange: [0, 0],
        gridSize: 4,
        drawOutOfBound: false,
        layoutAnimation: false,
        textStyle: { fontWeight: 'bold', color: () => colors[Math.floor(Math.random() * colors.length)] },
        data: d.negativeKeywords.map((k) => ({ name: k.word, value: k.count })),
      },
    ],
  };
}
