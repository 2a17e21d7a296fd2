import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, sourceSchema } from '../../core/index.ts';
import { syncSources } from '../../store/index.ts';
import { type Client, seedCase, seedMentions, startTestApi, type TestApi } from './helpers.ts';
import { campaignBody, ENTRIES, type Entry, ids } from './role-matrix-entries.ts';

describe('role matrix: every route with every role and without auth', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi('pglite', { deps: { triggerCrawl: async () => ({ jobId: 'crawl-1' }) } });
    await seedMentions(api.db, { count: 50, days: 2 });
    const seeded = await seedCase(api.db);
    ids.mention = seeded.mentionId;
    ids.case = seeded.caseId;
    ids.user = api.userIds.viewer;
    await syncSources(api.db, [
      sourceSchema.parse({ id: 'weibo-main', kind: 'weibo', baseUrl: 'https://m.weibo.cn' }),
    ]);
    const admin = await api.as('admin');
    const c = await admin.json<{ id: number }>('POST', '/api/v1/campaigns', campaignBody());
    ids.campaign = c.body.id;
  });
  afterAll(async () => {
    await api.close();
  });

  async function call(client: Client, e: Entry): Promise<number> {
    const res = await client.request(e.method, e.path(), e.body?.(), {});
    if (e.template === '/api/v1/stream') {
      await res.body?.cancel();
      return res.status;
    }
    await res.arrayBuffer();
    return res.status;
  }

  it('covers every documented operation', async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ENTRIES.map((e) => `${e.method} ${e.template}`).sort()).toEqual(documented.sort());
  });

  it('answers 401 without credentials on every non-public route', async () => {
    for (const e of ENTRIES) {
      const status = await call(api.anonymous(), e);
      if (e.allowed === 'public') expect(status, `${e.method} ${e.template}`).toBe(e.ok[0]);
      else expect(status, `${e.method} ${e.template}`).toBe(401);
    }
  });

  it.each(ROLES)('enforces permissions for %s', async (role) => {
    const client = await api.as(role);
    const failures: string[] = [];
    for (const e of ENTRIES) {
      const allowed = e.allowed === 'public' || e.allowed === 'authenticated' || e.allowed.includes(role);
      const status = await call(client, e);
      const want = allowed ? e.ok : [403];
      if (!want.includes(status))
        failures.push(`${e.method} ${e.path()} → ${status}, want ${want.join('|')}`);
    }
    expect(failures).toEqual([]);
  });
});
