import { useCallback, useState } from 'react';
import { cases, checkBulk } from '../../api/cases.ts';
import type { CaseStatus } from '../../api/types.ts';

export interface CaseActions {
  busy: boolean;
  error: unknown;
  clearError(): void;
  claim(id: number): Promise<boolean>;
  assign(id: number, assigneeId: number | null): Promise<boolean>;
  respond(id: number, text: string, channel: string): Promise<boolean>;
  setStatus(id: number, status: CaseStatus): Promise<boolean>;
  bulk(ids: number[], action: 'claim' | 'assign' | 'resolve', assigneeId?: number | null): Promise<boolean>;
}

/** Case mutations with one busy flag and one error; `after` refreshes what they changed. */
export function useCaseActions(after: (id: number | null) => void): CaseActions {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = useCallback(
    async (id: number | null, fn: () => Promise<unknown>) => {
      setBusy(true);
      setError(undefined);
      try {
        await fn();
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
        after(id);
      }
    },
    [after],
  );

  return {
    busy,
    error,
    clearError: () => setError(undefined),
    claim: (id) => run(id, () => cases.claim(id)),
    assign: (id, assigneeId) => run(id, () => cases.assign(id, assigneeId)),
    respond: (id, text, channel) => run(id, () => cases.respond(id, { text, channel })),
    setStatus: (id, status) => run(id, () => cases.setStatus(id, status)),
    bulk: (ids, action, assigneeId) =>
      run(null, async () => {
        if (action === 'resolve') checkBulk(await cases.bulkTransition(ids, 'resolved'));
        // Claim, not assign-to-me: same status as a single claim, and cases others hold stay theirs.
        else if (action === 'claim') checkBulk(await cases.bulkClaim(ids));
        else checkBulk(await cases.bulkAssign(ids, assigneeId ?? null));
      }),
  };
}
