import type { Mention } from '../api/types.ts';
import { formatCompact, formatDateTime } from '../format.ts';
import { labelOf } from '../i18n.ts';
import { useT } from '../i18n-react.ts';
import { HighlightedText } from './highlighted-text.tsx';

/** Only http(s) links from data become hrefs (a `javascript:` URL must never be clickable). */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function SentimentBadge({ value }: { value: Mention['sentiment'] }) {
  const { t } = useT();
  if (!value) return null;
  return <span className={`badge badge-${value}`}>{t(`sentiment.${value}`)}</span>;
}

/** A mention's byline: source, author, reach, time, region. */
export function MentionMeta({ m }: { m: Mention }) {
  const { t, lang } = useT();
  return (
    <div className="mention-meta">
      <span className="source-tag">{labelOf(t, 'source', m.source)}</span>
      <span className="author">{m.authorName ?? t('mention.anonymous')}</span>
      {m.authorVerified && <span className="badge badge-verified">{t('mention.verified')}</span>}
      {m.authorFollowers != null && (
        <span className="muted">{t('mention.followers', { n: formatCompact(lang, m.authorFollowers) })}</span>
      )}
      <time className="muted" dateTime={m.publishedAt}>
        {formatDateTime(lang, m.publishedAt)}
      </time>
      {m.region && <span className="muted">{t('mention.region', { region: m.region })}</span>}
    </div>
  );
}

export function Engagement({ m }: { m: Mention }) {
  const { t, lang } = useT();
  return (
    <span className="muted engagement">
      {t('mention.engagement', {
        reposts: formatCompact(lang, m.reposts),
        comments: formatCompact(lang, m.comments),
        likes: formatCompact(lang, m.likes),
      })}
    </span>
  );
}

/** A mention in a list. Text is rendered as text nodes only; it came from the open web. */
export function MentionCard({
  m,
  onOpen,
  highlight = false,
}: {
  m: Mention;
  onOpen?: () => void;
  highlight?: boolean;
}) {
  const { t } = useT();
  const href = safeUrl(m.url);
  return (
    <article className="mention-card" data-testid="mention-card" data-mention-id={m.id}>
      <MentionMeta m={m} />
      {m.title && <h4 className="mention-title">{m.title}</h4>}
      {highlight ? (
        <HighlightedText text={m.text} explain={m.explain ?? []} />
      ) : (
        <p className="mention-text clamp">{m.text}</p>
      )}
      <footer className="mention-foot">
        <SentimentBadge value={m.sentiment} />
        {m.categories.map((c) => (
          <span key={c} className="badge">
            {labelOf(t, 'category', c)}
          </span>
        ))}
        {m.corrected && <span className="badge badge-corrected">{t('mention.corrected')}</span>}
        <Engagement m={m} />
        {onOpen && (
          <button type="button" className="link" onClick={onOpen}>
            {t('common.open')}
          </button>
        )}
        {href && (
          <a className="link" href={href} target="_blank" rel="noopener noreferrer nofollow">
            {t('mention.original')}
          </a>
        )}
      </footer>
    </article>
  );
}
