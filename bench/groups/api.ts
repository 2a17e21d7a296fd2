import autocannon from 'autocannon';
import pg from 'pg';
import { type ApiServer, startApiServer } from '../../api/index.ts';
import { hashPassword, Readiness, silentLogger } from '../../core/index.ts';
import {
  createUser,
  type DbHandle,
  openDatabase,
  resultRows,
  runMigrations,
  syncBrands,
} from '../../store/index.ts';
import { startPgCluster } from '../../tests/setup/postgres-cluster.ts';
import type { BenchContext, BenchGroup, BenchResult } from '../types.ts';
import { generateApiData } from './api-data.ts';

/**
 * The API under load (autocannon against a listening server): overview analytics, a filtered
 * mention search and the case inbox, p95 latency, on a PostgreSQL server with 1,000,000 mentions and
 * on PGlite with 200,000 (both × --scale); plus a CSV export of every mention on the server, with
 * the process's peak RSS. The server is TEST_DATABASE_URL (scratch database) or a throwaway cluster.
 */

const PASSWORD = 'bench password 1';

interface Scenario {
  name: string;
  path: string;
  target: number;
}

function scenarios(): Scenario[] {
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  return [
    { name: 'overview', path: `/api/v1/analytics/overview?from=${from}&bucket=day`, target: 150 },
    {
      name: 'search',
      path: `/api/v1/mentions?brand=${encodeURIComponent('中国联通')}&sentiment=neg&category=billing&from=${from}&limit=50`,
      target: 200,
    },
    { name: 'inbox', path: '/api/v1/cases?limit=50', target: 100 },
  ];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Run autocannon for `seconds` and return the exact p95 from every response time. */
async function measure(url: string, cookie: string, s: Scenario, seconds: number, connections: number) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${url}${s.path}`, connections, duration: seconds, headers: { cookie } },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors += 1;
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  return {
    p95: percentile(times, 95),
    p50: percentile(times, 50),
    rps: result.requests.average,
    errors,
    n: times.length,
  };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function seed(h: DbHandle, ctx: BenchContext, n: number): Promise<void> {
  await syncBrands(h.db, ctx.config.brands);
  const passwordHash = await hashPassword(PASSWORD);
  await createUser(h.db, { username: 'bench-admin', passwordHash, role: 'admin' });
  const agents: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = await createUser(h.db, {
      username: `bench-agent-${i}`,
      passwordHash,
      role: 'pr_agent',
      team: 'south',
    });
    if (id) agents.push(id);
  }
  await generateApiData(h.db, n, agents);
}

async function withServer<T>(h: DbHandle, ctx: BenchContext, fn: (s: ApiServer) => Promise<T>): Promise<T> {
  const server = await startApiServer(
    {
      config: ctx.config,
      logger: silentLogger(),
      readiness: new Readiness(),
      db: () => h.db,
      rateLimits: { apiPerMinute: 10_000_000 },
    },
    { port: 0, host: '127.0.0.1' },
  );
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/**
 * Stream the full mentions CSV through HTTP, sampling this process's RSS. Constant memory shows as
 * a plateau: the peak over the second half is no higher than over the first.
 */
async function exportCsv(url: string, cookie: string, expected: number) {
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const baseRssMb = rss();
  const peaks = [baseRssMb, baseRssMb];
  let rows = -1; // header line
  const timer = setInterval(() => {
    const half = rows < expected / 2 ? 0 : 1;
    peaks[half] = Math.max(peaks[half] ?? 0, rss());
  }, 50);
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/exports/mentions.csv`, { headers: { cookie } });
  const reader = res.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    for (const byte of chunk.value) if (byte === 10) rows += 1;
  }
  clearInterval(timer);
  const [firstHalf = 0, secondHalf = 0] = peaks;
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: Math.max(firstHalf, secondHalf),
    baseRssMb,
    firstHalf,
    secondHalf,
  };
}

async function runKind(
  h: DbHandle,
  ctx: BenchContext,
  kind: 'postgres' | 'pglite',
  n: number,
): Promise<BenchResult[]> {
  const log = ctx.logger;
  const t0 = performance.now();
  await seed(h, ctx, n);
  const mentions =
    resultRows<{ n: number }>(await h.db.execute('select count(*)::int as n from mentions'))[0]?.n ?? 0;
  log.warn(
    { kind, mentions, seconds: Math.round((performance.now() - t0) / 1000) },
    'api bench: data generated',
  );
  return await withServer(h, ctx, async (server) => {
    const cookie = await login(server.url);
    const out: BenchResult[] = [];
    const seconds = Math.max(3, Math.round(10 * Math.min(1, ctx.scale)));
    const connections = kind === 'pglite' ? 2 : 4;
    for (const s of scenarios()) {
      await measure(server.url, cookie, s, 1, connections); // warm caches and plans
      const m = await measure(server.url, cookie, s, seconds, connections);
      out.push({
        name: `api.${s.name}.${kind}.p95`,
        value: m.p95,
        unit: 'ms',
        target: s.target,
        better: 'lower',
        note: `${mentions} mentions, ${connections} connections, p50 ${m.p50} ms, ${Math.round(m.rps)} req/s, ${m.errors} non-200 of ${m.n}`,
      });
    }
    if (kind === 'postgres') {
      const e = await exportCsv(server.url, cookie, mentions);
      const note = `${e.rows} rows in ${e.seconds.toFixed(1)} s; RSS before ${Math.round(e.baseRssMb)} MiB, peak 1st half ${Math.round(e.firstHalf)}, 2nd half ${Math.round(e.secondHalf)} (bench process, server and client in-process)`;
      out.push({
        name: 'api.export.csv.peak_rss',
        value: e.peakRssMb,
        unit: 'MiB',
        target: null,
        better: 'lower',
        note,
      });
      out.push({
        name: 'api.export.csv.rows_per_s',
        value: e.rows / e.seconds,
        unit: 'rows/s',
        target: null,
        better: 'higher',
        note,
      });
    }
    return out;
  });
}

async function serverDb(adminUrl: string): Promise<{ h: DbHandle; drop(): Promise<void> }> {
  const name = `koubei_bench_api_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const h = await openDatabase({ url: u.toString(), poolSize: 10 });
  await runMigrations(h);
  return {
    h,
    async drop() {
      await h.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function runPostgres(ctx: BenchContext): Promise<BenchResult[]> {
  const external = ctx.config.env.TEST_DATABASE_URL;
  const cluster = external ? undefined : await startPgCluster();
  const db = await serverDb(external ?? cluster?.url ?? '');
  try {
    return await runKind(db.h, ctx, 'postgres', Math.round(1_000_000 * ctx.scale));
  } finally {
    await db.drop();
    if (cluster) await cluster.stop();
  }
}

async function runPglite(ctx: BenchContext): Promise<BenchResult[]> {
  const h = await openDatabase({ dataDir: 'memory://' });
  await runMigrations(h);
  try {
    return await runKind(h, ctx, 'pglite', Math.round(200_000 * ctx.scale));
  } finally {
    await h.close();
  }
}

const group: BenchGroup = {
  name: 'api',
  description:
    'API latency under load (overview, search, inbox) on PostgreSQL and PGlite; streaming CSV export memory',
  async run(ctx) {
    return [...(await runPostgres(ctx)), ...(await runPglite(ctx))];
  },
};

export default group;
