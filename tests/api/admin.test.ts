import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../api/index.ts';
import { apiKeys, auditLog, brandAliases, settings } from '../../store/index.ts';
import { DB_KINDS } from '../helpers/db.ts';
import { signIn, startTestApi, type TestApi } from './helpers.ts';

describe.each(DB_KINDS)('config, users and API keys on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { workers: false });
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates the first admin only when none exists', async () => {
    expect(await ensureFirstAdmin(api.db)).toBeNull(); // u_admin exists
    const t2 = await import('../helpers/db.ts').then((m) => m.createTestDb(kind));
    try {
      const login = await ensureFirstAdmin(t2.db);
      expect(login?.username).toBe('admin');
      expect(login?.password).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(await ensureFirstAdmin(t2.db, { password: 'given-password-1' })).toBeNull();
    } finally {
      await t2.cleanup();
    }
  });

  it('edits brands, SLA, routing and channels with validation and audit', async () => {
    const admin = await api.as('admin');
    const brands = [
      { name: '中国联通', own: true, aliases: ['联通', '沃'] },
      { name: '中国移动', aliases: ['移动'] },
    ];
    const r = await admin.json<{ brands: { name: string; aliases: string[] }[]; overridden: string[] }>(
      'PUT',
      '/api/v1/config/brands',
      { brands },
    );
    expect(r.status).toBe(200);
    expect(r.body.overridden).toContain('brands');
    const aliases = await api.db.select().from(brandAliases);
    expect(aliases.map((a) => a.alias)).toContain('沃');
    expect((await admin.json('PUT', '/api/v1/config/brands', { brands: [{ name: 'x' }] })).status).toBe(400); // no own brand
    expect((await admin.json('PUT', '/api/v1/config/brands', { brands, extra: true })).status).toBe(400);
    expect((await admin.json('PUT', '/api/v1/config/sla', { firstResponseHours: -1 })).status).toBe(400);
    expect(
      (await admin.json('PUT', '/api/v1/config/sla', { firstResponseHours: 8, byPriority: { P1: 2 } }))
        .status,
    ).toBe(200);
    const badRule = { teams: [{ id: 'south' }], rules: [{ team: 'north' }] };
    expect((await admin.json('PUT', '/api/v1/config/routing', badRule)).status).toBe(400);
    expect(
      (
        await admin.json('PUT', '/api/v1/config/routing', {
          teams: [{ id: 'south', members: ['u_pr_agent'] }],
          rules: [{ team: 'south', regions: ['广东'] }],
        })
      ).status,
    ).toBe(200);
    const channel = { id: 'ops', kind: 'webhook', url: 'https://hooks.example.com/x', secret: 's3cret' };
    const saved = await admin.json<{ notifications: { channels: { secret?: string }[] } }>(
      'PUT',
      '/api/v1/config/notifications',
      { channels: [channel] },
    );
    expect(saved.body.notifications.channels[0]?.secret).toBe('[set]');
    // A channel URL is a real http(s) URL (smtp(s) for email): never javascript:, file: or free text.
    for (const bad of [
      { ...channel, url: 'javascript:alert(1)' },
      { ...channel, url: 'file:///etc/passwd' },
      { ...channel, url: 'not a url' },
      { ...channel, kind: 'email', url: 'https://mail.example.com/' },
      { ...channel, kind: 'dingtalk', url: 'smtp://mail.example.com' },
    ]) {
      const res = await admin.json<{ errors?: { path: string }[] }>('PUT', '/api/v1/config/notifications', {
        channels: [bad],
      });
      expect(res.status, bad.url).toBe(400);
      expect(JSON.stringify(res.body), bad.url).toContain('url');
    }
    await admin.json('PUT', '/api/v1/config/notifications', { channels: [{ ...channel, secret: '[set]' }] });
    const [row] = await api.db.select().from(settings).where(eq(settings.key, 'notifications'));
    expect((row?.value as { channels: { secret: string }[] } | undefined)?.channels[0]?.secret).toBe(
      's3cret',
    );
    const audits = await api.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    const lead = await api.as('pr_lead');
    const cfg = await lead.json<{ sla: { firstResponseHours: number } }>('GET', '/api/v1/config');
    expect(cfg.body.sla.firstResponseHours).toBe(8);
  });

  it('manages users: create, sign in, change role, disable ends sessions, last admin kept', async () => {
    const admin = await api.as('admin');
    const created = await admin.json<{ id: number; role: string }>('POST', '/api/v1/users', {
      username: 'new.agent',
      password: 'agent password 1',
      role: 'pr_agent',
      team: 'south',
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|argon/);
    expect(
      (
        await admin.json('POST', '/api/v1/users', {
          username: 'new.agent',
          password: 'agent password 1',
          role: 'pr_agent',
        })
      ).status,
    ).toBe(409);
    expect(
      (await admin.json('POST', '/api/v1/users', { username: 'x', password: 'short', role: 'pr_agent' }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.json('POST', '/api/v1/users', {
          username: 'xyz',
          password: 'long enough 1',
          role: 'root',
        })
      ).status,
    ).toBe(400);
    const agent = await signIn(api.url, 'new.agent', 'agent password 1', 'pr_agent');
    expect((await agent.json('GET', '/api/v1/cases')).status).not.toBe(401);
    expect((await admin.json('PATCH', `/api/v1/users/${created.body.id}`, { disabled: true })).status).toBe(
      200,
    );
    expect((await agent.json('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await admin.json('PATCH', `/api/v1/users/${api.userIds.admin}`, { role: 'viewer' })).status).toBe(
      409,
    );
    expect((await admin.json('DELETE', `/api/v1/users/${created.body.id}`)).status).toBe(204);
    expect((await admin.json('GET', `/api/v1/users/${created.body.id}`)).status).toBe(404);
  });

  it('issues API keys shown once, stored hashed, usable without CSRF, revocable', async () => {
    const admin = await api.as('admin');
    const r = await admin.json<{ id: number; key: string; prefix: string }>('POST', '/api/v1/api-keys', {
      name: 'bi-export',
      role: 'brand_manager',
    });
    expect(r.status).toBe(201);
    expect(r.body.key.startsWith(r.body.prefix)).toBe(true);
    const [row] = await api.db.select().from(apiKeys).where(eq(apiKeys.id, r.body.id));
    expect(row?.keyHash).not.toContain(r.body.key);
    expect(JSON.stringify((await admin.json('GET', '/api/v1/api-keys')).body)).not.toContain(r.body.key);
    const key = api.bearer(r.body.key);
    const me = await key.json<{ kind: string; role: string }>('GET', '/api/v1/auth/me');
    expect(me.body).toMatchObject({ kind: 'api_key', role: 'brand_manager' });
    expect((await key.json('GET', '/api/v1/mentions')).status).toBe(200);
    expect((await key.json('GET', '/api/v1/cases')).status).toBe(403);
    expect(
      (
        await key.json('POST', '/api/v1/campaigns', {
          name: 'k',
          brand: '中国联通',
          keywords: ['a'],
          startsAt: '2024-01-01T00:00:00Z',
          endsAt: '2024-01-02T00:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect((await admin.json('DELETE', `/api/v1/api-keys/${r.body.id}`)).status).toBe(204);
    expect((await key.json('GET', '/api/v1/mentions')).status).toBe(401);
  });
});
