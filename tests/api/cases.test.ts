import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../helpers/db.ts';
import { seedCase, startTestApi, type TestApi } from './helpers.ts';

type Item = {
  id: number;
  firstResponseDueAt: string;
  assigneeId: number | null;
  status: string;
  priority: string;
};
type Inbox = { items: Item[]; nextCursor: string | null };

describe.each(DB_KINDS)('cases API on %s', (kind) => {
  let api: TestApi;
  let mineId: number;
  let overdueId: number;
  let soonId: number;
  let p1Id: number;
  beforeAll(async () => {
    api = await startTestApi(kind);
    mineId = (await seedCase(api.db, { assigneeId: api.userIds.pr_agent, team: 'south', dueInHours: 20 }))
      .caseId;
    overdueId = (await seedCase(api.db, { dueInHours: -2 })).caseId;
    soonId = (await seedCase(api.db, { dueInHours: 1, team: 'north' })).caseId;
    p1Id = (await seedCase(api.db, { priority: 'P1', dueInHours: 5 })).caseId;
    for (let i = 0; i < 5; i++) await seedCase(api.db, { dueInHours: 30 + i });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the inbox by deadline with stable pages', async () => {
    const c = await api.as('pr_agent');
    const all: Item[] = [];
    let cursor: string | null = null;
    do {
      const r: { status: number; body: Inbox } = await c.json<Inbox>(
        'GET',
        `/api/v1/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.status).toBe(200);
      all.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(9);
    const due = all.map((i) => Date.parse(i.firstResponseDueAt));
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    expect(all[0]?.id).toBe(overdueId);
  });

  it('filters mine, team, unassigned, priority, due soon and breached', async () => {
    const c = await api.as('pr_agent');
    const ids = async (q: string) =>
      (await c.json<Inbox>('GET', `/api/v1/cases?${q}`)).body.items.map((i) => i.id);
    expect(await ids('mine=true')).toEqual([mineId]);
    expect(await ids('myTeam=true')).toEqual([mineId]);
    expect(await ids('team=north')).toEqual([soonId]);
    expect(await ids('priority=P1')).toEqual([p1Id]);
    expect(await ids('breached=true')).toEqual([overdueId]);
    expect(await ids('dueWithinHours=2')).toEqual([overdueId, soonId]);
    expect(await ids('unassigned=true&limit=200')).not.toContain(mineId);
    expect((await c.json('GET', '/api/v1/cases?mine=maybe')).status).toBe(400);
    expect((await api.bearer('x').json('GET', '/api/v1/cases')).status).toBe(401);
  });

  it('claims, comments, responds and shows the timeline and templates', async () => {
    const c = await api.as('pr_agent');
    const claim = await c.json<{ case: { assigneeId: number; status: string } }>(
      'POST',
      `/api/v1/cases/${soonId}/claim`,
    );
    expect(claim.status).toBe(200);
    expect(claim.body.case).toMatchObject({ assigneeId: api.userIds.pr_agent, status: 'in_progress' });
    expect((await c.json('POST', `/api/v1/cases/${soonId}/comments`, { text: '已联系用户' })).status).toBe(
      201,
    );
    const resp = await c.json<{ case: { status: string; firstRespondedAt: string } }>(
      'POST',
      `/api/v1/cases/${soonId}/responses`,
      {
        channel: 'weibo_reply',
        text: '您好，已为您报修',
      },
    );
    expect(resp.status).toBe(201);
    expect(resp.body.case.firstRespondedAt).toBeTruthy();
    const detail = await c.json<{
      timeline: { type: string }[];
      mentions: unknown[];
      templates: unknown[];
      sla: { firstResponseMs: number };
    }>('GET', `/api/v1/cases/${soonId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['assign', 'comment', 'response']),
    );
    expect(detail.body.mentions.length).toBeGreaterThan(0);
    expect(detail.body.templates.length).toBeGreaterThan(0);
    expect(detail.body.sla.firstResponseMs).toBeGreaterThan(0);
  });

  it('transitions with lifecycle rules (409 when not allowed) and 404 for unknown cases', async () => {
    const c = await api.as('pr_lead');
    expect(
      (await c.json('POST', `/api/v1/cases/${soonId}/transition`, { status: 'resolved', note: '已修复' }))
        .status,
    ).toBe(200);
    expect((await c.json('POST', `/api/v1/cases/${soonId}/transition`, { status: 'responded' })).status).toBe(
      409,
    );
    expect((await c.json('POST', `/api/v1/cases/${soonId}/reopen`, {})).status).toBe(200);
    expect((await c.json('GET', '/api/v1/cases/987654321')).status).toBe(404);
    expect((await c.json('POST', `/api/v1/cases/${soonId}/transition`, { status: 'bogus' })).status).toBe(
      400,
    );
  });

  it('bulk-claims like a single claim: in progress, and a case someone else holds is not taken over', async () => {
    const free = (await seedCase(api.db, { dueInHours: 40 })).caseId;
    const held = (await seedCase(api.db, { assigneeId: api.userIds.pr_lead, dueInHours: 41 })).caseId;
    const agent = await api.as('pr_agent');
    const r = await agent.json<{
      results: { caseId: number; ok: boolean; case?: Item; error?: { name: string } }[];
    }>('POST', '/api/v1/cases/bulk/claim', { caseIds: [free, held, 987654321] });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.ok)).toEqual([true, false, false]);
    expect(r.body.results[0]?.case).toMatchObject({
      assigneeId: api.userIds.pr_agent,
      status: 'in_progress',
    });
    expect(r.body.results[1]?.error?.name).toBe('ConflictError');
    const after = await agent.json<{ case: Item }>('GET', `/api/v1/cases/${held}`);
    expect(after.body.case.assigneeId).toBe(api.userIds.pr_lead);
    expect((await agent.json('POST', '/api/v1/cases/bulk/claim', { caseIds: [] })).status).toBe(400);
  });

  it('assigns, bulk-assigns, bulk-transitions and merges (managers only)', async () => {
    const lead = await api.as('pr_lead');
    const agent = await api.as('pr_agent');
    expect(
      (await agent.json('POST', `/api/v1/cases/${p1Id}/assign`, { assigneeId: api.userIds.pr_agent })).status,
    ).toBe(403);
    const a = await lead.json<{ case: { assigneeId: number } }>('POST', `/api/v1/cases/${p1Id}/assign`, {
      assigneeId: api.userIds.pr_agent,
    });
    expect(a.body.case.assigneeId).toBe(api.userIds.pr_agent);
    const bulk = await lead.json<{ results: { ok: boolean }[] }>('POST', '/api/v1/cases/bulk/assign', {
      caseIds: [overdueId, 987654321],
      assigneeId: api.userIds.pr_lead,
    });
    expect(bulk.body.results.map((r) => r.ok)).toEqual([true, false]);
    const bt = await lead.json<{ results: { ok: boolean }[] }>('POST', '/api/v1/cases/bulk/transition', {
      caseIds: [overdueId],
      status: 'in_progress',
    });
    expect(bt.body.results[0]?.ok).toBe(true);
    const merged = await lead.json('POST', `/api/v1/cases/${overdueId}/merge`, { intoCaseId: p1Id });
    expect(merged.status).toBe(200);
    const inbox = await lead.json<Inbox>('GET', '/api/v1/cases?limit=200');
    expect(inbox.body.items.map((i) => i.id)).not.toContain(overdueId);
    expect(
      (
        await lead.json('POST', '/api/v1/cases/bulk/assign', {
          caseIds: Array.from({ length: 201 }, (_, i) => i + 1),
          assigneeId: null,
        })
      ).status,
    ).toBe(400);
  });
});
