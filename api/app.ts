import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { TransientError } from '../core/index.ts';
import { BULL_BOARD_PATH, bullBoardHandlers } from './bull-board.ts';
import { renderDocsPage } from './docs-page.ts';
import type { ApiDeps } from './deps.ts';
import { healthRouter } from './health.ts';
import type { ApiContext } from './http/context.ts';
import { apiLimiter } from './http/rate-limit.ts';
import type { Route } from './http/route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { problemHandler, sendProblem } from './problem.ts';
import { allRoutes } from './routes/index.ts';
import { spaRouter } from './spa.ts';

export type { ApiDeps } from './deps.ts';

function apiContext(deps: ApiDeps): ApiContext {
  return {
    deps,
    db() {
      if (!deps.db) throw new TransientError('The database is not available yet');
      return deps.db();
    },
  };
}

/** The content security policy: everything from our origin, no inline scripts, nothing remote. */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
}

function v1Router(ctx: ApiContext, routes: readonly Route[]): Router {
  const r = express.Router();
  for (const route of routes) route.mount(r, ctx);
  return r;
}

/** Build the Express app: health, docs, the API under /api/v1, the SPA, then problem+json errors. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  const ctx = apiContext(deps);
  const routes = allRoutes(ctx);
  app.disable('x-powered-by');
  if (deps.config.env.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(securityHeaders());
  app.use(healthRouter(deps.readiness));
  let doc: Record<string, unknown> | undefined;
  const openApi = () => {
    doc ??= buildOpenApiDocument(routes);
    return doc;
  };
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi());
  });
  app.get('/api/docs', (_req, res) => {
    res.type('html').send(renderDocsPage(openApi()));
  });
  app.use(
    '/api/v1',
    apiLimiter(deps.rateLimits?.apiPerMinute),
    express.json({ limit: '256kb', strict: true }),
  );
  app.use(v1Router(ctx, routes));
  if (deps.queues && deps.bullBoard !== false)
    app.use(BULL_BOARD_PATH, ...bullBoardHandlers(ctx, deps.queues));
  app.use('/api', (_req, res) => {
    sendProblem(res, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such API route' });
  });
  app.use(spaRouter(deps.dashboardDir));
  app.use(problemHandler(deps.logger));
  return app;
}
