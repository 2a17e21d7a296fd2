import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../core/index.ts';
import { recordSourceRun, syncSources } from '../../store/index.ts';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { seedCases, seedMentions } from './seed.ts';

const MINUTE = 60_000;

async function seedSources(env: DashboardEnv): Promise<void> {
  const cfg = (id: string, kind: string) =>
    sourceSchema.parse({ id, kind, baseUrl: 'http://127.0.0.1:9/', replica: true, queries: ['联通'] });
  await syncSources(env.db, [
    cfg('weibo-main', 'weibo'),
    cfg('tieba-main', 'tieba'),
    cfg('zhihu-main', 'zhihu'),
  ]);
  const now = Date.now();
  await recordSourceRun(env.db, {
    sourceId: 'weibo-main',
    at: new Date(now - 2 * MINUTE),
    ok: true,
    items: 87,
    pages: 5,
  });
  await recordSourceRun(env.db, {
    sourceId: 'tieba-main',
    at: new Date(now - 30 * MINUTE),
    ok: true,
    items: 12,
    pages: 3,
  });
  await recordSourceRun(env.db, {
    sourceId: 'tieba-main',
    at: new Date(now - 5 * MINUTE),
    ok: false,
    error: 'HTTP 503 from tieba replica',
    items: 0,
    pages: 1,
  });
  await recordSourceRun(env.db, {
    sourceId: 'zhihu-main',
    at: new Date(now - MINUTE),
    ok: false,
    error: 'blocked: captcha',
    blockedUntil: new Date(now + 20 * MINUTE),
    blockSignal: 'captcha',
    items: 0,
    pages: 1,
  });
}

