import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { startApiServer } from '../../api/index.ts';
import { hashPassword, Readiness, silentLogger } from '../../core/index.ts';
import { createUser, openDatabase, runMigrations, syncBrands } from '../../store/index.ts';
import { seedMentions } from '../../tests/dashboards/seed.ts';
import type { BenchContext, BenchGroup, BenchResult } from '../types.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PASSWORD = 'bench-password-123';
const RUNS = 5;

/** Build the production bundle into a temporary folder (never touching dashboards/dist). */
async function buildBundle(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'koubei-dash-bench-'));
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'dashboards', 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Gzipped size of every asset, and of what the first page load needs (index.html, entry JS, CSS). */
function bundleSizes(dir: string): { totalKb: number; initialKb: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = new Set([
    'index.html',
    ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]),
  ]);
  let total = 0;
  let first = 0;
  for (const f of files(dir)) {
    if (!/\.(js|css|html)$/.test(f)) continue;
    const gz = gzipSync(readFileSync(f), { level: 9 }).length;
    total += gz;
    if (initial.has(f.slice(dir.length + 1))) first += gz;
  }
  return { totalKb: total / 1024, initialKb: first / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Sign in once, then load the overview RUNS times; "interactive" is the app's own ready mark. */
async function measureOverview(url: string): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${url}/login`);
    await page.fill('input[name=username]', 'bench');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=nav]');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${url}/overview?range=30d&brand=all&run=${i}`);
      await page.waitForFunction(
        () => performance.getEntriesByName('koubei:overview-ready').length > 0,
        undefined,
        {
          timeout: 60_000,
        },
      );
      await page.waitForSelector('[data-testid=chart-map] canvas');
      times.push(
        await page.evaluate(() => performance.getEntriesByName('koubei:overview-ready')[0]?.startTime ?? -1),
      );
    }
    return times;
  } finally {
    await browser.close();
  }
}

const group: BenchGroup = {
  name: 'dashboards',
  description: 'dashboard bundle size and brand overview time-to-interactive on 200,000 mentions',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const dist = await buildBundle();
    const h = await openDatabase({ dataDir: 'memory://' });
    try {
      const sizes = bundleSizes(dist);
      await runMigrations(h);
      await syncBrands(h.db, ctx.config.brands);
      await createUser(h.db, {
        username: 'bench',
        passwordHash: await hashPassword(PASSWORD),
        role: 'brand_manager',
      });
      const count = Math.max(1000, Math.round(200_000 * ctx.scale));
      const seeded = performance.now();
      await seedMentions(h.db, { count, days: 30 });
      ctx.logger.info(
        { count, ms: Math.round(performance.now() - seeded) },
        'dashboards bench: mentions seeded',
      );
      const server = await startApiServer(
        {
          config: ctx.config,
          logger: silentLogger(),
          readiness: new Readiness(),
          db: () => h.db,
          dashboardDir: dist,
        },
        { port: 0, host: '127.0.0.1' },
      );
      let times: number[];
      try {
        times = await measureOverview(server.url);
      } finally {
        await server.close();
      }
      const note = `${count} mentions over 30 days, PGlite, Chromium 1280×800`;
      return [
        {
          name: 'dashboards.overview.interactive',
          value: median(times),
          unit: 'ms',
          target: 2000,
          better: 'lower',
          note: `median of ${RUNS} loads (first ${Math.round(times[0] ?? 0)} ms), ${note}`,
        },
        {
          name: 'dashboards.overview.interactive_max',
          value: Math.max(...times),
          unit: 'ms',
          target: null,
          better: 'lower',
          note,
        },
        {
          name: 'dashboards.bundle.gzip',
          value: sizes.totalKb,
          unit: 'KB',
          target: 800,
          better: 'lower',
          note: 'all JS, CSS and HTML in dist, gzip -9',
        },
        {
          name: 'dashboards.bundle.initial_gzip',
          value: sizes.initialKb,
          unit: 'KB',
          target: null,
          better: 'lower',
          note: 'index.html with its entry JS and CSS (login page)',
        },
      ];
    } finally {
      await h.close();
      rmSync(dist, { recursive: true, force: true });
    }
  },
};

export default group;
