import { type FormEvent, useEffect, useState } from 'react';
import { mentions } from '../../api/endpoints.ts';
import { CATEGORY_IDS, type MentionDetail, type Sentiment } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import {
  Engagement,
  MentionCard,
  MentionMeta,
  SentimentBadge,
  safeUrl,
} from '../../components/mention-card.tsx';
import { Async, ErrorBox } from '../../components/states.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';

function CorrectionForm({ d, onSaved }: { d: MentionDetail; onSaved(): void }) {
  const { t } = useT();
  const [sentiment, setSentiment] = useState<Sentiment | ''>(d.mention.sentiment ?? '');
  const [cats, setCats] = useState<string[]>(d.mention.categories);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setSentiment(d.mention.sentiment ?? '');
    setCats(d.mention.categories);
  }, [d]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const body: { sentiment?: string; categories?: string[] } = {};
    if (sentiment && sentiment !== d.mention.sentiment) body.sentiment = sentiment;
    if ([...cats].sort().join() !== [...d.mention.categories].sort().join()) body.categories = cats;
    try {
      if (body.sentiment || body.categories) await mentions.correct(d.mention.id, body);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (c: string) => setCats((xs) => (xs.includes(c) ? xs.filter((x) => x !== c) : [...xs, c]));
  return (
    <form className="correction" onSubmit={submit} data-testid="correction-form">
      <h4>{t('explorer.correct')}</h4>
      <label>
        {t('filter.sentiment')}
        <select
          name="sentiment"
          value={sentiment}
          onChange={(e) => setSentiment(e.target.value as Sentiment)}
        >
          {(['neg', 'neu', 'pos'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="cat-grid">
        <legend>{t('filter.category')}</legend>
        {CATEGORY_IDS.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              name="category"
              value={c}
              checked={cats.includes(c)}
              onChange={() => toggle(c)}
            />
            {labelOf(t, 'category', c)}
          </label>
        ))}
      </fieldset>
      {error !== undefined && <ErrorBox error={error} />}
      {saved && (
        <p className="notice" role="status" data-testid="correction-saved">
          {t('explorer.correctSaved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

/** One mention opened from the results: full text with its explanation, cluster, correction. */
export function MentionDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useT();
  const session = useSession();
  const state = useApi(() => mentions.get(id), [id]);
  return (
    <aside className="drawer" data-testid="mention-drawer" aria-label={t('explorer.correct')}>
      <button type="button" className="btn btn-small drawer-close" onClick={onClose}>
        {t('common.close')}
      </button>
      <Async state={state}>
        {(d) => (
          <div className="drawer-body">
            <MentionMeta m={d.mention} />
            {d.mention.title && <h4 className="mention-title">{d.mention.title}</h4>}
            <HighlightedText text={d.mention.text} explain={d.mention.explain} />
            <div className="mention-foot">
              <SentimentBadge value={d.mention.sentiment} />
              {d.mention.corrected && <span className="badge badge-corrected">{t('mention.corrected')}</span>}
              {d.mention.risk !== null && (
                <span className="badge">{t('mention.risk', { n: d.mention.risk })}</span>
              )}
              <Engagement m={d.mention} />
              {safeUrl(d.mention.url) && (
                <a
                  className="link"
                  href={safeUrl(d.mention.url) ?? undefined}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                >
                  {t('mention.original')}
                </a>
              )}
            </div>
            {session.can('mention.correct') && (
              <CorrectionForm
                d={d}
                onSaved={() => {
                  state.reload();
                  onChanged();
                }}
              />
            )}
            <h4>{t('mention.related')}</h4>
            {d.cluster.filter((m) => m.id !== d.mention.id).length === 0 ? (
              <p className="muted">{t('mention.noRelated')}</p>
            ) : (
              <div className="mention-list">
                {d.cluster
                  .filter((m) => m.id !== d.mention.id)
                  .map((m) => (
                    <MentionCard key={m.id} m={m} />
                  ))}
              </div>
            )}
          </div>
        )}
      </Async>
    </aside>
  );
}
