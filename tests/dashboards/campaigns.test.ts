import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../store/index.ts';
import { canvasInk, type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { seedCampaignScenario } from './seed.ts';

interface Did {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

describe('campaign impact', () => {
  let env: DashboardEnv;
  let id: number;
  beforeAll(async () => {
    env = await startDashboardEnv();
    const { startsAt, endsAt } = await seedCampaignScenario(env.db);
    const c = await createCampaign(
      env.db,
      {
        name: '畅享冰雪季',
        brand: '中国联通',
        keywords: ['畅享'],
        hashtags: ['冰雪季'],
        startsAt,
        endsAt,
        baselineStartsAt: null,
        baselineEndsAt: null,
      },
      env.userIds.marketing,
    );
    id = c.id;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('shows the lift vs competitors with its confidence interval, as the API computed it', async () => {
    const page = await env.page('marketing');
    // Leave the landing page after sign-in (it may load a campaign), so its answer is not the one below.
    await page.goto('about:blank');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/campaigns/${id}/impact`));
    await page.goto(`${env.url}/campaigns/${id}`);
    const report = (await (await answer).json()) as { lift: { netSentiment: Did; volume: Did } };
    await page.waitForSelector('[data-testid=lift-nss][data-value]');
    const nss = report.lift.netSentiment;
    expect(nss.estimate).toBeGreaterThan(0);
    expect(nss.ciLow).toBeGreaterThan(0);
    const shown = await page.$eval('[data-testid=lift-nss]', (el) => ({
      value: Number(el.getAttribute('data-value')),
      low: Number(el.getAttribute('data-low')),
      high: Number(el.getAttribute('data-high')),
      text: el.textContent ?? '',
    }));
    expect(shown.value).toBeCloseTo((nss.estimate ?? 0) * 100, 6);
    expect(shown.low).toBeCloseTo((nss.ciLow ?? 0) * 100, 6);
    expect(shown.high).toBeCloseTo((nss.ciHigh ?? 0) * 100, 6);
    expect(shown.text).toContain('显著');
    expect(shown.text).not.toContain('不显著');
    const volume = Number(await page.getAttribute('[data-testid=lift-volume]', 'data-value'));
    expect(volume).toBeCloseTo(report.lift.volume.estimate ?? Number.NaN, 6);
    expect(volume).toBeGreaterThan(10);
    // Before/after, the daily chart of all four brands, and the top posts of the campaign.
    expect(await page.textContent('[data-testid=before-after]')).toContain('基线');
    await page.waitForSelector('[data-testid=chart-impact][data-chart] canvas');
    expect(await canvasInk(page, '[data-testid=chart-impact]')).toBeGreaterThan(0.005);
    const series = JSON.parse(
      (await page.getAttribute('[data-testid=chart-impact]', 'data-chart')) ?? '[]',
    ) as {
      brand: string;
    }[];
    expect(new Set(series.map((p) => p.brand)).size).toBe(4);
    expect(await page.textContent('[data-testid=top-posts]')).toContain('畅享冰雪季');
    await screenshot(page, 'campaigns');
    await page.context().close();
  });
});
