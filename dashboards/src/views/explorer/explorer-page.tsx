import { useCallback, useEffect, useMemo, useState } from 'react';
import { mentions } from '../../api/endpoints.ts';
import type { Mention } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { MentionCard } from '../../components/mention-card.tsx';
import { Empty, ErrorBox, Loading } from '../../components/states.tsx';
import { useT } from '../../i18n-react.ts';
import { useQueryState } from '../../router.ts';
import { ExplorerFilters, toMentionQuery } from './explorer-filters.tsx';
import { MentionDrawer } from './mention-drawer.tsx';
import './explorer.css';

const PAGE = 50;

/** 提及检索: search with every filter, open a mention, correct it, export CSV. */
export default function ExplorerPage() {
  const { t } = useT();
  const session = useSession();
  const [q, setQuery] = useQueryState();
  const key = q.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the identity of the search.
  const query = useMemo(() => toMentionQuery(q), [key]);
  const openId = q.get('m') && /^\d+$/.test(q.get('m') ?? '') ? Number(q.get('m')) : null;
  const [items, setItems] = useState<Mention[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await mentions.search({ ...query, limit: PAGE, cursor: after ?? undefined }, signal);
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setError(err);
        // A new search that failed must not leave the previous search's results on screen as if
        // they answered it; a failed "load more" keeps what was loaded.
        if (!after) {
          setItems([]);
          setCursor(null);
        }
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [query],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    void load(null, ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  return (
    <div className="page explorer" data-testid="view-explorer">
      <div className="page-head">
        <h2>{t('nav.explorer')}</h2>
        {session.can('mention.export') && (
          <a className="btn" href={mentions.exportUrl(query)} download data-testid="export-csv">
            {t('explorer.export')}
          </a>
        )}
      </div>
      <ExplorerFilters q={q} onChange={(patch) => setQuery({ ...patch, m: null })} />
      {error !== undefined && <ErrorBox error={error} onRetry={() => void load(null)} />}
      <div className={openId ? 'explorer-split open' : 'explorer-split'}>
        <div className="results" data-testid="results">
          {!loading && items.length === 0 && error === undefined && <Empty>{t('explorer.noResults')}</Empty>}
          <div className="mention-list">
            {items.map((m) => (
              <MentionCard key={m.id} m={m} onOpen={() => setQuery({ m: String(m.id) })} />
            ))}
          </div>
          {loading && <Loading />}
          {!loading && cursor && (
            <button type="button" className="btn more" onClick={() => void load(cursor)}>
              {t('common.more')}
            </button>
          )}
        </div>
        {openId && (
          <MentionDrawer
            id={openId}
            onClose={() => setQuery({ m: null })}
            onChanged={() => void load(null)}
          />
        )}
      </div>
    </div>
  );
}
