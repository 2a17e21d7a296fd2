import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../helpers/db.ts';
import { PASSWORD, signIn, startTestApi, type TestApi } from './helpers.ts';

describe.each(DB_KINDS)('auth on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { workers: false });
  });
  afterAll(async () => {
    await api.close();
  });

  const login = (username: string, password: string) =>
    fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('rejects a wrong password with a problem and no cookie', async () => {
    const res = await login('u_admin', 'wrong password');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await login('nobody', PASSWORD)).status).toBe(401);
  });

  it('sets an httpOnly SameSite session cookie and returns the CSRF token', async () => {
    const res = await login('u_pr_agent', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { role: string; csrfToken: string; permissions: string[] };
    expect(body.role).toBe('pr_agent');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.permissions).toContain('cases.work');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('koubei_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).not.toMatch(/Secure/i); // plain HTTP without a proxy
  });

  it('says who is signed in by display name, for the header', async () => {
    const { users } = await import('../../store/index.ts');
    const { eq } = await import('drizzle-orm');
    await api.db.update(users).set({ displayName: '市场部小王' }).where(eq(users.username, 'u_marketing'));
    const c = await signIn(api.url, 'u_marketing', PASSWORD, 'marketing');
    const me = await c.json<{ username: string; displayName: string | null }>('GET', '/api/v1/auth/me');
    expect(me.body).toMatchObject({ username: 'u_marketing', displayName: '市场部小王' });
    const viewer = await signIn(api.url, 'u_viewer', PASSWORD, 'viewer');
    expect(
      (await viewer.json<{ displayName: string | null }>('GET', '/api/v1/auth/me')).body.displayName,
    ).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('u_viewer', PASSWORD);
    const token = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('koubei_session='))
      ?.split(';')[0]
      ?.split('=')[1];
    const { sessions } = await import('../../store/index.ts');
    const rows = await api.db.select().from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('needs the CSRF header for unsafe methods with a cookie session', async () => {
    const c = await signIn(api.url, 'u_marketing', PASSWORD, 'marketing');
    const noHeader = await c.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(noHeader.status).toBe(403);
    const wrong = await c.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': 'nope' });
    expect(wrong.status).toBe(403);
    expect((await c.json('GET', '/api/v1/auth/me')).status).toBe(200);
    const ok = await c.request('POST', '/api/v1/auth/logout');
    expect(ok.status).toBe(204);
    expect((await c.json('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects a malformed or unknown bearer key', async () => {
    expect(
      (await api.bearer(`kb_000000000000_${'a'.repeat(43)}`).json('GET', '/api/v1/auth/me')).status,
    ).toBe(401);
    expect((await api.bearer('garbage').json('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('rate-limits repeated failed logins per IP and username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('u_brand_manager', `bad-${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another username from the same IP is not locked out.
    expect((await login('u_pr_lead', PASSWORD)).status).toBe(200);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await fetch(`${api.url}/api/v1/auth/me`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
});
