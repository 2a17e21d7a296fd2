import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { type ApiDeps, type ApiServer, startApiServer } from '../../api/index.ts';
import { hashPassword, loadConfig, ROLES, Readiness, type Role, silentLogger } from '../../core/index.ts';
import { createUser, type Db, syncBrands } from '../../store/index.ts';
import { createCaseService, type Pipeline, startPipeline } from '../../workers/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { ensureTestBundle } from './bundle.ts';

/** Every test user's password. */
export const PASSWORD = 'dashboard-test-pw';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'test-artifacts', 'screenshots');

/** Chromium as installed by the system; never a downloaded browser. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** Display names, so screenshots look like a real team. */
const DISPLAY: Record<Role, string> = {
  admin: '系统管理员',
  pr_lead: '王组长',
  pr_agent: '李专员',
  brand_manager: '陈经理',
  marketing: '赵市场',
  viewer: '访客',
};

/** A running API (serving the test build of the dashboard) over a fresh database, plus Chromium. */
export interface DashboardEnv {
  url: string;
  db: Db;
  server: ApiServer;
  browser: Browser;
  userIds: Record<Role, number>;
  /** The BullMQ pipeline (ingest → analyze → route, sla, notify), when started with `pipeline`. */
  pipeline: Pipeline | null;
  /** A fresh browser page at 1280×800 (or the given viewport), signed in as `role` unless null. */
  page(role: Role | null, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface EnvOptions {
  /** Extra API dependencies (case service, queues). */
  deps?: Partial<ApiDeps>;
  /** Config file contents. Default `{}`. */
  file?: Record<string, unknown>;
  /** Database. Default a fresh PGlite. */
  db?: TestDb;
  /** Run the real pipeline workers and case service on the suite's Redis. Default false. */
  pipeline?: boolean;
}

async function startWorkers(config: ReturnType<typeof loadConfig>, db: Db) {
  const prefix = uniquePrefix('dash');
  const pipeline = await startPipeline({
    config,
    logger: silentLogger(),
    db,
    redisUrl: testRedisUrl(),
    prefix,
    piiSalt: 'dashboard-test-salt-0123456789',
  });
  const cases = createCaseService({ config, logger: silentLogger(), db, queues: pipeline.queues });
  return {
    pipeline,
    deps: { cases, queues: pipeline.queues } as Partial<ApiDeps>,
    async stop() {
      await pipeline.stop();
      await testRedis(prefix).cleanup();
    },
  };
}

/** Sign in through the login form and wait for the navigation. */
export async function signIn(page: Page, url: string, role: Role): Promise<void> {
  await page.goto(`${url}/login`);
  await page.fill('input[name=username]', `u_${role}`);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=nav]', { state: 'attached' });
}

/** Start everything. Users: `u_<role>` for each role, all in team `south`. */
export async function startDashboardEnv(opts: EnvOptions = {}): Promise<DashboardEnv> {
  const [dashboardDir, t] = await Promise.all([ensureTestBundle(), opts.db ?? createTestDb('pglite')]);
  const config = loadConfig({ file: opts.file ?? {}, env: { NODE_ENV: 'test' } });
  await syncBrands(t.db, config.brands);
  const passwordHash = await hashPassword(PASSWORD);
  const userIds = {} as Record<Role, number>;
  for (const role of ROLES) {
    userIds[role] =
      (await createUser(t.db, {
        username: `u_${role}`,
        passwordHash,
        role,
        team: 'south',
        displayName: DISPLAY[role],
      })) ?? 0;
  }
  const workers = opts.pipeline ? await startWorkers(config, t.db) : null;
  const server = await startApiServer(
    {
      config,
      logger: silentLogger(),
      readiness: new Readiness(),
      db: () => t.db,
      dashboardDir,
      ...workers?.deps,
      ...opts.deps,
    },
    { port: 0, host: '127.0.0.1' },
  );
  const browser = await launchChromium();
  return {
    url: server.url,
    db: t.db,
    server,
    browser,
    userIds,
    pipeline: workers?.pipeline ?? null,
    async page(role, viewport = { width: 1280, height: 800 }) {
      const ctx = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });
      const page = await ctx.newPage();
      if (role) await signIn(page, server.url, role);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await workers?.stop();
      await t.cleanup();
    },
  };
}

/** Save a screenshot to test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Share of non-blank pixels in every canvas under `selector` (a rendered chart is far from 0). */
export async function canvasInk(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (root) => {
    let ink = 0;
    let total = 0;
    for (const c of Array.from(root.querySelectorAll('canvas'))) {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) continue;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      for (let i = 0; i < data.length; i += 16) {
        total++;
        const a = data[i + 3] ?? 0;
        const r = data[i] ?? 255;
        const g = data[i + 1] ?? 255;
        const b = data[i + 2] ?? 255;
        if (a > 0 && !(r > 245 && g > 245 && b > 245)) ink++;
      }
    }
    return total === 0 ? 0 : ink / total;
  });
}
