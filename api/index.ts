/**
 * api/: the Express app. Health at /healthz and /readyz; the REST API under /api/v1; problem+json errors.
 */
export { type ApiDeps, createApp } from './app.ts';
export { healthRouter } from './health.ts';
export { type Problem, problemHandler, sendProblem, toProblem } from './problem.ts';
export { type ApiServer, type ListenOptions, startApiServer } from './server.ts';
