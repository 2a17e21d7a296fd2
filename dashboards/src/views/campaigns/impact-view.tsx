import { useMemo } from 'react';
import type { Did } from '../../api/analytics-types.ts';
import type { ImpactView as Impact } from '../../api/campaign.ts';
import { Chart } from '../../charts/chart.tsx';
import { MentionCard } from '../../components/mention-card.tsx';
import { formatDate, formatPercent, formatSigned } from '../../format.ts';
import { useBrands } from '../../hooks/use-brands.ts';
import { labelOf, type MessageKey } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { beforeAfterRows, methodNote } from './impact-format.ts';
import { impactSeriesOption } from './impact-options.ts';

/** A difference-in-differences estimate with its 95% interval, drawn on a scale symmetric around 0. */
function LiftCard({
  did,
  label,
  scale,
  unit,
  testId,
}: {
  did: Did;
  label: MessageKey;
  scale: number;
  unit: string;
  testId: string;
}) {
  const { t } = useT();
  if (did.estimate === null || did.ciLow === null || did.ciHigh === null) {
    return (
      <div className="kpi lift" data-testid={testId}>
        <span className="kpi-label">{t(label)}</span>
        <strong className="kpi-value">—</strong>
        <span className="muted">{t('campaign.notEnough')}</span>
      </div>
    );
  }
  const [v, lo, hi] = [did.estimate * scale, did.ciLow * scale, did.ciHigh * scale];
  const significant = lo > 0 || hi < 0;
  const span = Math.max(Math.abs(lo), Math.abs(hi), Math.abs(v), 1e-9) * 1.2;
  const x = (n: number) => 50 + (n / span) * 50;
  return (
    <div className="kpi lift" data-testid={testId} data-value={v} data-low={lo} data-high={hi}>
      <span className="kpi-label">{t(label)}</span>
      <strong className="kpi-value" data-testid={`${testId}-value`}>
        {formatSigned(v)} <small>{unit}</small>
      </strong>
      <span className="muted">{t('campaign.ci', { low: formatSigned(lo), high: formatSigned(hi) })}</span>
      <svg viewBox="0 0 100 16" className="ci-bar" aria-hidden="true" preserveAspectRatio="none">
        <line x1="50" x2="50" y1="0" y2="16" stroke="#9aa5b1" strokeDasharray="2 2" />
        <rect
          x={x(lo)}
          width={Math.max(0.5, x(hi) - x(lo))}
          y="5"
          height="6"
          fill={significant ? '#2e9e5b' : '#a3acb9'}
        />
        <circle cx={x(v)} cy="8" r="3" fill="#1b2430" />
      </svg>
      <span className={significant ? 'badge badge-pos' : 'badge'}>
        {significant ? t('campaign.significant') : t('campaign.notSignificant')}
      </span>
    </div>
  );
}

/** Windows end exclusive (at midnight): show the last day they include. */
function lastDay(lang: 'zh-CN' | 'en', to: string): string {
  return formatDate(lang, Date.parse(to) - 1);
}

function BeforeAfter({ v }: { v: Impact }) {
  const { t, lang } = useT();
  const rows = beforeAfterRows(v.impact, t, lang);
  return (
    <div className="table-wrap">
      <table data-testid="before-after">
        <thead>
          <tr>
            <th />
            <th>{t('campaign.baselineShort')}</th>
            <th>{t('campaign.during')}</th>
            <th>{t('campaign.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, before, during, delta]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{before}</td>
              <td>{during}</td>
              <td>{delta}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CategoriesMoved({ v }: { v: Impact }) {
  const { t, lang } = useT();
  return (
    <table data-testid="categories-moved">
      <thead>
        <tr>
          <th>{t('filter.category')}</th>
          <th>{t('campaign.baselineShort')}</th>
          <th>{t('campaign.during')}</th>
          <th>{t('campaign.change')}</th>
        </tr>
      </thead>
      <tbody>
        {v.impact.categoryShifts.slice(0, 8).map((c) => (
          <tr key={c.category}>
            <th>{labelOf(t, 'category', c.category)}</th>
            <td>{formatPercent(lang, c.baselineShare)}</td>
            <td>{formatPercent(lang, c.windowShare)}</td>
            <td className={c.change > 0 ? 'delta down' : c.change < 0 ? 'delta up' : 'muted'}>
              {formatSigned(c.change * 100)} {t('campaign.points')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Before/after vs baseline, lift vs competitors with 95% intervals, top posts, categories that moved. */
export function ImpactView({ v }: { v: Impact }) {
  const { t, lang } = useT();
  const { brands } = useBrands();
  const option = useMemo(() => impactSeriesOption(v, t, lang, brands), [v, t, lang, brands]);
  const w = v.impact.windows;
  return (
    <div className="impact" data-testid="impact">
      <p className="muted">
        {t('campaign.window', {
          from: formatDate(lang, w.campaign.from),
          to: lastDay(lang, w.campaign.to),
        })}{' '}
        ·{' '}
        {t('campaign.baseline', {
          from: formatDate(lang, w.baseline.from),
          to: lastDay(lang, w.baseline.to),
        })}{' '}
        · {t('campaign.vs', { names: v.impact.competitors.join('、') })}
      </p>
      <div className="impact-top">
        <LiftCard
          did={v.impact.lift.netSentiment}
          label="campaign.liftNss"
          scale={100}
          unit={t('campaign.points')}
          testId="lift-nss"
        />
        <LiftCard
          did={v.impact.lift.volume}
          label="campaign.liftVolume"
          scale={1}
          unit={t('campaign.perDay')}
          testId="lift-volume"
        />
        <BeforeAfter v={v} />
      </div>
      <section className="panel">
        <h3>{t('campaign.beforeAfter')}</h3>
        <Chart
          option={option}
          testId="chart-impact"
          testData={v.series}
          ariaLabel={t('campaign.beforeAfter')}
          height={300}
        />
      </section>
      <div className="grid">
        <section className="panel">
          <h3>{t('campaign.categoriesMoved')}</h3>
          <CategoriesMoved v={v} />
        </section>
        <section className="panel">
          <h3>{t('campaign.topPosts')}</h3>
          <div className="mention-list" data-testid="top-posts">
            {v.impact.topPosts.length === 0 && <p className="muted">{t('common.empty')}</p>}
            {v.impact.topPosts.map((m) => (
              <MentionCard key={m.id} m={m} />
            ))}
          </div>
        </section>
      </div>
      <p className="muted small" data-testid="impact-method">
        {methodNote(t, v.impact.lift)}
      </p>
    </div>
  );
}
