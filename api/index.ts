/**
 * api/: the Express app. Health at /healthz and /readyz; the REST API under /api/v1; OpenAPI at
 * /api/openapi.json and /api/docs; problem+json errors; the dashboard SPA at /.
 */
export { type ApiDeps, createApp } from './app.ts';
export { ensureFirstAdmin, type FirstAdminOptions } from './first-admin.ts';
export { healthRouter } from './health.ts';
export { PERMISSIONS, type Permission, can } from './permissions.ts';
export { type Problem, problemHandler, sendProblem, toProblem } from './problem.ts';
export { type ApiServer, type ListenOptions, startApiServer } from './server.ts';
