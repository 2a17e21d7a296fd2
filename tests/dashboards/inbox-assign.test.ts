import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseById, updateCase } from '../../store/index.ts';
import { type DashboardEnv, startDashboardEnv } from './harness.ts';
import { seedCases, seedFoundLateCase } from './seed.ts';

/** The case workers' display names (harness DISPLAY), in username order: u_admin, u_pr_agent, u_pr_lead. */
const WORKERS = ['系统管理员', '李专员', '王组长'];

describe('assigning cases as the PR lead (no admin rights)', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv({ pipeline: true });
    await seedCases(env.db);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('offers the case workers in both assign menus, names assignees, and calls nothing forbidden', async () => {
    const page = await env.page('pr_lead');
    const errors: string[] = [];
    const forbidden: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() === 403) forbidden.push(r.url());
    });
    await page.goto(`${env.url}/inbox`);
    await page.waitForSelector('[data-testid=case-row]');

    // The case's own menu.
    await page.click('[data-testid=case-row]:nth-child(1) .case-row-main');
    const menu = '[data-testid=case-actions] select';
    await page.waitForSelector(menu);
    const options = async (sel: string) =>
      page.$$eval(`${sel} option`, (os) =>
        os.filter((o) => o.getAttribute('value')).map((o) => o.textContent),
      );
    expect(await options(menu)).toEqual(WORKERS.map((n) => `${n} · south`));
    const caseId = await page.getAttribute('[data-testid=case-detail]', 'data-case-id');
    await page.selectOption(menu, { label: '李专员 · south' });
    await page.waitForSelector('[data-testid=case-detail][data-status=assigned]');
    expect(await page.textContent('[data-testid=case-detail] .case-head-meta')).toContain('李专员');
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-testid=case-row][data-case-id="${id}"]`)
          ?.textContent?.includes('李专员'),
      caseId,
    );

    // The bulk menu, once cases are checked.
    await page.check('[data-testid=bulk-bar] label input[type=checkbox]');
    expect(await options('[data-testid=bulk-bar] select')).toEqual(WORKERS);

    expect(forbidden).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('marks a case found late and says how late, with its deadline from detection', async () => {
    const id = await seedFoundLateCase(env.db);
    const page = await env.page('pr_agent');
    await page.goto(`${env.url}/inbox`);
    await page.click(`[data-testid=case-row][data-case-id="${id}"] .case-row-main`);
    await page.waitForSelector(`[data-testid=case-detail][data-case-id="${id}"] [data-testid=found-late]`);
    expect(await page.textContent('[data-testid=found-late]')).toBe('发现较晚');
    expect(await page.getAttribute('[data-testid=found-late]', 'title')).toMatch(
      /^发布1天6小时后才被发现/,
    );
    // Due 3 h from now, not 7 h overdue.
    expect(await page.getAttribute(`[data-testid=case-detail] [data-testid=countdown]`, 'data-urgency')).toBe(
      'amber',
    );
    await page.context().close();
  });

  it("lets a PR agent bulk-claim: cases go in progress, and a case the lead holds stays the lead's", async () => {
    const ids = await seedCases(env.db);
    const [held, ...free] = ids;
    await updateCase(env.db, held ?? 0, { assigneeId: env.userIds.pr_lead, status: 'assigned' });
    const page = await env.page('pr_agent');
    await page.goto(`${env.url}/inbox`);
    for (const id of ids)
      await page.check(`[data-testid=case-row][data-case-id="${id}"] input[type=checkbox]`);
    // Agents may claim, not assign or resolve in bulk.
    expect(await page.$$eval('[data-testid=bulk-bar] button', (bs) => bs.map((b) => b.textContent))).toEqual([
      '批量认领',
    ]);
    expect(await page.$('[data-testid=bulk-bar] select')).toBeNull();
    await page.click('[data-testid=bulk-bar] button');
    // The one conflict is reported by case number; the others are claimed.
    await page.waitForFunction((id) => {
      const text = document.querySelector('[role=alert]')?.textContent ?? '';
      return text.includes('1 个案件未处理') && text.includes(`#${id}。`);
    }, held);
    for (const id of free) {
      expect(await getCaseById(env.db, id)).toMatchObject({
        assigneeId: env.userIds.pr_agent,
        status: 'in_progress',
      });
    }
    expect(await getCaseById(env.db, held ?? 0)).toMatchObject({
      assigneeId: env.userIds.pr_lead,
      status: 'assigned',
    });
    await page.context().close();
  });
});
