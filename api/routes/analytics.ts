import type { z } from 'zod';
import type { Db } from '../../store/index.ts';
import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import type { Permission } from '../permissions.ts';
import {
  analyticsQuery,
  authorsQuery,
  authorsResponse,
  breakdownResponse,
  categoriesResponse,
  keywordsResponse,
  limitedAnalyticsQuery,
  netSentiment,
  overviewResponse,
  rangeInfo,
  seriesResponse,
  shareOfVoiceResponse,
  slaResponse,
  topMentionsResponse,
} from '../schemas/analytics.ts';
import * as a from '../services/analytics-service.ts';

type AnalyticsQuerySchema = typeof analyticsQuery | typeof limitedAnalyticsQuery | typeof authorsQuery;

/** One analytics endpoint: resolve the range, run `fn`, answer `{ range, ...result }`. */
function analyticsRoute<Q extends AnalyticsQuerySchema>(
  ctx: ApiContext,
  name: string,
  summary: string,
  spec: { query: Q; response: z.ZodType; access?: Permission },
  fn: (db: Db, req: a.AnalyticsRequest, q: z.output<Q>) => Promise<object>,
): Route {
  return route({
    method: 'get',
    path: `/api/v1/analytics/${name}`,
    tag: 'Analytics',
    access: spec.access ?? 'analytics.read',
    summary,
    query: spec.query,
    response: spec.response,
    handler: async ({ query }) => {
      const req = a.analyticsRequest(query);
      return { range: req.range, ...(await fn(ctx.db(), req, query as z.output<Q>)) };
    },
  });
}

/** Dashboard analytics, read from the rollup tables (raw tables only for bounded reads). */
export function analyticsRoutes(ctx: ApiContext): Route[] {
  const q = analyticsQuery;
  const limited = limitedAnalyticsQuery;
  return [
    analyticsRoute(
      ctx,
      'overview',
      'Totals, net sentiment with change, volume series, share of voice, categories and sources',
      { query: q, response: overviewResponse },
      (db, req) => a.overview(db, req),
    ),
    analyticsRoute(
      ctx,
      'volume',
      'Volume and sentiment per time bucket',
      { query: q, response: seriesResponse },
      async (db, req) => ({ series: await a.volumeSeries(db, req) }),
    ),
    analyticsRoute(
      ctx,
      'net-sentiment',
      'Net sentiment score (pos − neg) / total and its change vs the previous period',
      { query: q, response: netSentiment.extend({ range: rangeInfo }) },
      (db, req) => a.netSentiment(db, req),
    ),
    analyticsRoute(
      ctx,
      'share-of-voice',
      'Share of voice of our brands vs competitors',
      { query: q, response: shareOfVoiceResponse },
      async (db, req) => ({ items: await a.shareOfVoice(db, req) }),
    ),
    analyticsRoute(
      ctx,
      'categories',
      'Complaint categories and their trend',
      { query: q, response: categoriesResponse },
      (db, req) => a.categories(db, req),
    ),
    analyticsRoute(
      ctx,
      'sources',
      'Mentions per platform',
      { query: q, response: breakdownResponse },
      async (db, req) => ({ items: await a.breakdown(db, req, 'source') }),
    ),
    analyticsRoute(
      ctx,
      'regions',
      'Mentions per province (for the map)',
      { query: q, response: breakdownResponse },
      async (db, req) => ({ items: await a.regions(db, req) }),
    ),
    analyticsRoute(
      ctx,
      'keywords',
      'Top keywords (word cloud), from the newest 20,000 matching mentions',
      { query: limited, response: keywordsResponse },
      async (db, req, query) => ({ items: await a.keywords(db, req, query.limit) }),
    ),
    analyticsRoute(
      ctx,
      'authors',
      'Top authors and influencers by reach or negativity, from the newest 50,000 matching mentions',
      { query: authorsQuery, response: authorsResponse },
      async (db, req, query) => ({ items: await a.authors(db, req, query.limit, query.by) }),
    ),
    analyticsRoute(
      ctx,
      'top-negative',
      'Most-engaged negative mentions',
      { query: limited, response: topMentionsResponse },
      async (db, req, query) => ({ items: await a.topNegative(db, req, query.limit) }),
    ),
    analyticsRoute(
      ctx,
      'sla',
      'First-response p50/p90, share within 24 h, breaches, open cases by age',
      { query: q, response: slaResponse, access: 'analytics.sla' },
      (db, req) => a.sla(db, req),
    ),
  ];
}
