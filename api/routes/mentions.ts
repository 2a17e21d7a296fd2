import { idParams } from '../http/validate.ts';
import { type Route, route } from '../http/route.ts';
import type { ApiContext } from '../http/context.ts';
import {
  correctionBody,
  correctionResult,
  mentionDetail,
  mentionPage,
  mentionSearchQuery,
} from '../schemas/mentions.ts';
import {
  correct,
  mentionDetail as detail,
  searchMentionPage,
  streamTrainingData,
} from '../services/mention-service.ts';

const TAG = 'Mentions';

/** Mention search, detail, analyst corrections and the training-data export. */
export function mentionRoutes(ctx: ApiContext): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/mentions',
      tag: TAG,
      summary: 'Search mentions (filters, free text, cursor pagination)',
      access: 'mentions.read',
      query: mentionSearchQuery,
      response: mentionPage,
      handler: ({ query }) => searchMentionPage(ctx.db(), query),
    }),
    route({
      method: 'get',
      path: '/api/v1/mentions/corrections/export',
      tag: TAG,
      summary: 'Export analyst corrections as training data (JSON lines: text, label, categories)',
      access: 'mentions.correct',
      produces: 'application/x-ndjson',
      handler: ({ res }) => streamTrainingData(ctx.db(), res),
    }),
    route({
      method: 'get',
      path: '/api/v1/mentions/:id',
      tag: TAG,
      summary: 'A mention with its analysis and explanation, its cluster and its case',
      access: 'mentions.read',
      params: idParams,
      response: mentionDetail,
      handler: ({ params, auth }) => detail(ctx.db(), params.id, auth),
    }),
    route({
      method: 'post',
      path: '/api/v1/mentions/:id/corrections',
      tag: TAG,
      summary: 'Correct the sentiment or categories of a mention (audited, kept as training data)',
      access: 'mentions.correct',
      params: idParams,
      body: correctionBody,
      response: correctionResult,
      status: 201,
      handler: ({ params, body, auth }) => correct(ctx.db(), params.id, body, auth),
    }),
  ];
}
