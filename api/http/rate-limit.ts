import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendProblem } from '../problem.ts';
import { readCookies, SESSION_COOKIE } from './cookies.ts';

function tooMany(_req: Request, res: Response): void {
  sendProblem(res, {
    type: 'about:blank',
    title: 'Too Many Requests',
    status: 429,
    detail: 'Slow down and retry later',
  });
}

/**
 * Login attempts per client IP and username: `limit` per 15 minutes (default 10). Successful logins
 * do not count, so a user who types the password right is never locked out by their own retries.
 */
export function loginLimiter(limit = 10): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { username?: unknown } | undefined;
      const user = typeof body?.username === 'string' ? body.username.slice(0, 100).toLowerCase() : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${user}`;
    },
    handler: tooMany,
  });
}

/**
 * API calls per caller per minute (default 1200): keyed by the API key prefix, else the session
 * cookie, else the client IP, so one integration cannot starve the others.
 */
export function apiLimiter(limit = 1200): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const bearer = /^Bearer (kb_[0-9a-f]{12})_/.exec(req.headers.authorization ?? '')?.[1];
      if (bearer) return `key:${bearer}`;
      const session = readCookies(req).get(SESSION_COOKIE);
      if (session) return `session:${session.slice(0, 16)}`;
      return `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: tooMany,
  });
}
