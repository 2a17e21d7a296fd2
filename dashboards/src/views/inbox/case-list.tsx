import { useEffect, useRef } from 'react';
import type { CaseSummary } from '../../api/types.ts';
import { labelOf } from '../../i18n.ts';
import { useT } from '../../i18n-react.ts';
import { Countdown, urgency } from './countdown.tsx';
import { useNameOf } from './people.tsx';

export interface CaseListProps {
  items: CaseSummary[];
  selectedId: number | null;
  checked: Set<number>;
  fresh: Set<number>;
  now: number;
  onSelect(id: number): void;
  onToggle(id: number): void;
}

/** Cases sorted by deadline; each row shows the live countdown. */
export function CaseList({ items, selectedId, checked, fresh, now, onSelect, onToggle }: CaseListProps) {
  const { t } = useT();
  const nameOf = useNameOf(t);
  const selectedRef = useRef<HTMLLIElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the selection moves.
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ul className="case-list" data-testid="case-list">
      {items.map((c) => {
        const cls = ['case-row', `urgency-${urgency(c, now)}`];
        if (c.id === selectedId) cls.push('selected');
        if (fresh.has(c.id)) cls.push('fresh');
        return (
          <li
            key={c.id}
            ref={c.id === selectedId ? selectedRef : undefined}
            className={cls.join(' ')}
            data-testid="case-row"
            data-case-id={c.id}
            data-title={c.title}
            data-selected={c.id === selectedId}
          >
            <input
              type="checkbox"
              aria-label={c.title}
              checked={checked.has(c.id)}
              onChange={() => onToggle(c.id)}
            />
            <button type="button" className="case-row-main" onClick={() => onSelect(c.id)}>
              <span className="case-row-top">
                <span className={`prio prio-${c.priority}`}>{c.priority}</span>
                <span className="case-title">{c.title}</span>
              </span>
              <span className="case-row-bottom">
                <Countdown c={c} now={now} />
                <span className="badge">{t(`status.${c.status}`)}</span>
                {c.categories.slice(0, 2).map((cat) => (
                  <span key={cat} className="badge">
                    {labelOf(t, 'category', cat)}
                  </span>
                ))}
                <span className="muted">{nameOf(c.assigneeId)}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
