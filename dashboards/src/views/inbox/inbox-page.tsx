import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type CaseQuery, cases } from '../../api/cases.ts';
import { people } from '../../api/endpoints.ts';
import { PRIORITIES } from '../../api/types.ts';
import { useSession, useUser } from '../../auth/session.tsx';
import { Async, ErrorBox } from '../../components/states.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useNow } from '../../hooks/use-now.ts';
import { type StreamEvent, useStream } from '../../hooks/use-stream.tsx';
import { useT } from '../../i18n-react.ts';
import { navigate, useLocation, useQueryState } from '../../router.ts';
import { BulkBar } from './bulk-bar.tsx';
import { CaseDetailPane } from './case-detail.tsx';
import { CaseList } from './case-list.tsx';
import { ShortcutHelp, SlaBar } from './inbox-bits.tsx';
import { PeopleContext } from './people.tsx';
import { useCaseActions } from './use-case-actions.ts';
import { useInboxKeys } from './use-inbox-keys.ts';
import './inbox.css';

const VIEWS = ['all', 'mine', 'team', 'unassigned'] as const;
type InboxView = (typeof VIEWS)[number];

function caseIdOf(e: StreamEvent): number | null {
  const d = e.data as { caseId?: unknown; id?: unknown; case?: { id?: unknown } } | null;
  const id = d?.caseId ?? d?.case?.id ?? d?.id;
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null;
}

