import { z } from 'zod';
import { CASE_STATUSES } from '../../store/index.ts';
import { PRIORITIES } from '../../core/index.ts';
import { isoDate, queryBool, queryList, shortText } from '../http/validate.ts';
import { roleEnum } from './auth.ts';

export const caseStatusEnum = z.enum(CASE_STATUSES);
const caseId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Inbox filters (combine freely). Sorted by first-response deadline, soonest first. */
export const caseInboxQuery = z.strictObject({
  /** Only cases assigned to me. */
  mine: queryBool.optional(),
  /** Only my team's cases. */
  myTeam: queryBool.optional(),
  /** Only these teams' cases. */
  team: queryList(shortText).optional(),
  /** Only unassigned cases. */
  unassigned: queryBool.optional(),
  priority: queryList(z.enum(PRIORITIES)).optional(),
  /** Default: the open statuses (new, assigned, in_progress, responded). */
  status: queryList(caseStatusEnum).optional(),
  brand: queryList(shortText).optional(),
  /** Unanswered and due within this many hours (1–168). */
  dueWithinHours: z.coerce.number().int().min(1).max(168).optional(),
  /** Only cases past their deadline without a response. */
  breached: queryBool.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Page size, 1–200. Default 50. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CaseInboxQuery = z.output<typeof caseInboxQuery>;

export const caseListItem = z.object({
  id: z.number(),
  status: caseStatusEnum,
  priority: z.string(),
  brand: z.string(),
  title: z.string(),
  team: z.string().nullable(),
  assigneeId: z.number().nullable(),
  risk: z.number(),
  categories: z.array(z.string()),
  region: z.string().nullable(),
  primaryMentionId: z.number(),
  publishedAt: z.string(),
  detectedAt: z.string(),
  firstResponseDueAt: z.string(),
  firstRespondedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});

export const caseInboxResponse = z.object({
  items: z.array(caseListItem),
  nextCursor: z.string().nullable(),
});

export const caseDetailResponse = z.object({
  case: z.record(z.string(), z.unknown()),
  mentions: z.array(z.record(z.string(), z.unknown())),
  timeline: z.array(z.record(z.string(), z.unknown())),
  sla: z.record(z.string(), z.unknown()),
  templates: z.array(z.record(z.string(), z.unknown())),
});

export const caseResult = z.object({ case: z.record(z.string(), z.unknown()) });
export const bulkResult = z.object({
  results: z.array(
    z.object({
      caseId: z.number(),
      ok: z.boolean(),
      error: z.object({ name: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const assignBody = z.strictObject({
  assigneeId: z.number().int().min(1).max(2_147_483_647).nullable(),
});
export const transitionBody = z.strictObject({
  status: caseStatusEnum,
  note: z.string().trim().min(1).max(5000).optional(),
});
export const commentBody = z.strictObject({ text: z.string().trim().min(1).max(5000) });
export const responseBody = z.strictObject({
  /** Where it was posted: weibo_reply, private_message, phone… */
  channel: z.string().trim().min(1).max(50),
  text: z.string().trim().min(1).max(5000),
  url: z.url().max(2000).optional(),
});
export const mergeBody = z.strictObject({ intoCaseId: caseId });
export const reopenBody = z.strictObject({
  to: z.enum(['in_progress', 'assigned']).optional(),
  note: z.string().trim().min(1).max(5000).optional(),
});
export const bulkAssignBody = z.strictObject({
  caseIds: z.array(caseId).min(1).max(200),
  assigneeId: assignBody.shape.assigneeId,
});
export const bulkClaimBody = z.strictObject({ caseIds: z.array(caseId).min(1).max(200) });
export const bulkTransitionBody = z.strictObject({
  caseIds: z.array(caseId).min(1).max(200),
  status: caseStatusEnum,
  note: z.string().trim().min(1).max(5000).optional(),
});

/** Someone cases can be assigned to: enough to pick and name them, nothing admin-only. */
export const assignee = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().nullable(),
  team: z.string().nullable(),
  role: roleEnum,
});
export const assigneeList = z.object({ items: z.array(assignee) });
