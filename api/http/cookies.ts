import type { Request, Response } from 'express';

/** The session cookie (httpOnly) and the CSRF cookie the SPA reads for double submit. */
export const SESSION_COOKIE = 'koubei_session';
export const CSRF_COOKIE = 'koubei_csrf';

/** Parse the Cookie header (no dependency needed for name=value pairs). */
export function readCookies(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  const header = req.headers.cookie;
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      // a malformed value is simply ignored
    }
  }
  return out;
}

/** Set the session and CSRF cookies. `Secure` when the request came over TLS (req.secure honours TRUST_PROXY). */
export function setSessionCookies(
  req: Request,
  res: Response,
  token: string,
  csrf: string,
  maxAgeMs: number,
): void {
  const common = { secure: req.secure, sameSite: 'strict' as const, path: '/', maxAge: maxAgeMs };
  res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

/** Remove both cookies. */
export function clearSessionCookies(req: Request, res: Response): void {
  const common = { secure: req.secure, sameSite: 'strict' as const, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, common);
}
