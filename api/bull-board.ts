import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { createBullBoardRouter, type Queues } from '../workers/index.ts';
import { resolveAuth } from './http/authorize.ts';
import type { ApiContext } from './http/context.ts';
import { can } from './permissions.ts';
import { HttpError } from './problem.ts';

/** Where Bull Board is served (admins only). */
export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Admin-only guard for Bull Board. Its UI cannot send our CSRF header, so unsafe methods instead
 * need a same-origin `Origin` header (the session cookie is SameSite=Strict as well).
 */
function adminOnly(ctx: ApiContext): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const auth = await resolveAuth(ctx, req, res);
      if (!auth) throw new HttpError(401, 'Sign in as an admin');
      if (!can(auth.role, 'jobs.manage')) throw new HttpError(403, 'Admins only');
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
        const origin = req.get('origin');
        if (!origin || new URL(origin).host !== req.get('host'))
          throw new HttpError(403, 'Cross-origin request refused');
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Bull Board for the pipeline's queues behind the admin guard: [guard, router]. */
export function bullBoardHandlers(ctx: ApiContext, queues: Queues): [RequestHandler, Router] {
  return [adminOnly(ctx), createBullBoardRouter(queues, { basePath: BULL_BOARD_PATH })];
}
