import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Overview, OverviewExtra } from '../../api/analytics-types.ts';
import { loadOverview, loadOverviewExtra } from '../../api/overview.ts';
import { Chart, loadCharts } from '../../charts/chart.tsx';
import { MentionCard } from '../../components/mention-card.tsx';
import { Async, ErrorBox } from '../../components/states.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useBrands } from '../../hooks/use-brands.ts';
import { useT } from '../../i18n-react.ts';
import { FilterBar, useAnalyticsFilters } from '../filter-bar.tsx';
import { Kpis } from './kpis.tsx';
import {
  categoriesOption,
  categoryTrendOption,
  mapOption,
  sourcesOption,
  sovOption,
  volumeOption,
  wordCloudOption,
} from './overview-options.ts';

function Panel({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={wide ? 'panel panel-wide' : 'panel'}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

const CORE_CHARTS = 6;

/** Marks `koubei:overview-ready` once every chart of the first screen has drawn (the bench reads it). */
function useReadyMark(): () => void {
  const drawn = useRef(0);
  return useCallback(() => {
    drawn.current += 1;
    if (drawn.current === CORE_CHARTS) performance.mark('koubei:overview-ready');
  }, []);
}

function CoreCharts({ d, extra }: { d: Overview; extra: ReactNode }) {
  const { t, lang } = useT();
  const onReady = useReadyMark();
  const opts = useMemo(
    () => ({
      volume: volumeOption(d, t, lang),
      sov: sovOption(d),
      categories: categoriesOption(d, t),
      trend: categoryTrendOption(d, t, lang),
      sources: sourcesOption(d, t),
      map: mapOption(d, lang),
    }),
    [d, t, lang],
  );
  const chart = (id: string, key: keyof typeof opts, data: unknown, label: string, height?: number) => (
    <Chart
      option={opts[key]}
      testId={id}
      testData={data}
      ariaLabel={label}
      onReady={onReady}
      {...(height ? { height } : {})}
    />
  );
  return (
    <div className="grid" data-testid="overview-grid">
      <Panel title={t('overview.volume')} wide>
        {chart('chart-volume', 'volume', d.volume, t('overview.volume'), 300)}
      </Panel>
      <Panel title={t('overview.sov')}>{chart('chart-sov', 'sov', d.shareOfVoice, t('overview.sov'))}</Panel>
      <Panel title={t('overview.categories')}>
        {chart('chart-categories', 'categories', d.categories, t('overview.categories'))}
      </Panel>
      <Panel title={t('overview.categoryTrend')}>
        {chart('chart-category-trend', 'trend', d.categoryTrend, t('overview.categoryTrend'))}
      </Panel>
      <Panel title={t('overview.sources')}>
        {chart('chart-sources', 'sources', d.sources, t('overview.sources'))}
      </Panel>
      <Panel title={t('overview.map')}>{chart('chart-map', 'map', d.regions, t('overview.map'), 340)}</Panel>
      {extra}
    </div>
  );
}

/** Word cloud and top negative mentions: slower reads that fill in after the charts. */
function ExtraPanels({ state }: { state: ReturnType<typeof useApi<OverviewExtra>> }) {
  const { t } = useT();
  const cloud = useMemo(() => (state.data ? wordCloudOption(state.data) : null), [state.data]);
  return (
    <>
      <Panel title={t('overview.wordcloud')}>
        <Async state={state}>
          {(x) =>
            cloud && (
              <Chart
                option={cloud}
                testId="chart-wordcloud"
                testData={x.negativeKeywords}
                ariaLabel={t('overview.wordcloud')}
                height={340}
              />
            )
          }
        </Async>
      </Panel>
      <Panel title={t('overview.topNegative')} wide>
        <Async state={state} isEmpty={(x) => x.topNegative.length === 0}>
          {(x) => (
            <div className="mention-list" data-testid="top-negative">
              {x.topNegative.map((m) => (
                <MentionCard key={m.id} m={m} />
              ))}
            </div>
          )}
        </Async>
      </Panel>
    </>
  );
}

/** 品牌口碑总览: the brand manager's overview. Filters live in the URL, so a view can be shared. */
export default function OverviewPage() {
  const { t } = useT();
  const { filters, ready } = useAnalyticsFilters();
  const { brands } = useBrands();
  const never = () => new Promise<never>(() => {});
  const core = useApi(
    (signal) => (ready ? loadOverview(filters, brands, signal) : never()),
    [filters, ready],
  );
  const extra = useApi((signal) => (ready ? loadOverviewExtra(filters, signal) : never()), [filters, ready]);
  useEffect(() => {
    // After the data requests are on their way: parsing ECharts then overlaps with the server's work.
    if (ready) void loadCharts();
  }, [ready]);
  return (
    <div className="page" data-testid="view-overview">
      <div className="page-head">
        <h2>{t('nav.overview')}</h2>
        <FilterBar />
      </div>
      {core.error !== undefined && core.data !== undefined && (
        <ErrorBox error={core.error} onRetry={core.reload} />
      )}
      <Async
        state={core}
        isEmpty={(d) => d.totals.mentions === 0 && d.shareOfVoice.every((s) => s.count === 0)}
      >
        {(d) => (
          <div className={core.loading ? 'stale' : undefined}>
            <Kpis d={d} />
            <CoreCharts d={d} extra={<ExtraPanels state={extra} />} />
          </div>
        )}
      </Async>
    </div>
  );
}
