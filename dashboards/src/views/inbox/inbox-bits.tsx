import type { SlaStats } from '../../api/types.ts';
import { formatDuration, formatPercent } from '../../format.ts';
import { useT } from '../../i18n-react.ts';

/** SLA figures for the open queue. */
export function SlaBar({ s }: { s: SlaStats | undefined }) {
  const { t, lang } = useT();
  if (!s) return null;
  return (
    <div className="sla-bar" data-testid="sla-bar">
      <span data-testid="sla-open" data-value={s.open}>
        {t('inbox.sla.open')} <strong>{s.open}</strong>
      </span>
      <span className="amber" data-testid="sla-at-risk" data-value={s.atRisk}>
        {t('inbox.sla.atRisk')} <strong>{s.atRisk}</strong>
      </span>
      <span className="red" data-testid="sla-breached" data-value={s.breached}>
        {t('inbox.sla.breached')} <strong>{s.breached}</strong>
      </span>
      <span data-testid="sla-met" data-value={s.onTimeRate ?? ''}>
        {t('inbox.sla.met')}{' '}
        <strong>{s.onTimeRate === null ? '—' : formatPercent(lang, s.onTimeRate)}</strong>
      </span>
      <span data-testid="sla-median" data-value={s.medianFirstResponseMs ?? ''}>
        {t('inbox.sla.median')}{' '}
        <strong>{s.medianFirstResponseMs === null ? '—' : formatDuration(t, s.medianFirstResponseMs)}</strong>
      </span>
    </div>
  );
}

const KEYS: [string, Parameters<ReturnType<typeof useT>['t']>[0]][] = [
  ['j / k', 'inbox.key.jk'],
  ['c', 'inbox.key.c'],
  ['r', 'inbox.key.r'],
  ['e', 'inbox.key.e'],
  ['?', 'inbox.key.help'],
];

/** The keyboard shortcut sheet (`?`). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useT();
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={t('inbox.shortcuts')}
        data-testid="shortcut-help"
      >
        <h3>{t('inbox.shortcuts')}</h3>
        <dl className="keys">
          {KEYS.map(([k, label]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
