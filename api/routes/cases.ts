import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { idParams } from '../http/validate.ts';
import {
  assignBody,
  assigneeList,
  bulkAssignBody,
  bulkClaimBody,
  bulkResult,
  bulkTransitionBody,
  caseDetailResponse,
  caseInboxQuery,
  caseInboxResponse,
  caseResult,
  commentBody,
  mergeBody,
  reopenBody,
  responseBody,
  transitionBody,
} from '../schemas/cases.ts';
import { actorOf, listCaseAssignees, inboxPage, requireCases } from '../services/case-inbox.ts';

const TAG = 'Cases';
const P = '/api/v1/cases';

/** The case inbox, detail and actions (through the workers case service). */
export function caseRoutes(ctx: ApiContext): Route[] {
  const svc = () => requireCases(ctx.deps.cases);
  return [
    route({
      method: 'get',
      path: P,
      tag: TAG,
      access: 'cases.read',
      summary: 'Case inbox (mine, team, unassigned, priority, due soon, breached), soonest deadline first',
      query: caseInboxQuery,
      response: caseInboxResponse,
      handler: ({ query, auth }) => inboxPage(ctx.db(), query, auth),
    }),
    route({
      method: 'get',
      path: '/api/v1/assignees',
      tag: TAG,
      access: 'cases.read',
      summary:
        'People cases can be assigned to (enabled users who may work cases): id, username, display name, team, role',
      response: assigneeList,
      handler: () => listCaseAssignees(ctx.db()),
    }),
    route({
      method: 'post',
      path: `${P}/bulk/assign`,
      tag: TAG,
      access: 'cases.manage',
      summary: 'Assign many cases (null unassigns); per-case results',
      body: bulkAssignBody,
      response: bulkResult,
      handler: async ({ body, auth }) => ({
        results: await svc().bulkAssign(body.caseIds, body.assigneeId, actorOf(auth)),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/bulk/claim`,
      tag: TAG,
      access: 'cases.work',
      summary:
        'Take many cases and start work on them; per-case results (a case someone else holds fails, it is not taken over)',
      body: bulkClaimBody,
      response: bulkResult,
      handler: async ({ body, auth }) => ({ results: await svc().bulkClaim(body.caseIds, actorOf(auth)) }),
    }),
    route({
      method: 'post',
      path: `${P}/bulk/transition`,
      tag: TAG,
      access: 'cases.manage',
      summary: 'Move many cases to a status; per-case results',
      body: bulkTransitionBody,
      response: bulkResult,
      handler: async ({ body, auth }) => ({
        results: await svc().bulkTransition(body.caseIds, body.status, actorOf(auth), body.note),
      }),
    }),
    route({
      method: 'get',
      path: `${P}/:id`,
      tag: TAG,
      access: 'cases.read',
      summary: 'A case with its mentions, timeline, SLA figures and suggested reply templates',
      params: idParams,
      response: caseDetailResponse,
      handler: async ({ params }) => {
        const [view, templates] = await Promise.all([
          svc().getCase(params.id),
          svc().suggestTemplates(params.id),
        ]);
        return { ...view, templates };
      },
    }),
    route({
      method: 'post',
      path: `${P}/:id/assign`,
      tag: TAG,
      access: 'cases.manage',
      summary: 'Assign the case to a user (null unassigns)',
      params: idParams,
      body: assignBody,
      response: caseResult,
      handler: async ({ params, body, auth }) => ({
        case: await svc().assign(params.id, body.assigneeId, actorOf(auth)),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/claim`,
      tag: TAG,
      access: 'cases.work',
      summary: 'Take the case and start work on it',
      params: idParams,
      response: caseResult,
      handler: async ({ params, auth }) => ({ case: await svc().claim(params.id, actorOf(auth)) }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/transition`,
      tag: TAG,
      access: 'cases.work',
      summary: 'Change the status (lifecycle rules apply; 409 when not allowed)',
      params: idParams,
      body: transitionBody,
      response: caseResult,
      handler: async ({ params, body, auth }) => ({
        case: await svc().transition(params.id, body.status, actorOf(auth), body.note),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/comments`,
      tag: TAG,
      access: 'cases.work',
      summary: 'Add an internal comment',
      params: idParams,
      body: commentBody,
      response: caseResult,
      status: 201,
      handler: async ({ params, body, auth }) => ({
        case: await svc().comment(params.id, body.text, actorOf(auth)),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/responses`,
      tag: TAG,
      access: 'cases.work',
      summary: 'Record a public response (the first one stops the SLA clock)',
      params: idParams,
      body: responseBody,
      response: caseResult,
      status: 201,
      handler: async ({ params, body, auth }) => ({
        case: await svc().recordResponse(params.id, body, actorOf(auth)),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/merge`,
      tag: TAG,
      access: 'cases.manage',
      summary: 'Merge this case into another (its mentions move; this case closes)',
      params: idParams,
      body: mergeBody,
      response: caseResult,
      handler: async ({ params, body, auth }) => ({
        case: await svc().merge(params.id, body.intoCaseId, actorOf(auth)),
      }),
    }),
    route({
      method: 'post',
      path: `${P}/:id/reopen`,
      tag: TAG,
      access: 'cases.manage',
      summary: 'Reopen a resolved or closed case',
      params: idParams,
      body: reopenBody,
      response: caseResult,
      handler: async ({ params, body, auth }) => ({
        case: await svc().reopen(params.id, actorOf(auth), body.to, body.note),
      }),
    }),
  ];
}
