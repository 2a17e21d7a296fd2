import { get, post, type Query } from './client.ts';
import type {
  CaseDetail,
  CaseEvent,
  CaseStatus,
  CaseSummary,
  Mention,
  Page,
  ResponseTemplate,
  SlaStats,
} from './types.ts';

/** Inbox filters as the dashboard names them. */
export interface CaseQuery {
  view?: 'mine' | 'team' | 'unassigned' | 'all';
  priority?: string;
}

/** `GET /cases/:id` as the API sends it (the workers CaseView plus suggested templates). */
interface CaseDetailResponse {
  case: CaseSummary & { primaryMentionId: number };
  mentions: (Mention & { reason?: string })[];
  timeline: CaseEvent[];
  sla: { remainingMs: number | null; breached: boolean; firstResponseMs: number | null; foundLate?: boolean };
  templates: { id: string; title: string; text: string }[];
}

interface SlaResponse {
  cases: number;
  responded: number;
  firstResponseP50Hours: number | null;
  within24hRate: number | null;
  openByAge: { age: string; count: number }[];
  openBreached: number;
}

function toQuery(q: CaseQuery): Query {
  return {
    mine: q.view === 'mine' ? 'true' : undefined,
    myTeam: q.view === 'team' ? 'true' : undefined,
    unassigned: q.view === 'unassigned' ? 'true' : undefined,
    priority: q.priority,
  };
}

/** Cases per API page (the API's maximum). */
export const CASE_PAGE = 200;

function toDetail(r: CaseDetailResponse): CaseDetail {
  const primary = r.mentions.find((m) => m.id === r.case.primaryMentionId) ?? r.mentions[0];
  if (!primary) throw new Error(`case ${r.case.id} has no mentions`);
  return {
    ...r.case,
    mention: primary,
    related: r.mentions.filter((m) => m !== primary),
    events: r.timeline,
    templates: r.templates.map((t): ResponseTemplate => ({ id: t.id, name: t.title, text: t.text })),
    foundLate: r.sla.foundLate === true,
  };
}

const HOUR = 3_600_000;

/** The case inbox, detail and actions (api/routes/cases.ts). */
export const cases = {
  /**
   * The first `pages` pages of the inbox (soonest deadline first), in one list, so a reload after a
   * live event keeps everything the user had loaded. `nextCursor` is set when more remain.
   */
  list: async (q: CaseQuery, pages: number, signal?: AbortSignal): Promise<Page<CaseSummary>> => {
    const items: CaseSummary[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < pages; n++) {
      const page = await get<Page<CaseSummary>>(
        '/cases',
        { ...toQuery(q), limit: CASE_PAGE, cursor },
        signal,
      );
      items.push(...page.items);
      if (!page.nextCursor) return { items, nextCursor: null };
      cursor = page.nextCursor;
    }
    return { items, nextCursor: cursor ?? null };
  },
  get: (id: number, signal?: AbortSignal) =>
    get<CaseDetailResponse>(`/cases/${id}`, undefined, signal).then(toDetail),
  claim: (id: number) => post<{ case: CaseSummary }>(`/cases/${id}/claim`),
  assign: (id: number, assigneeId: number | null) =>
    post<{ case: CaseSummary }>(`/cases/${id}/assign`, { assigneeId }),
  respond: (id: number, body: { text: string; channel: string }) =>
    post<{ case: CaseSummary }>(`/cases/${id}/responses`, body),
  setStatus: (id: number, status: CaseStatus) =>
    status === 'in_progress'
      ? post<{ case: CaseSummary }>(`/cases/${id}/reopen`, { to: 'in_progress' })
      : post<{ case: CaseSummary }>(`/cases/${id}/transition`, { status }),
  bulkAssign: (caseIds: number[], assigneeId: number | null) =>
    post<BulkResult>('/cases/bulk/assign', { caseIds, assigneeId }),
  bulkClaim: (caseIds: number[]) => post<BulkResult>('/cases/bulk/claim', { caseIds }),
  bulkTransition: (caseIds: number[], status: CaseStatus) =>
    post<BulkResult>('/cases/bulk/transition', { caseIds, status }),
  /** SLA figures of the last 7 days plus the open backlog; at-risk comes from the loaded inbox. */
  sla: async (open: CaseSummary[], signal?: AbortSignal): Promise<SlaStats> => {
    const to = new Date();
    const from = new Date(to.getTime() - 7 * 24 * HOUR);
    const r = await get<SlaResponse>(
      '/analytics/sla',
      { from: from.toISOString(), to: to.toISOString() },
      signal,
    );
    const now = Date.now();
    const atRisk = open.filter((c) => {
      const left = Date.parse(c.firstResponseDueAt) - now;
      return !c.firstRespondedAt && left > 0 && left < 6 * HOUR;
    }).length;
    return {
      open: r.openByAge.reduce((n, a) => n + a.count, 0),
      atRisk,
      breached: r.openBreached,
      onTimeRate: r.within24hRate,
      medianFirstResponseMs: r.firstResponseP50Hours === null ? null : r.firstResponseP50Hours * HOUR,
    };
  },
};

export interface BulkResult {
  results: { caseId: number; ok: boolean; error?: { name: string; message: string } }[];
}

/** Some cases of a bulk action failed; the rest went through. */
export class BulkError extends Error {
  constructor(readonly caseIds: number[]) {
    super(`${caseIds.length} case(s) not changed: ${caseIds.map((id) => `#${id}`).join(', ')}`);
    this.name = 'BulkError';
  }
}

/** Throw a {@link BulkError} naming the cases a bulk action could not change. */
export function checkBulk(r: BulkResult): void {
  const failed = r.results.filter((x) => !x.ok).map((x) => x.caseId);
  if (failed.length) throw new BulkError(failed);
}
