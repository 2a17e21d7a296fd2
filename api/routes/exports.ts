import { z } from 'zod';
import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { caseInboxQuery } from '../schemas/cases.ts';
import { mentionFilterFields } from '../schemas/mentions.ts';
import { inboxFilter } from '../services/case-inbox.ts';
import { exportCasesCsv, exportMentionsCsv } from '../services/export-service.ts';
import { toMentionFilter } from '../services/mention-service.ts';

const TAG = 'Exports';
const mentionExportQuery = z.strictObject(mentionFilterFields);
const caseExportQuery = caseInboxQuery.omit({ limit: true, cursor: true });

/** Streaming CSV exports of mentions and cases for any filter. */
export function exportRoutes(ctx: ApiContext): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/exports/mentions.csv',
      tag: TAG,
      access: 'exports.mentions',
      summary: 'All mentions matching the filters as CSV (streamed, newest first, formula-safe cells)',
      query: mentionExportQuery,
      produces: 'text/csv',
      handler: async ({ query, res }) =>
        exportMentionsCsv(ctx.db(), res, await toMentionFilter(ctx.db(), query)),
    }),
    route({
      method: 'get',
      path: '/api/v1/exports/cases.csv',
      tag: TAG,
      access: 'exports.cases',
      summary: 'All cases matching the inbox filters as CSV (streamed, by deadline)',
      query: caseExportQuery,
      produces: 'text/csv',
      handler: ({ query, res, auth }) =>
        exportCasesCsv(ctx.db(), res, inboxFilter({ ...query, limit: 0 }, auth)),
    }),
  ];
}
