import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from '../problem.ts';
import { type Access, can } from '../permissions.ts';
import { type AuthContext, apiKeyAuth, safeEqual, sessionAuth } from '../services/auth-service.ts';
import type { ApiContext } from './context.ts';
import { readCookies, SESSION_COOKIE } from './cookies.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolve the caller once per request (Bearer API key first, then the session cookie). */
export async function resolveAuth(ctx: ApiContext, req: Request, res: Response): Promise<AuthContext | null> {
  if (res.locals.authResolved) return (res.locals.auth as AuthContext | null) ?? null;
  let auth: AuthContext | null = null;
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
    auth = m?.[1] ? await apiKeyAuth(ctx.db(), m[1]) : null;
    if (!auth) throw new HttpError(401, 'Invalid API key');
  } else {
    const token = readCookies(req).get(SESSION_COOKIE);
    if (token) auth = await sessionAuth(ctx.db(), token);
  }
  res.locals.auth = auth;
  res.locals.authResolved = true;
  return auth;
}

/** Double-submit CSRF check for cookie sessions on unsafe methods: X-CSRF-Token must match. */
function checkCsrf(req: Request, auth: AuthContext): void {
  if (auth.kind !== 'session' || SAFE_METHODS.has(req.method)) return;
  const sent = req.get('x-csrf-token');
  if (!sent || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
    throw new HttpError(403, 'Missing or wrong X-CSRF-Token header');
  }
}

/** Middleware enforcing a route's access rule: 401 without a caller, 403 without the permission. */
export function authorize(ctx: ApiContext, access: Access): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (access === 'public') {
        // Public routes still see a valid caller (e.g. logout), but never require one.
        await resolveAuth(ctx, req, res).catch(() => null);
        next();
        return;
      }
      const auth = await resolveAuth(ctx, req, res);
      if (!auth) throw new HttpError(401, 'Sign in or send an API key');
      checkCsrf(req, auth);
      if (access !== 'authenticated' && !can(auth.role, access)) {
        throw new HttpError(403, `Role ${auth.role} may not do this (needs ${access})`);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
