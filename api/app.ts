import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config, Logger, Readiness } from '../core/index.ts';
import { healthRouter } from './health.ts';
import { problemHandler, sendProblem } from './problem.ts';

/** What the API needs from the process that serves it. */
export interface ApiDeps {
  config: Config;
  logger: Logger;
  readiness: Readiness;
}

/** Build the Express app: health, then the API, then problem+json for everything that fails. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.config.env.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(helmet());
  app.use(healthRouter(deps.readiness));
  app.use('/api', (_req, res) => {
    sendProblem(res, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such API route' });
  });
  app.use(problemHandler(deps.logger));
  return app;
}
