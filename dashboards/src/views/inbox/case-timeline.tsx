import type { CaseEvent } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { hasKey, labelOf, type Translate } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { useNameOf } from './people.tsx';

function field(v: unknown, name: string): string | null {
  if (v && typeof v === 'object' && name in v) {
    const x = (v as Record<string, unknown>)[name];
    return x === null || x === undefined ? null : String(x);
  }
  return null;
}

/** One line of detail for an event; plain text only. */
function describe(t: Translate, e: CaseEvent, nameOf: (id: string | null) => string): string | null {
  if (e.type === 'status') {
    const from = field(e.before, 'status');
    const to = field(e.after, 'status');
    if (to)
      return t('event.statusChange', {
        from: from ? labelOf(t, 'status', from) : '—',
        to: labelOf(t, 'status', to),
      });
  }
  if (e.type === 'assign') {
    return t('event.assignedTo', { name: nameOf(field(e.after, 'assigneeId')) });
  }
  if (e.type === 'response' || e.type === 'comment') return field(e.data, 'text');
  return field(e.data, 'message') ?? field(e.data, 'reason');
}

/** The case's audit trail, oldest first. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t, lang } = useT();
  const nameOf = useNameOf(t);
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  return (
    <ol className="timeline" data-testid="timeline">
      {sorted.map((e) => {
        const key = `event.${e.type}`;
        const detail = describe(t, e, nameOf);
        return (
          <li key={e.id} className={`tl tl-${e.type}`} data-event-type={e.type}>
            <time dateTime={e.at}>{formatDateTime(lang, e.at)}</time>
            <strong>{hasKey(key) ? t(key) : e.type}</strong>
            <span className="muted">
              {e.actorType === 'system'
                ? t('event.system')
                : e.actorType === 'user'
                  ? nameOf(e.actorId)
                  : (e.actorId ?? '')}
            </span>
            {detail && <p className="tl-detail">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
