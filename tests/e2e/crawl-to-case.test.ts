import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { eventually, login } from '../helpers/http.ts';

describe('demo wiring: replicas → crawl scheduler → pipeline → cases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: ['api', 'worker', 'crawler'], replicas: { seed: 11 } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('crawls the replica sites on demand and turns negative 联通 mentions into cases with deadlines', async () => {
    const admin = await login(app.url, 'admin', app.adminPassword);
    const trigger = app.roles.deps.triggerCrawl;
    if (!trigger) throw new Error('crawler role did not register a trigger');
    await trigger('demo-weibo');
    type Page = { items: { source: string; text: string }[] };
    const mentions = await eventually(async () => {
      const r = await admin.get<Page>('/api/v1/mentions?source=weibo&limit=50');
      return r.status === 200 && r.body.items.length >= 10 ? r.body : null;
    }, 60_000);
    expect(mentions.items.every((m) => m.source === 'weibo')).toBe(true);
    type Inbox = { items: { brand: string; firstResponseDueAt: string; publishedAt?: string }[] };
    const inbox = await eventually(async () => {
      const r = await admin.get<Inbox>('/api/v1/cases');
      return r.status === 200 && r.body.items.length > 0 ? r.body : null;
    }, 60_000);
    expect(inbox.items.every((c) => c.brand === '中国联通')).toBe(true);
    expect(inbox.items.every((c) => Number.isFinite(Date.parse(c.firstResponseDueAt)))).toBe(true);
  });
});
