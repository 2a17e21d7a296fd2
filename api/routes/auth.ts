import { HttpError } from '../problem.ts';
import type { ApiContext } from '../http/context.ts';
import { clearSessionCookies, readCookies, SESSION_COOKIE, setSessionCookies } from '../http/cookies.ts';
import { loginLimiter } from '../http/rate-limit.ts';
import { type Route, route } from '../http/route.ts';
import { can, PERMISSIONS, type Permission } from '../permissions.ts';
import { loginBody, loginResponse, meResponse } from '../schemas/auth.ts';
import { type AuthContext, login, sha256 } from '../services/auth-service.ts';
import { deleteSession } from '../../store/index.ts';

const TAG = 'Auth';

function describeCaller(auth: AuthContext) {
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(auth.role, p));
  return {
    kind: auth.kind,
    userId: auth.userId,
    username: auth.username,
    displayName: auth.displayName,
    role: auth.role,
    team: auth.team,
    permissions,
    csrfToken: auth.csrfToken,
  };
}

/** Sign in (session cookie + CSRF token), sign out, and who am I. */
export function authRoutes(ctx: ApiContext): Route[] {
  const sessionMs = (ctx.deps.sessionHours ?? 12) * 3_600_000;
  return [
    route({
      method: 'post',
      path: '/api/v1/auth/login',
      tag: TAG,
      summary: 'Sign in with username and password; sets the session cookie and returns the CSRF token',
      access: 'public',
      body: loginBody,
      response: loginResponse,
      before: [loginLimiter(ctx.deps.rateLimits?.loginPerWindow)],
      handler: async ({ body, req, res }) => {
        const result = await login(ctx.db(), body.username, body.password, sessionMs);
        if (!result) throw new HttpError(401, 'Wrong username or password');
        setSessionCookies(req, res, result.token, result.csrfToken, sessionMs);
        return { ...describeCaller(result.auth), expiresAt: result.expiresAt.toISOString() };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/auth/logout',
      tag: TAG,
      summary: 'Sign out: ends the session',
      access: 'authenticated',
      status: 204,
      handler: async ({ req, res }) => {
        const token = readCookies(req).get(SESSION_COOKIE);
        if (token) await deleteSession(ctx.db(), sha256(token));
        clearSessionCookies(req, res);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/auth/me',
      tag: TAG,
      summary: 'The signed-in caller, its role, permissions and CSRF token',
      access: 'authenticated',
      response: meResponse,
      handler: ({ auth }) => describeCaller(auth),
    }),
  ];
}