/** 负面处置: the PR team's triage inbox, live over SSE. */
export default function InboxPage() {
  const { t } = useT();
  const me = useUser();
  const session = useSession();
  const now = useNow(1000);
  const { segments } = useLocation();
  const [q, setQuery] = useQueryState();
  const view: InboxView = (VIEWS as readonly string[]).includes(q.get('view') ?? '')
    ? (q.get('view') as InboxView)
    : 'all';
  const priority = q.get('priority') ?? '';
  const selectedId = segments[1] && /^\d+$/.test(segments[1]) ? Number(segments[1]) : null;
  const query = useMemo<CaseQuery>(() => ({ view, priority: priority || undefined }), [view, priority]);

  // Pages of 200 cases loaded so far; "load more" adds one, and live reloads keep them all.
  const [pages, setPages] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from one page.
  useEffect(() => setPages(1), [query]);
  const list = useApi((s) => cases.list(query, pages, s), [query, pages]);
  const detail = useApi(() => (selectedId ? cases.get(selectedId) : Promise.resolve(null)), [selectedId]);
  const sla = useApi(
    (s) => (list.data ? cases.sla(list.data.items, s) : new Promise<never>(() => {})),
    [list.data],
  );
  // Names for the list and timeline, and the assign menus; every role with the inbox may read it.
  const assignees = useApi((s) => people.assignees(s), []);
  const peopleCtx = useMemo(
    () => ({
      me: me.id,
      names: new Map((assignees.data ?? []).map((a) => [a.id, a.displayName ?? a.username])),
    }),
    [me.id, assignees.data],
  );
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  // The new case's id: its title comes from the list once the reload brings it (the live event
  // carries no title).
  const [toast, setToast] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const items = useMemo(
    () =>
      [...(list.data?.items ?? [])].sort(
        (a, b) => Date.parse(a.firstResponseDueAt) - Date.parse(b.firstResponseDueAt),
      ),
    [list.data],
  );

  const timer = useRef<number | undefined>(undefined);
  const refresh = useCallback(
    (id: number | null) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => list.reload(), 150);
      if (id === null || id === selectedId) detail.reload();
    },
    [list.reload, detail.reload, selectedId],
  );
  const actions = useCaseActions(refresh);

  const connected = useStream((e) => {
    if (!e.type.startsWith('case.')) return;
    const id = caseIdOf(e);
    refresh(id);
    if (e.type === 'case.opened' && id !== null) {
      setFresh((s) => new Set(s).add(id));
      setToast(id);
    }
  });

  useEffect(() => {
    if (toast === null) return;
    const id = window.setTimeout(() => setToast(null), 6000);
    return () => window.clearTimeout(id);
  }, [toast]);

  const select = useCallback((id: number) => navigate(`/inbox/${id}${window.location.search}`), []);
  const move = (delta: number) => {
    if (items.length === 0) return;
    const i = items.findIndex((c) => c.id === selectedId);
    const next = items[Math.min(items.length - 1, Math.max(0, i < 0 ? 0 : i + delta))];
    if (next) select(next.id);
  };

  useInboxKeys({
    next: () => move(1),
    prev: () => move(-1),
    claim: () => selectedId && session.can('case.work') && void actions.claim(selectedId),
    respond: () => textRef.current?.focus(),
    resolve: () => selectedId && session.can('case.work') && void actions.setStatus(selectedId, 'resolved'),
    help: () => setHelp((h) => !h),
    escape: () => setHelp(false),
  });

  const toggle = (id: number) =>
    setChecked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <PeopleContext.Provider value={peopleCtx}>
      <div className={selectedId ? 'page inbox has-selection' : 'page inbox'} data-testid="view-inbox">
        <div className="page-head">
          <h2>
            {t('nav.inbox')}{' '}
            <span
              className={connected ? 'live on' : 'live'}
              data-testid="live-indicator"
              data-connected={connected}
            >
              {connected ? t('inbox.live') : t('inbox.offline')}
            </span>
          </h2>
          <SlaBar s={sla.data} />
        </div>
        <div className="inbox-filters">
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={v === view ? 'chip active' : 'chip'}
              aria-pressed={v === view}
              onClick={() => setQuery({ view: v === 'all' ? null : v })}
            >
              {t(`inbox.filter.${v}`)}
            </button>
          ))}
          <select
            aria-label={t('inbox.filter.priority')}
            value={priority}
            onChange={(e) => setQuery({ priority: e.target.value })}
          >
            <option value="">{t('inbox.filter.priority')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <button type="button" className="link" onClick={() => setHelp(true)}>
            ? {t('inbox.shortcuts')}
          </button>
        </div>
        {toast !== null && (
          <div className="toast" role="status" data-testid="toast">
            {t('inbox.new', { title: items.find((c) => c.id === toast)?.title ?? `#${toast}` })}
          </div>
        )}
        {actions.error !== undefined && <ErrorBox error={actions.error} onRetry={actions.clearError} />}
        {assignees.error !== undefined && <ErrorBox error={assignees.error} onRetry={assignees.reload} />}
        <div className="inbox-split">
          <aside className="inbox-list">
            <BulkBar
              items={items}
              checked={checked}
              setChecked={setChecked}
              actions={actions}
              assignees={assignees.data ?? []}
            />
            <Async state={list} isEmpty={(d) => d.items.length === 0} empty={t('inbox.empty')}>
              {() => (
                <>
                  <CaseList
                    items={items}
                    selectedId={selectedId}
                    checked={checked}
                    fresh={fresh}
                    now={now}
                    onSelect={select}
                    onToggle={toggle}
                  />
                  {list.data?.nextCursor && (
                    <button
                      type="button"
                      className="btn load-more"
                      data-testid="inbox-more"
                      disabled={list.loading}
                      onClick={() => setPages((n) => n + 1)}
                    >
                      {t('common.more')}
                    </button>
                  )}
                </>
              )}
            </Async>
          </aside>
          <section className="inbox-detail">
            <button
              type="button"
              className="link back-link"
              onClick={() => navigate(`/inbox${window.location.search}`)}
            >
              ← {t('inbox.back')}
            </button>
            {selectedId === null ? (
              <p className="state">{t('inbox.select')}</p>
            ) : (
              <Async state={detail}>
                {(c) =>
                  c && (
                    <CaseDetailPane
                      c={c}
                      me={me}
                      now={now}
                      assignees={assignees.data ?? []}
                      actions={actions}
                      textRef={textRef}
                    />
                  )
                }
              </Async>
            )}
          </section>
        </div>
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      </div>
    </PeopleContext.Provider>
  );
}
