import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../core/index.ts';
import { createUser, updateUser } from '../../store/index.ts';
import { DB_KINDS } from '../helpers/db.ts';
import { startTestApi, type TestApi } from './helpers.ts';

interface AssigneeList {
  items: Record<string, unknown>[];
}

describe.each(DB_KINDS)('GET /api/v1/assignees on %s', (kind) => {
  let api: TestApi;
  let disabledAgent = 0;

  beforeAll(async () => {
    api = await startTestApi(kind, { workers: false });
    const passwordHash = await hashPassword('another long password');
    disabledAgent =
      (await createUser(api.db, {
        username: 'gone_agent',
        passwordHash,
        role: 'pr_agent',
        displayName: '离职坐席',
      })) ?? 0;
    await updateUser(api.db, disabledAgent, { disabled: true });
    await updateUser(api.db, api.userIds.pr_agent, { displayName: '小王' });
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(['pr_lead', 'pr_agent', 'admin'] as const)('gives %s the enabled case workers', async (role) => {
    const r = await (await api.as(role)).json<AssigneeList>('GET', '/api/v1/assignees');
    expect(r.status).toBe(200);
    expect(r.body.items.map((u) => u.username)).toEqual(['u_admin', 'u_pr_agent', 'u_pr_lead']);
    expect(r.body.items.find((u) => u.id === api.userIds.pr_agent)).toEqual({
      id: api.userIds.pr_agent,
      username: 'u_pr_agent',
      displayName: '小王',
      team: 'south',
      role: 'pr_agent',
    });
    expect(r.body.items.some((u) => u.id === disabledAgent)).toBe(false);
  });

  it('returns only the minimal fields, nothing sensitive or admin-only', async () => {
    const r = await (await api.as('pr_lead')).json<AssigneeList>('GET', '/api/v1/assignees');
    for (const u of r.body.items) {
      expect(Object.keys(u).sort()).toEqual(['displayName', 'id', 'role', 'team', 'username']);
    }
    const raw = JSON.stringify(r.body);
    for (const word of ['password', 'hash', 'argon', 'email', 'lastLogin', 'disabled', 'onDuty', 'createdAt'])
      expect(raw).not.toContain(word);
  });

  it.each(['viewer', 'marketing', 'brand_manager'] as const)(
    'refuses %s (no cases.read) with a problem',
    async (role) => {
      const res = await (await api.as(role)).request('GET', '/api/v1/assignees');
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { status: number; title: string };
      expect(body.status).toBe(403);
    },
  );

  it('needs a session', async () => {
    expect((await api.anonymous().json('GET', '/api/v1/assignees')).status).toBe(401);
  });

  it('keeps the user list admin-only', async () => {
    for (const role of ['pr_lead', 'pr_agent'] as const) {
      const r = await (await api.as(role)).json('GET', '/api/v1/users');
      expect(r.status, role).toBe(403);
    }
    expect((await (await api.as('admin')).json('GET', '/api/v1/users')).status).toBe(200);
  });
});
