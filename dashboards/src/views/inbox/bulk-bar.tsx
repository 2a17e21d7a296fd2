import { useState } from 'react';
import type { Assignee, CaseSummary } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { useT } from '../../i18n-react.ts';
import type { CaseActions } from './use-case-actions.ts';

export interface BulkBarProps {
  items: CaseSummary[];
  checked: Set<number>;
  setChecked(s: Set<number>): void;
  actions: CaseActions;
  assignees: Assignee[];
}

/** Select-all plus bulk claim (case workers) and bulk assign / resolve (cases.manage) for the checked cases. */
export function BulkBar({ items, checked, setChecked, actions, assignees }: BulkBarProps) {
  const { t } = useT();
  const session = useSession();
  const [assignee, setAssignee] = useState('');
  if (!session.can('case.work')) return null;
  const manage = session.can('case.assign');
  const ids = items.filter((c) => checked.has(c.id)).map((c) => c.id);
  const all = items.length > 0 && ids.length === items.length;
  const done = async (ok: Promise<boolean>) => {
    if (await ok) setChecked(new Set());
  };
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <label className="inline">
        <input
          type="checkbox"
          checked={all}
          onChange={() => setChecked(all ? new Set() : new Set(items.map((c) => c.id)))}
        />
        {ids.length ? t('inbox.selected', { n: ids.length }) : t('inbox.selectAll')}
      </label>
      {ids.length > 0 && (
        <>
          <button
            type="button"
            className="btn btn-small"
            disabled={actions.busy}
            onClick={() => void done(actions.bulk(ids, 'claim'))}
          >
            {t('inbox.bulkClaim')}
          </button>
          {manage && (
            <>
              <select
                aria-label={t('inbox.assign')}
                value={assignee}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <option value="">{t('inbox.assign')}</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName ?? a.username}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                disabled={actions.busy || !assignee}
                onClick={() => void done(actions.bulk(ids, 'assign', Number(assignee)))}
              >
                {t('inbox.bulkAssign')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={actions.busy}
                onClick={() => void done(actions.bulk(ids, 'resolve'))}
              >
                {t('inbox.bulkResolve')}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
