import { useState } from 'react';
import type { DeadLetterJob, SourceHealth } from '../../api/analytics-types.ts';
import { sources } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session.tsx';
import { Async, ErrorBox } from '../../components/states.tsx';
import { formatDateTime, formatDuration } from '../../format.ts';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useNow } from '../../hooks/use-now.ts';

function SourceRow({ s, now }: { s: SourceHealth; now: number }) {
  const { t, lang } = useT();
  const sessions = s.sessions ?? [];
  const blockedSessions = sessions.filter((x) => x.blockedUntil && Date.parse(x.blockedUntil) > now);
  const blocked = s.blockedUntil !== null && Date.parse(s.blockedUntil) > now;
  return (
    <tr data-testid="source-row" data-source-id={s.id} data-health={s.status}>
      <td>
        <strong>{s.id}</strong>
        <div className="muted">{labelOf(t, 'source', s.kind)}</div>
      </td>
      <td>
        <span className={`health health-${s.status}`}>{t(`sources.${s.status}`)}</span>
      </td>
      <td>
        {s.freshnessSeconds !== null
          ? t('sources.ago', { time: formatDuration(t, s.freshnessSeconds * 1000) })
          : t('time.never')}
        {s.lastSuccessAt && <div className="muted">{formatDateTime(lang, s.lastSuccessAt)}</div>}
      </td>
      <td>{s.lastRunAt ? formatDateTime(lang, s.lastRunAt) : t('time.never')}</td>
      <td>{s.itemsLastRun}</td>
      <td>{s.pagesLastRun}</td>
      <td>
        {sessions.length > 0 && `${blockedSessions.length}/${sessions.length} `}
        {blocked && s.blockedUntil && (
          <div className="muted">
            {t('sources.blockedUntil', { time: formatDateTime(lang, s.blockedUntil) })}
            {s.blockSignal && ` · ${s.blockSignal}`}
          </div>
        )}
        {!blocked && sessions.length === 0 && '—'}
      </td>
      <td className="err-cell">
        {s.lastError ?? ''}
        {/* When, so an old error next to a healthy status reads as history. */}
        {s.lastError && s.lastErrorAt && <div className="muted">{formatDateTime(lang, s.lastErrorAt)}</div>}
      </td>
    </tr>
  );
}

function DeadLetters({ jobs, onRetried }: { jobs: DeadLetterJob[]; onRetried(): void }) {
  const { t, lang } = useT();
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const retry = async (j: DeadLetterJob) => {
    setBusy(`${j.queue}/${j.jobId}`);
    setError(undefined);
    try {
      await sources.retry(j.queue, j.jobId);
      onRetried();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  if (jobs.length === 0) return <p className="muted">{t('sources.deadEmpty')}</p>;
  return (
    <>
      {error !== undefined && <ErrorBox error={error} />}
      <div className="table-wrap">
        <table data-testid="dead-letters">
          <thead>
            <tr>
              <th>{t('sources.queue')}</th>
              <th>ID</th>
              <th>{t('sources.reason')}</th>
              <th>{t('sources.attempts')}</th>
              <th>{t('sources.failedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={`${j.queue}/${j.jobId}`} data-testid="dead-letter-row">
                <td>{j.queue}</td>
                <td>
                  {j.name} #{j.jobId}
                </td>
                <td className="err-cell">{j.failedReason ?? ''}</td>
                <td>{j.attemptsMade}</td>
                <td>{j.failedAt ? formatDateTime(lang, j.failedAt) : ''}</td>
                <td>
                  {session.can('job.retry') && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy === `${j.queue}/${j.jobId}`}
                      onClick={() => void retry(j)}
                    >
                      {t('sources.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** 数据源: freshness, errors, blocked sessions, items per run, dead-letter jobs with retry. */
export default function SourcesPage() {
  const { t } = useT();
  const now = useNow(30_000);
  const session = useSession();
  const canRetry = session.can('job.retry');
  const list = useApi(() => sources.list().then((r) => r.items), []);
  const dead = useApi(
    () => (canRetry ? sources.deadLetter().then((r) => r.items) : Promise.resolve([])),
    [canRetry],
  );
  return (
    <div className="page" data-testid="view-sources">
      <div className="page-head">
        <h2>{t('sources.title')}</h2>
      </div>
      <Async state={list} isEmpty={(l) => l.length === 0}>
        {(items) => (
          <div className="table-wrap">
            <table data-testid="sources-table">
              <thead>
                <tr>
                  <th>{t('filter.source')}</th>
                  <th>{t('sources.statusCol')}</th>
                  <th>{t('sources.freshness')}</th>
                  <th>{t('sources.lastRun')}</th>
                  <th>{t('sources.items')}</th>
                  <th>{t('sources.pages')}</th>
                  <th>{t('sources.blockedCol')}</th>
                  <th>{t('sources.errorCol')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <SourceRow key={s.id} s={s} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      {canRetry && (
        <>
          <h3 className="section-title">{t('sources.deadLetter')}</h3>
          <Async state={dead}>{(jobs) => <DeadLetters jobs={jobs} onRetried={dead.reload} />}</Async>
        </>
      )}
    </div>
  );
}
