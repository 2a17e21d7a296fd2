import { TransientError, ValidationError } from '../../core/index.ts';
import { type CaseFilter, type Db, listAssignees, listCases } from '../../store/index.ts';
import type { Actor, CaseService } from '../../workers/index.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { PERMISSIONS } from '../permissions.ts';
import type { CaseInboxQuery } from '../schemas/cases.ts';
import type { AuthContext } from './auth-service.ts';

/** The case actor for the caller (user or API key), as case events record it. */
export function actorOf(auth: AuthContext): Actor {
  return { type: auth.actorType, id: auth.actorId };
}

/** The case service, or 503 when this process was started without one. */
export function requireCases(cases: CaseService | undefined): CaseService {
  if (!cases) throw new TransientError('The case service is not available');
  return cases;
}

function needUser(auth: AuthContext, what: string): number {
  if (auth.userId === null)
    throw new ValidationError(`${what} needs a signed-in user`, [
      { path: 'query', message: 'API keys have no user' },
    ]);
  return auth.userId;
}

/** Turn inbox query parameters into a store filter for this caller. */
export function inboxFilter(q: CaseInboxQuery, auth: AuthContext, now = new Date()): CaseFilter {
  const f: CaseFilter = {
    statuses: q.status,
    priorities: q.priority,
    brands: q.brand,
    unassigned: q.unassigned,
    breached: q.breached,
    from: q.from,
    to: q.to,
  };
  if (q.mine) f.assigneeId = needUser(auth, 'mine');
  const teams = [...(q.team ?? [])];
  if (q.myTeam) {
    needUser(auth, 'myTeam');
    if (auth.team) teams.push(auth.team);
  }
  if (q.team || q.myTeam) f.teams = teams;
  if (q.dueWithinHours !== undefined) f.dueBefore = new Date(now.getTime() + q.dueWithinHours * 3_600_000);
  return f;
}

/** One inbox page, soonest deadline first, with the next cursor. */
export async function inboxPage(db: Db, q: CaseInboxQuery, auth: AuthContext) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listCases(db, {
    filter: inboxFilter(q, auth),
    limit: q.limit + 1,
    ...(after ? { after: { dueAt: after.at, id: after.id } } : {}),
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ at: last.firstResponseDueAt, id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * The people cases can be assigned to: enabled users whose role holds `cases.work`, with only id,
 * username, display name, team and role. Lets case readers name assignees and leads pick one
 * without the admin-only user list.
 */
export async function listCaseAssignees(db: Db) {
  return { items: await listAssignees(db, { roles: PERMISSIONS['cases.work'] }) };
}
