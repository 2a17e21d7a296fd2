import type { ECharts } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import type { ChartOption } from './echarts.ts';

/** Test builds (`vite build --mode test`) expose each chart's data so browser tests can compare it with the API. */
const TEST_HOOKS = import.meta.env.MODE === 'test';

declare global {
  interface Window {
    /** Test builds only: chart data by test id. */
    __koubeiCharts?: Record<string, unknown>;
  }
}

export interface ChartProps {
  option: ChartOption;
  /** `data-testid` of the chart container. */
  testId: string;
  /** What the chart shows, in plain data; published in test builds only. */
  testData?: unknown;
  height?: number;
  ariaLabel: string;
  onClick?: (params: { name: string; data: unknown; seriesName?: string }) => void;
  /** Called once, after the first draw. */
  onReady?: () => void;
  style?: CSSProperties;
}

type ChartsModule = typeof import('./echarts.ts');
let charts: Promise<ChartsModule> | null = null;

/** Load ECharts (its own chunk): call early to overlap the download with data requests. */
export function loadCharts(): Promise<ChartsModule> {
  charts ??= import('./echarts.ts');
  return charts;
}

/** One ECharts canvas that follows its container's size and option changes. */
export function Chart({
  option,
  testId,
  testData,
  height = 280,
  ariaLabel,
  onClick,
  onReady,
  style,
}: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef({ option, onClick, onReady });
  latest.current = { option, onClick, onReady };

  useEffect(() => {
    const node = el.current;
    let live = true;
    let ro: ResizeObserver | undefined;
    void loadCharts().then(({ echarts }) => {
      if (!live || !node) return;
      const c = echarts.init(node, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (p) =>
        latest.current.onClick?.(p as { name: string; data: unknown; seriesName?: string }),
      );
      c.setOption(latest.current.option, { notMerge: true });
      ro = new ResizeObserver(() => c.resize());
      ro.observe(node);
      latest.current.onReady?.();
    });
    return () => {
      live = false;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    if (TEST_HOOKS && testData !== undefined) {
      window.__koubeiCharts = { ...window.__koubeiCharts, [testId]: testData };
      el.current?.setAttribute('data-chart', JSON.stringify(testData));
    }
  }, [option, testData, testId]);

  return (
    <div
      ref={el}
      className="chart"
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ height, ...style }}
    />
  );
}
