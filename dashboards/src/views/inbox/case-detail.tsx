import type { RefObject } from 'react';
import type { Assignee, CaseDetail, User } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { Engagement, MentionCard, MentionMeta, safeUrl } from '../../components/mention-card.tsx';
import { formatCompact, formatDuration } from '../../format.ts';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { CaseTimeline } from './case-timeline.tsx';
import { useNameOf } from './people.tsx';
import { Countdown } from './countdown.tsx';
import { ResponseComposer } from './response-composer.tsx';
import type { CaseActions } from './use-case-actions.ts';

export interface CaseDetailProps {
  c: CaseDetail;
  me: User;
  now: number;
  assignees: Assignee[];
  actions: CaseActions;
  textRef: RefObject<HTMLTextAreaElement | null>;
}

function ActionBar({
  c,
  me,
  assignees,
  actions,
}: Pick<CaseDetailProps, 'c' | 'me' | 'assignees' | 'actions'>) {
  const { t } = useT();
  const session = useSession();
  const closed = c.status === 'resolved' || c.status === 'closed';
  const work = session.can('case.work');
  // The case service lets a user claim an unassigned case, or one assigned to them but not started.
  const claimable =
    c.assigneeId === null
      ? !closed
      : c.assigneeId === me.id && (c.status === 'new' || c.status === 'assigned');
  return (
    <div className="action-bar" data-testid="case-actions">
      {work && claimable && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={actions.busy}
          onClick={() => void actions.claim(c.id)}
        >
          {t('inbox.claim')} <kbd>c</kbd>
        </button>
      )}
      {session.can('case.assign') && !closed && assignees.length > 0 && (
        <select
          aria-label={t('inbox.assign')}
          value=""
          disabled={actions.busy}
          onChange={(e) => e.target.value && void actions.assign(c.id, Number(e.target.value))}
        >
          <option value="">{t('inbox.assign')}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName ?? a.username}
              {a.team ? ` · ${a.team}` : ''}
            </option>
          ))}
        </select>
      )}
      {work && c.status === 'responded' && (
        <button
          type="button"
          className="btn"
          data-testid="resolve"
          disabled={actions.busy}
          onClick={() => void actions.setStatus(c.id, 'resolved')}
        >
          {t('inbox.resolve')} <kbd>e</kbd>
        </button>
      )}
      {work && c.status === 'resolved' && (
        <button
          type="button"
          className="btn"
          disabled={actions.busy}
          onClick={() => void actions.setStatus(c.id, 'closed')}
        >
          {t('inbox.close')}
        </button>
      )}
      {session.can('case.assign') && closed && (
        <button
          type="button"
          className="btn"
          disabled={actions.busy}
          onClick={() => void actions.setStatus(c.id, 'in_progress')}
        >
          {t('inbox.reopen')}
        </button>
      )}
    </div>
  );
}

/** The selected case: the mention with its explanation, reach, related posts, timeline and response. */
export function CaseDetailPane({ c, me, now, assignees, actions, textRef }: CaseDetailProps) {
  const { t, lang } = useT();
  const nameOf = useNameOf(t);
  const session = useSession();
  const m = c.mention;
  const href = safeUrl(m.url);
  const closed = c.status === 'resolved' || c.status === 'closed';
  return (
    <div className="case-detail" data-testid="case-detail" data-case-id={c.id} data-status={c.status}>
      <header className="case-head">
        <div>
          <span className={`prio prio-${c.priority}`}>{c.priority}</span> <h3>{c.title}</h3>
        </div>
        <div className="case-head-meta">
          <Countdown c={c} now={now} />
          {c.foundLate && (
            <span
              className="badge"
              data-testid="found-late"
              title={t('inbox.foundLateHint', {
                time: formatDuration(t, Date.parse(c.detectedAt) - Date.parse(c.publishedAt)),
              })}
            >
              {t('inbox.foundLate')}
            </span>
          )}
          <span className="badge" data-testid="case-status">
            {t(`status.${c.status}`)}
          </span>
          <span className="muted">
            {t('inbox.assignee', {
              name: nameOf(c.assigneeId),
            })}
          </span>
        </div>
        <ActionBar c={c} me={me} assignees={assignees} actions={actions} />
      </header>
      <section className="case-mention">
        <MentionMeta m={m} />
        {m.title && <h4 className="mention-title">{m.title}</h4>}
        <HighlightedText text={m.text} explain={m.explain ?? []} />
        <div className="mention-foot">
          {m.categories.map((cat) => (
            <span key={cat} className="badge">
              {labelOf(t, 'category', cat)}
            </span>
          ))}
          <Engagement m={m} />
          <span className="muted" title={t('mention.reach')}>
            {t('mention.reach')}: {formatCompact(lang, m.authorFollowers ?? 0)}
          </span>
          {href && (
            <a className="link" href={href} target="_blank" rel="noopener noreferrer nofollow">
              {t('mention.original')}
            </a>
          )}
        </div>
      </section>
      {session.can('case.work') && (
        <ResponseComposer
          templates={c.templates}
          disabled={closed}
          busy={actions.busy}
          textRef={textRef}
          onSubmit={(text, channel) => actions.respond(c.id, text, channel)}
        />
      )}
      <section>
        <h4>{t('inbox.timeline')}</h4>
        <CaseTimeline events={c.events} />
      </section>
      <section>
        <h4>{t('mention.related')}</h4>
        {c.related.length === 0 ? (
          <p className="muted">{t('mention.noRelated')}</p>
        ) : (
          <div className="mention-list">
            {c.related.map((r) => (
              <MentionCard key={r.id} m={r} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
