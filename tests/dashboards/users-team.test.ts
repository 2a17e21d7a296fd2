import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUserByUsername } from '../../store/index.ts';
import { type DashboardEnv, startDashboardEnv } from './harness.ts';

/** The harness puts every user in team `south`; routing here knows `south` and `north` only after the edit. */
describe('user teams are picked from the routing teams', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv({
      file: { routing: { teams: [{ id: 'north', name: '华北', members: [] }], rules: [] } },
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('offers the routing teams, marks a team routing does not know, and saves a change', async () => {
    const page = await env.page('admin');
    await page.goto(`${env.url}/settings/users`);
    const row = '[data-testid=user-row]:has(strong:text-is("u_pr_agent"))';
    const select = `${row} select[aria-label=小组]`;
    await page.waitForSelector(select);
    const options = await page.$$eval(`${select} option`, (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['（无小组）', '华北 (north)', 'south（分派设置中没有此小组）']);
    expect(await page.getAttribute(select, 'data-unknown')).toBe('true');

    await page.selectOption(select, 'north');
    await expect
      .poll(async () => (await getUserByUsername(env.db, 'u_pr_agent'))?.team, { timeout: 10_000 })
      .toBe('north');
    await page.waitForSelector(`${select}:not([data-unknown])`);

    await page.selectOption(select, '');
    await expect
      .poll(async () => (await getUserByUsername(env.db, 'u_pr_agent'))?.team, { timeout: 10_000 })
      .toBeNull();

    // A new user's team comes from the same list.
    const form = '[data-testid=new-user]';
    await page.fill(`${form} input[aria-label=用户名]`, 'u_new_agent');
    await page.fill(`${form} input[type=password]`, 'new-agent-pw-1');
    await page.selectOption(`${form} select[aria-label=小组]`, 'north');
    await page.selectOption(`${form} select[aria-label=角色]`, 'pr_agent');
    await page.click(`${form} button[type=submit]`);
    await expect
      .poll(async () => (await getUserByUsername(env.db, 'u_new_agent'))?.team, { timeout: 10_000 })
      .toBe('north');
    await page.context().close();
  });
});
