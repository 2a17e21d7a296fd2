import type { Db } from '../db.ts';
import { auditLog } from '../schema/index.ts';

/** One audit entry: who did what to which target, with before and after values. */
export interface AuditEntry {
  /** `user` | `api_key` | `system`. */
  actorType: string;
  actorId: string | null;
  /** e.g. `mention.correct`, `settings.update`, `user.create`. */
  action: string;
  target: string | null;
  before?: unknown;
  after?: unknown;
}

/** Append an entry to the audit log. */
export async function insertAuditLog(db: Db, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    target: e.target,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}
