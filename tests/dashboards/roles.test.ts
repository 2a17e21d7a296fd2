import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../core/index.ts';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';

/** What each role must see in the navigation, in order (mirrors the issue and api/permissions.ts). */
const EXPECTED: Record<Role, string[]> = {
  admin: ['overview', 'inbox', 'campaigns', 'explorer', 'sources', 'settings'],
  pr_lead: ['overview', 'inbox', 'explorer', 'sources'],
  pr_agent: ['inbox'],
  brand_manager: ['overview', 'campaigns', 'explorer'],
  marketing: ['overview', 'campaigns'],
  viewer: ['overview'],
};

describe('dashboard sign-in and navigation by role', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  for (const role of ROLES) {
    it(`${role} sees exactly its views`, async () => {
      const page = await env.page(role);
      const views = await page.$$eval('[data-testid=nav] a', (as) =>
        as.map((a) => a.getAttribute('data-view')),
      );
      expect(views).toEqual(EXPECTED[role]);
      await page.context().close();
    });
  }

  it('sends a viewer who opens a forbidden view to a plain "no access" page', async () => {
    const page = await env.page('viewer');
    await page.goto(`${env.url}/settings`);
    await expect(page.textContent('[data-testid=forbidden]')).resolves.toContain('没有权限');
    await page.context().close();
  });

  it('shows a plain message for a wrong password', async () => {
    const page = await env.page(null);
    await page.goto(`${env.url}/login`);
    await screenshot(page, 'login', false);
    await page.fill('input[name=username]', 'u_admin');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await expect(page.textContent('[data-testid=login-error]')).resolves.toContain('用户名或密码不正确');
    await page.context().close();
  });

  it('returns to the login page with a message when the session expires, then back to the route', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/explorer?q=${encodeURIComponent('宽带')}`);
    await page.waitForSelector('[data-testid=view-explorer]');
    await page.context().clearCookies();
    // Any API call now answers 401: changing a filter runs the search again.
    await page.selectOption('[data-testid=explorer-filters] select[name=sentiment]', 'neg');
    await page.waitForSelector('[data-testid=login-notice]');
    expect(await page.textContent('[data-testid=login-notice]')).toContain('登录已过期');
    expect(new URL(page.url()).searchParams.get('next')).toBe(
      `/explorer?q=${encodeURIComponent('宽带')}&sentiment=neg`,
    );
    await page.fill('input[name=username]', 'u_admin');
    await page.fill('input[name=password]', 'dashboard-test-pw');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=view-explorer]');
    expect(new URL(page.url()).pathname).toBe('/explorer');
    await page.context().close();
  });
});
