import type { Overview } from '../../api/analytics-types.ts';
import { formatNumber, formatPercent, formatSigned } from '../../format.ts';
import { useT } from '../../i18n-react.ts';
import { deltaOf } from './kpi-delta.ts';

function Delta({
  now,
  prev,
  invert = false,
  digits = 1,
  prevSample,
}: {
  now: number | null;
  prev: number | null;
  invert?: boolean;
  digits?: number;
  /** Mentions behind `prev`, for rates; a change needs MIN_PREVIOUS_SAMPLE of them (kpi-delta.ts). */
  prevSample?: number;
}) {
  const { t } = useT();
  const diff = deltaOf(now, prev, prevSample);
  if (diff === 'none') return <span className="delta muted">{t('overview.noPrev')}</span>;
  if (diff === 'small')
    return (
      <span className="delta muted" data-testid="delta-small-sample">
        {t('overview.smallPrev', { n: prevSample ?? 0 })}
      </span>
    );
  const good = invert ? diff < 0 : diff > 0;
  const cls = diff === 0 ? 'delta muted' : good ? 'delta up' : 'delta down';
  return <span className={cls}>{t('overview.vsPrev', { delta: formatSigned(diff, digits) })}</span>;
}

/** Headline figures: net sentiment with change vs the previous period, volume, negative share. */
export function Kpis({ d }: { d: Overview }) {
  const { t, lang } = useT();
  const negShare = d.totals.mentions > 0 ? d.totals.neg / d.totals.mentions : null;
  const prevNegShare =
    d.previousTotals.mentions > 0 ? d.previousTotals.neg / d.previousTotals.mentions : null;
  return (
    <div className="kpis" data-testid="kpis">
      <div className="kpi" data-testid="kpi-nss" data-value={d.nss ?? ''}>
        <span className="kpi-label" title={t('overview.nssHint')}>
          {t('overview.nss')}
        </span>
        <strong className="kpi-value">{d.nss === null ? '—' : formatSigned(d.nss)}</strong>
        <Delta now={d.nss} prev={d.previousNss} prevSample={d.previousTotals.mentions} />
      </div>
      <div className="kpi" data-testid="kpi-mentions" data-value={d.totals.mentions}>
        <span className="kpi-label">{t('overview.mentions')}</span>
        <strong className="kpi-value">{formatNumber(lang, d.totals.mentions)}</strong>
        <Delta now={d.totals.mentions} prev={d.previousTotals.mentions || null} digits={0} />
      </div>
      <div className="kpi" data-testid="kpi-neg-share">
        <span className="kpi-label">{t('overview.negShare')}</span>
        <strong className="kpi-value">{negShare === null ? '—' : formatPercent(lang, negShare)}</strong>
        <Delta
          now={negShare === null ? null : negShare * 100}
          prev={prevNegShare === null ? null : prevNegShare * 100}
          prevSample={d.previousTotals.mentions}
          invert
        />
      </div>
    </div>
  );
}
