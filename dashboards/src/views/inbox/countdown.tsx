import type { CaseSummary } from '../../api/types.ts';
import { formatDuration } from '../../format.ts';
import { useT } from '../../i18n-react.ts';

const HOUR = 3_600_000;

export type Urgency = 'ok' | 'amber' | 'red' | 'breached' | 'done';

/** How urgent a case is at `now`: amber under 6 h to the deadline, red under 2 h, then breached. */
export function urgency(c: CaseSummary, now: number): Urgency {
  if (c.firstRespondedAt || c.status === 'resolved' || c.status === 'closed') return 'done';
  const left = Date.parse(c.firstResponseDueAt) - now;
  if (c.breachedAt || left <= 0) return 'breached';
  if (left < 2 * HOUR) return 'red';
  if (left < 6 * HOUR) return 'amber';
  return 'ok';
}

/** Live countdown to the first-response deadline. */
export function Countdown({ c, now }: { c: CaseSummary; now: number }) {
  const { t } = useT();
  const u = urgency(c, now);
  const left = Date.parse(c.firstResponseDueAt) - now;
  if (u === 'done') {
    // Resolved or closed without a first response: say so rather than claim a response was sent.
    return (
      <span className="countdown countdown-done" data-urgency={u}>
        {t(c.firstRespondedAt ? 'inbox.responded' : 'inbox.closedUnanswered')}
      </span>
    );
  }
  if (u === 'breached') {
    return (
      <span className="countdown countdown-breached" data-urgency={u} data-testid="countdown">
        <span className="badge badge-breached">{t('inbox.breached')}</span>
        {left < 0 && <span>{t('inbox.overdueBy', { time: formatDuration(t, -left) })}</span>}
      </span>
    );
  }
  return (
    <span className={`countdown countdown-${u}`} data-urgency={u} data-testid="countdown">
      {t('inbox.dueIn', { time: formatDuration(t, left) })}
    </span>
  );
}
