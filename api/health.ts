import { Router } from 'express';
import type { Readiness } from '../core/index.ts';

/** `GET /healthz`: the process is alive. `GET /readyz`: database, migrations and Redis answer. */
export function healthRouter(readiness: Readiness): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res
      .status(report.ok ? 200 : 503)
      .json({ status: report.ok ? 'ok' : 'unavailable', checks: report.checks });
  });
  return r;
}
