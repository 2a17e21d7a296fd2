import { TransientError } from '../../core/index.ts';
import { listSources } from '../../store/index.ts';
import type { Queues } from '../../workers/index.ts';
import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import {
  crawlResult,
  deadLetterList,
  deadLetterParams,
  deadLetterQuery,
  sourceHealth as sourceHealthSchema,
  sourceList,
  sourceParams,
  sourcePatch,
} from '../schemas/sources.ts';
import { setEnabled, sourceHealth, triggerCrawl } from '../services/source-service.ts';

const TAG = 'Sources';

function requireQueues(q: Queues | undefined): Queues {
  if (!q) throw new TransientError('The job queues are not available');
  return q;
}

/** Source health, enable/disable, crawl now; dead-letter jobs list and retry. */
export function sourceRoutes(ctx: ApiContext): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/sources',
      tag: TAG,
      access: 'sources.read',
      summary: 'Health per source: freshness, last error, blocked until, items per run',
      response: sourceList,
      handler: async () => ({ items: (await listSources(ctx.db())).map((s) => sourceHealth(s)) }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/sources/:id',
      tag: TAG,
      access: 'sources.manage',
      summary: 'Enable or disable a source (audited)',
      params: sourceParams,
      body: sourcePatch,
      response: sourceHealthSchema,
      handler: ({ params, body, auth }) => setEnabled(ctx.db(), params.id, body.enabled, auth),
    }),
    route({
      method: 'post',
      path: '/api/v1/sources/:id/crawl',
      tag: TAG,
      access: 'sources.manage',
      summary: 'Crawl a source now',
      params: sourceParams,
      response: crawlResult,
      status: 202,
      handler: ({ params, auth }) => triggerCrawl(ctx.db(), params.id, ctx.deps.triggerCrawl, auth),
    }),
    route({
      method: 'get',
      path: '/api/v1/jobs/dead-letters',
      tag: TAG,
      access: 'jobs.manage',
      summary: 'Failed (dead-lettered) pipeline jobs, newest first',
      query: deadLetterQuery,
      response: deadLetterList,
      handler: async ({ query }) => ({
        items: await requireQueues(ctx.deps.queues).listDeadLetters(query.queue, query.limit),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/jobs/dead-letters/:queue/:jobId/retry',
      tag: TAG,
      access: 'jobs.manage',
      summary: 'Retry a dead-lettered job with fresh attempts',
      params: deadLetterParams,
      status: 204,
      handler: async ({ params }) => {
        await requireQueues(ctx.deps.queues).retryDeadLetter(params.queue, params.jobId);
      },
    }),
  ];
}
