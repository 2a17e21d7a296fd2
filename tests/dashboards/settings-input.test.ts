import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardEnv, startDashboardEnv } from './harness.ts';

/** Settings URLs and form input a user can get wrong. */
describe('settings: odd URLs and invalid input', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a tab name that every JavaScript object has (toString, constructor) opens the default tab', async () => {
    const page = await env.page('admin');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const tab of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      await page.goto(`${env.url}/settings/${tab}`);
      await page.waitForSelector('[data-testid=settings-brands]');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses SLA reminders that are not fractions instead of saving an empty list', async () => {
    const page = await env.page('admin');
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT') puts.push(r.postData() ?? '');
    });
    await page.goto(`${env.url}/settings/sla`);
    await page.waitForSelector('[data-testid=sla-form]');
    const input = '[data-testid=sla-form] input[name=reminders]';
    const submit = '[data-testid=sla-form] button[type=submit]';
    await page.fill(input, '2, abc');
    await page.waitForSelector('[data-testid=reminders-error]');
    expect(await page.isDisabled(submit)).toBe(true);
    await page.press(input, 'Enter');
    expect(puts).toEqual([]);
    await page.fill(input, '0.5，0.9');
    expect(await page.$('[data-testid=reminders-error]')).toBeNull();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/config/sla'));
    await page.click(submit);
    const body = (await (await saved).json()) as { sla: { reminders: number[] } };
    expect(body.sla.reminders).toEqual([0.5, 0.9]);
    await page.context().close();
  });
});
