import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns } from '../../store/index.ts';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { seedCampaignScenario } from './seed.ts';

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

/** The China Standard Time day of an instant, as a date input holds it. */
const cstDay = (t: number) => new Date(t + CST).toISOString().slice(0, 10);
/** Midnight starting a China Standard Time day. */
const cstMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** Campaign writes the page sent (POST / PUT / DELETE on /api/v1/campaigns…). */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/campaigns') && r.method() !== 'GET')
      writes.push(`${r.method()} ${r.url()}`);
  });
  return writes;
}

async function fillDays(page: Page, days: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(days))
    await page.fill(`[data-testid=campaign-form] input[name=${name}]`, value);
}

const termList = (page: Page, name: string) =>
  page.$$eval(`[data-testid=campaign-${name}-list] li`, (lis) => lis.map((li) => li.textContent));

describe('campaign form', () => {
  let env: DashboardEnv;
  let startDay: string;
  let endDay: string;
  let id = 0;
  beforeAll(async () => {
    env = await startDashboardEnv();
    const { startsAt, endsAt } = await seedCampaignScenario(env.db);
    startDay = cstDay(startsAt.getTime());
    endDay = cstDay(endsAt.getTime() - 1);
  });
  afterAll(async () => {
    await env?.close();
  });

  /** A campaign made behind the form's back (through the store), over the seeded scenario's days. */
  const seedCampaign = (name: string, keyword: string) =>
    createCampaign(
      env.db,
      {
        name,
        brand: '中国联通',
        keywords: [keyword],
        hashtags: [],
        startsAt: new Date(cstMidnight(startDay)),
        endsAt: new Date(cstMidnight(endDay) + DAY),
        baselineStartsAt: null,
        baselineEndsAt: null,
      },
      null,
    );

  it('creates a campaign, opens it and stores the days as China Standard Time, end day included', async () => {
    const page = await env.page('marketing');
    await page.goto(`${env.url}/campaigns`);
    // The list loads after the page: wait for its answer rather than read the loading state.
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=view-campaigns]')?.textContent?.includes('还没有活动'),
    );
    await page.click('[data-testid=campaign-new]');
    await page.fill('[data-testid=campaign-form] input[name=name]', '畅享冰雪季 <b>x</b>');
    await page.selectOption('[data-testid=campaign-form] select[name=brand]', '中国联通');
    await page.fill('textarea[name=keywords]', '畅享，流量、畅享\n送 ');
    await page.fill('textarea[name=hashtags]', '#冰雪季#');
    await expect.poll(() => termList(page, 'keywords')).toEqual(['畅享', '流量', '送']);
    await expect.poll(() => termList(page, 'hashtags')).toEqual(['#冰雪季']);
    await fillDays(page, { startDay, endDay });
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/campaigns') && r.request().method() === 'POST',
    );
    await page.click('[data-testid=campaign-save]');
    const res = await posted;
    expect(res.status()).toBe(201);
    id = ((await res.json()) as { id: number }).id;
    await page.waitForURL(`${env.url}/campaigns/${id}`);
    await page.waitForSelector('[data-testid=lift-nss][data-value]');
    expect(await page.$('[data-testid=campaign-form]')).toBeNull();
    expect(await page.inputValue('select[name=campaign]')).toBe(String(id));
    // Shown as text, not markup.
    expect(await page.textContent('select[name=campaign]')).toContain('畅享冰雪季 <b>x</b>');

    const row = await getCampaign(env.db, id);
    expect(row).toMatchObject({
      name: '畅享冰雪季 <b>x</b>',
      brand: '中国联通',
      keywords: ['畅享', '流量', '送'],
      hashtags: ['冰雪季'],
      baselineStartsAt: null,
      baselineEndsAt: null,
      createdBy: env.userIds.marketing,
    });
    // The browser runs in New York: the days are still China Standard Time, the end day up to its end.
    expect(row?.startsAt.getTime()).toBe(cstMidnight(startDay));
    expect(row?.endsAt.getTime()).toBe(cstMidnight(endDay) + DAY);
    await screenshot(page, 'campaign-created');
    await page.context().close();
  });

  it('refuses an invalid form in the UI language and sends nothing', async () => {
    const page = await env.page('marketing');
    await page.goto(`${env.url}/campaigns/${id}`);
    await page.click('[data-testid=campaign-new]');
    const writes = recordWrites(page);
    await page.fill('[data-testid=campaign-form] input[name=name]', '无效活动');
    await fillDays(page, { startDay: '2026-12-07', endDay: '2026-12-01', baselineStartDay: '2026-11-01' });
    await page.click('[data-testid=campaign-save]');
    await expect
      .poll(() => page.textContent('[data-testid=campaign-error-terms]'))
      .toBe('请至少填写一个关键词或话题标签。');
    await expect
      .poll(() => page.textContent('[data-testid=campaign-error-endDay]'))
      .toBe('结束日期不能早于开始日期。');
    await expect.poll(() => page.textContent('[data-testid=campaign-error-baseline]')).toContain('同时填写');
    await screenshot(page, 'campaign-form-invalid');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.textContent('[data-testid=campaign-error-endDay]'))
      .toBe('The end date cannot be before the start date.');
    // A day that does not exist, typed into the date field: flagged, not rolled over to March.
    await page.fill('[data-testid=campaign-form] input[name=startDay]', '');
    await page.focus('[data-testid=campaign-form] input[name=startDay]');
    await page.keyboard.type('20260230');
    await expect
      .poll(() => page.textContent('[data-testid=campaign-error-startDay]'))
      .toBe('Not a valid date: use a real year-month-day.');
    await page.click('[data-testid=campaign-save]');
    await page.waitForTimeout(300);
    expect(writes).toEqual([]);
    expect((await listCampaigns(env.db)).map((c) => c.id)).toEqual([id]);
    await page.context().close();
  });

  it('edits the campaign: the list and the impact reload', async () => {
    const page = await env.page('brand_manager');
    await page.goto(`${env.url}/campaigns/${id}`);
    await page.waitForSelector('[data-testid=lift-nss][data-value]');
    await page.click('[data-testid=campaign-edit]');
    expect(await page.inputValue('[data-testid=campaign-form] input[name=name]')).toBe('畅享冰雪季 <b>x</b>');
    expect(await page.inputValue('[data-testid=campaign-form] input[name=endDay]')).toBe(endDay);
    await page.fill('[data-testid=campaign-form] input[name=name]', '畅享冰雪季 二期');
    const baselineStartDay = cstDay(cstMidnight(startDay) - 10 * DAY);
    const baselineEndDay = cstDay(cstMidnight(startDay) - DAY);
    await fillDays(page, { baselineStartDay, baselineEndDay });
    const put = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/campaigns/${id}`) && r.request().method() === 'PUT',
    );
    const reloaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/campaigns/${id}/impact`));
    await page.click('[data-testid=campaign-save]');
    expect((await put).status()).toBe(200);
    const report = (await (await reloaded).json()) as { windows: { baseline: { from: string; to: string } } };
    expect(Date.parse(report.windows.baseline.from)).toBe(cstMidnight(baselineStartDay));
    expect(Date.parse(report.windows.baseline.to)).toBe(cstMidnight(baselineEndDay) + DAY);
    await page.waitForFunction(() =>
      document.querySelector('select[name=campaign]')?.textContent?.includes('二期'),
    );
    expect(await page.$('[data-testid=campaign-form]')).toBeNull();
    const row = await getCampaign(env.db, id);
    expect(row?.name).toBe('畅享冰雪季 二期');
    expect(row?.startsAt.getTime()).toBe(cstMidnight(startDay));
    expect(row?.endsAt.getTime()).toBe(cstMidnight(endDay) + DAY);
    expect(row?.baselineStartsAt?.getTime()).toBe(cstMidnight(baselineStartDay));
    expect(row?.baselineEndsAt?.getTime()).toBe(cstMidnight(baselineEndDay) + DAY);
    await page.context().close();
  });

  it("shows the server's refusal, and deletes after a confirmation", async () => {
    const other = await seedCampaign('临时活动', '临时');
    const page = await env.page('admin');
    await page.goto(`${env.url}/campaigns/${other.id}`);
    await page.click('[data-testid=campaign-edit]');
    // Someone deletes it meanwhile: saving fails and says so.
    await deleteCampaign(env.db, other.id);
    await page.click('[data-testid=campaign-save]');
    await expect.poll(() => page.textContent('[data-testid=campaign-form] .state-error')).toContain('不存在');
    await page.click('[data-testid=campaign-form] button:has-text("取消")');

    await page.goto(`${env.url}/campaigns/${id}`);
    await page.click('[data-testid=campaign-edit]');
    await page.click('[data-testid=campaign-form] button:has-text("删除")');
    await expect
      .poll(() => page.textContent('[data-testid=campaign-confirm-delete]'))
      .toContain('畅享冰雪季 二期');
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await page.click('[data-testid=campaign-confirm-delete] button:has-text("确定删除")');
    expect((await deleted).status()).toBe(204);
    await page.waitForURL(`${env.url}/campaigns`);
    // The list loads after the page: wait for its answer rather than read the loading state.
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=view-campaigns]')?.textContent?.includes('还没有活动'),
    );
    expect(await listCampaigns(env.db)).toEqual([]);
    await page.context().close();
  });

  it('shows no create or edit buttons without campaigns.write', async () => {
    const c = await seedCampaign('只读活动', '畅享');
    // Viewers (like PR) may not open the view at all.
    const viewer = await env.page('viewer');
    await viewer.goto(`${env.url}/campaigns/${c.id}`);
    await viewer.waitForSelector('[data-testid=forbidden]');
    expect(await viewer.$('[data-testid=campaign-new]')).toBeNull();
    await viewer.context().close();
    // A session whose permission list lacks campaigns.write: the view, without the buttons.
    const page = await env.page('marketing');
    await page.route('**/api/v1/auth/me', async (route) => {
      const res = await route.fetch();
      const me = (await res.json()) as { permissions: string[] };
      await route.fulfill({
        response: res,
        json: { ...me, permissions: me.permissions.filter((p) => p !== 'campaigns.write') },
      });
    });
    await page.goto(`${env.url}/campaigns/${c.id}`);
    await page.waitForSelector('[data-testid=lift-nss][data-value]');
    expect(await page.$('[data-testid=campaign-new]')).toBeNull();
    expect(await page.$('[data-testid=campaign-edit]')).toBeNull();
    // The same role with its permissions intact has them.
    await page.unroute('**/api/v1/auth/me');
    await page.reload();
    await page.waitForSelector('[data-testid=campaign-new]');
    await page.waitForSelector('[data-testid=campaign-edit]');
    await page.context().close();
  });
});