describe('sources, settings and the inbox as the admin and the PR lead see them', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv({
      pipeline: true,
      file: { routing: { teams: [{ id: 'south', name: '华南舆情组' }] } },
    });
    await seedMentions(env.db, { count: 2000, days: 30 });
    await seedSources(env);
    await seedCases(env.db);
    // A crawled item without a natural key can only dead-letter.
    await env.pipeline?.queues.enqueueMentions([{ text: 'no source, no id' }]);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('source health shows freshness, errors and blocks, and a dead-letter job can be retried', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/sources`);
    await page.waitForSelector('[data-testid=source-row]');
    const health = await page.$$eval('[data-testid=source-row]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-source-id'), r.getAttribute('data-health')])),
    );
    expect(health).toEqual({ 'weibo-main': 'ok', 'tieba-main': 'error', 'zhihu-main': 'blocked' });
    expect(await page.textContent('[data-source-id=tieba-main]')).toContain('HTTP 503');
    await page.waitForSelector('[data-testid=dead-letter-row]', { timeout: 30_000 });
    const retried = page.waitForResponse((r) => r.url().includes('/retry'));
    await page.click('[data-testid=dead-letter-row] button');
    expect((await retried).status()).toBe(204);
    await screenshot(page, 'sources');
    await page.context().close();
  });

  it('the PR lead sees source health but not the dead-letter queue (admin only)', async () => {
    const page = await env.page('pr_lead');
    await page.goto(`${env.url}/sources`);
    await page.waitForSelector('[data-testid=source-row]');
    expect(await page.$('[data-testid=dead-letters]')).toBeNull();
    await page.context().close();
  });

  it('an admin edits the SLA policy and a brand alias', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/settings/sla`);
    await page.waitForSelector('[data-testid=sla-form]');
    await page.fill('[data-testid=sla-form] input[name=firstResponseHours]', '12');
    expect(await page.inputValue('[data-testid=sla-form] input[name=foundLateHours]')).toBe('4');
    await page.fill('[data-testid=sla-form] input[name=foundLateHours]', '2');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/config/sla'));
    await page.click('[data-testid=sla-form] button[type=submit]');
    const body = (await (await saved).json()) as {
      sla: { firstResponseHours: number; foundLateHours: number };
      overridden: string[];
    };
    expect(body.sla).toMatchObject({ firstResponseHours: 12, foundLateHours: 2 });
    expect(body.overridden).toContain('sla');
    await page.click('a[href="/settings/brands"]');
    await page.waitForSelector('[data-testid=brand-card]');
    const card = page.locator('[data-testid=brand-card]', { hasText: '中国联通' });
    await card.locator('input').fill('联通宝');
    const brands = page.waitForResponse((r) => r.url().endsWith('/api/v1/config/brands'));
    await card.locator('button[type=submit]').click();
    expect((await brands).status()).toBe(200);
    await page.waitForSelector('text=联通宝');
    await screenshot(page, 'settings');
    await page.context().close();
  });

  it('an admin sets a channel’s priorities, teams and messages a minute, the kind’s default showing when blank', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/settings/channels`);
    await page.click('button:has-text("添加")');
    const row = page.locator('[data-testid=channel-row]').last();
    await row.locator('input').first().fill('ops-ding');
    await row.locator('select').first().selectOption('dingtalk');
    await row.locator('input[size="36"]').fill('https://oapi.dingtalk.com/robot/send?access_token=t');
    expect(await row.locator('input[name=perMinute]').getAttribute('placeholder')).toBe('20');
    await row.locator('input[name=perMinute]').fill('12');
    await row.locator('select[name=priorities]').selectOption(['P1', 'P2']);
    await row.locator('select[name=teams]').selectOption(['south', 'shared']);
    type Saved = {
      notifications: { channels: { id: string; rateLimit?: unknown; priorities?: string[] }[] };
    };
    const save = async () => {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/config/notifications'));
      await page.click('form.stack button[type=submit]');
      const res = await saved;
      expect(res.status()).toBe(200);
      return ((await res.json()) as Saved).notifications.channels.find((c) => c.id === 'ops-ding');
    };
    expect(await save()).toMatchObject({
      rateLimit: { max: 12, windowSeconds: 60 },
      priorities: ['P1', 'P2'],
      teams: ['south', 'shared'],
    });
    await row.locator('input[name=perMinute]').fill('');
    await row.locator('select[name=priorities]').selectOption([]);
    await row.locator('select[name=teams]').selectOption([]);
    const cleared = await save();
    expect(cleared).not.toHaveProperty('rateLimit');
    expect(cleared).not.toHaveProperty('priorities');
    expect(cleared).not.toHaveProperty('teams');
    await page.context().close();
  });

  it('the inbox shows every urgency: green, amber under 6 h, red under 2 h, breached', async () => {
    const page = await env.page('pr_lead');
    await page.goto(`${env.url}/inbox`);
    await page.waitForSelector('[data-testid=case-row]');
    const urgencies = await page.$$eval('[data-testid=case-row] [data-urgency]', (els) =>
      els.map((e) => e.getAttribute('data-urgency')),
    );
    // Sorted by deadline: the breached case first.
    expect(urgencies).toEqual(['breached', 'red', 'amber', 'ok', 'ok']);
    await page.click('[data-testid=case-row]:nth-child(2) .case-row-main');
    await page.waitForSelector('[data-testid=case-detail]');
    await page.keyboard.press('?');
    await page.waitForSelector('[data-testid=shortcut-help]');
    await page.keyboard.press('Escape');
    expect(await page.$('[data-testid=shortcut-help]')).toBeNull();
    await screenshot(page, 'inbox', false);
    await page.context().close();
  });

  it('switches to English and back, and shows times in China Standard Time', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/inbox/1`);
    await page.waitForSelector('[data-testid=case-detail] time');
    // The browser runs in New York; the page shows Shanghai wall-clock time.
    const iso = (await page.getAttribute('[data-testid=case-detail] time', 'datetime')) ?? '';
    const shanghai = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
    expect(await page.textContent('[data-testid=case-detail] time')).toContain(shanghai);
    await page.click('text=English');
    await page.waitForSelector('[data-testid=nav] >> text=PR triage');
    expect(await page.textContent('[data-testid=nav]')).toContain('Brand overview');
    await page.click('text=中文');
    await page.waitForSelector('[data-testid=nav] >> text=负面处置');
    await page.context().close();
  });
});
