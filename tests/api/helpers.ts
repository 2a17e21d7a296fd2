import { sql } from 'drizzle-orm';
import { hashPassword, loadConfig, ROLES, Readiness, type Role, silentLogger } from '../../core/index.ts';
import { type ApiDeps, type ApiServer, startApiServer } from '../../api/index.ts';
import {
  caseMentions,
  createUser,
  type Db,
  type DbKind,
  insertCase,
  mentions,
  rebuildMentionRollups,
  syncBrands,
} from '../../store/index.ts';
import { createCaseService, createQueues, type Queues } from '../../workers/index.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

/** Every role's test password. */
export const PASSWORD = 'correct horse battery';

/** A signed-in HTTP client (cookie jar of one session, CSRF header on unsafe methods). */
export interface Client {
  role: Role | 'anonymous' | 'apikey';
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

/** A running API on port 0 over a fresh database, with one user per role. */
export interface TestApi {
  url: string;
  db: Db;
  t: TestDb;
  server: ApiServer;
  userIds: Record<Role, number>;
  as(role: Role): Promise<Client>;
  anonymous(): Client;
  /** The workers queues, when wired. */
  queues: Queues | undefined;
  bearer(key: string): Client;
  close(): Promise<void>;
}

function makeClient(
  url: string,
  role: Client['role'],
  cookie: string,
  csrf: string,
  extra: Record<string, string> = {},
): Client {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra,
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return {
    role,
    request,
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await request(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
    },
  };
}

/** Sign in over HTTP and return a client holding the session cookie and CSRF token. */
export async function signIn(url: string, username: string, password: string, role: Role): Promise<Client> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return makeClient(url, role, cookie, body.csrfToken);
}

/** Options for {@link startTestApi}. */
export interface StartOptions {
  /** Extra dependencies. */
  deps?: Partial<ApiDeps>;
  /** Wire the real workers queues and case service on the suite's Redis. Default true. */
  workers?: boolean;
}

/** Start the API over a fresh database of `kind` with one user per role. */
export async function startTestApi(kind: DbKind, opts: StartOptions = {}): Promise<TestApi> {
  const t = await createTestDb(kind);
  const config = loadConfig({ file: {}, env: { NODE_ENV: 'test' } });
  await syncBrands(t.db, config.brands);
  const passwordHash = await hashPassword(PASSWORD);
  const userIds = {} as Record<Role, number>;
  for (const role of ROLES) {
    userIds[role] =
      (await createUser(t.db, { username: `u_${role}`, passwordHash, role, team: 'south' })) ?? 0;
  }
  let queues: Queues | undefined;
  let workerDeps: Partial<ApiDeps> = {};
  if (opts.workers !== false) {
    queues = createQueues({ redisUrl: testRedisUrl(), prefix: uniquePrefix('api') });
    const cases = createCaseService({ config, logger: silentLogger(), db: t.db, queues });
    workerDeps = { queues, cases };
  }
  const server = await startApiServer(
    {
      config,
      logger: silentLogger(),
      readiness: new Readiness(),
      db: () => t.db,
      ...workerDeps,
      ...opts.deps,
    },
    { port: 0, host: '127.0.0.1' },
  );
  const clients = new Map<Role, Client>();
  return {
    url: server.url,
    db: t.db,
    t,
    server,
    userIds,
    async as(role) {
      let c = clients.get(role);
      if (!c) {
        c = await signIn(server.url, `u_${role}`, PASSWORD, role);
        clients.set(role, c);
      }
      return c;
    },
    anonymous: () => makeClient(server.url, 'anonymous', '', ''),
    bearer: (key) => makeClient(server.url, 'apikey', '', '', { authorization: `Bearer ${key}` }),
    queues,
    async close() {
      await server.close();
      await queues?.close();
      await t.cleanup();
    },
  };
}

/** Options for {@link seedMentions}. */
export interface SeedOptions {
  /** Mentions to create. */
  count: number;
  /** Newest publish time. Default now. */
  end?: Date;
  /** Spread over this many days before `end`. Default 14. */
  days?: number;
}

/**
 * Insert `count` analyzed mentions in one bulk statement (generate_series), deterministic by
 * row number, then rebuild the rollups. Brands cycle over the four operators, sentiment over
 * neg/neu/pos with more negatives, regions over six provinces.
 */
export async function seedMentions(db: Db, opts: SeedOptions): Promise<void> {
  const end = (opts.end ?? new Date()).toISOString();
  const days = opts.days ?? 14;
  await db.execute(sql`
    insert into mentions (source, external_id, author_id, author_name, author_followers, text, tokens, published_at,
      region, reposts, comments, likes, analyzed_at, sentiment, sentiment_score, brands, brand_sentiments, categories,
      keywords, risk, cluster_id)
    select (array['weibo','tieba','zhihu','heimao'])[1 + g % 4], 'seed:' || g, 'a' || (g % 97), '用户' || (g % 97),
      (g % 97) * 1000, '联通 宽带 断网 第' || g || '条', '联通 宽带 断网 光猫 ' || (array['套餐','信号','客服'])[1 + g % 3],
      ${end}::timestamptz - make_interval(secs => (g::float8 / ${opts.count}) * ${days} * 86400),
      (array['广东','北京','上海','四川','浙江','江苏'])[1 + g % 6], g % 50, g % 20, g % 100, now(),
      (array['neg','neg','neu','pos'])[1 + g % 4], 0.5, array[(array['中国联通','中国移动','中国电信','中国广电'])[1 + g % 4]],
      jsonb_build_array(jsonb_build_object('brand', (array['中国联通','中国移动','中国电信','中国广电'])[1 + g % 4],
        'label', (array['neg','neg','neu','pos'])[1 + g % 4], 'score', 0.5)),
      array[(array['network','broadband','billing','service'])[1 + g % 4]], array['宽带', '断网'], g % 101,
      case when g % 10 = 0 then 1 else null end
    from generate_series(1, ${opts.count}) g`);
  await rebuildMentionRollups(db);
}

/** Options for {@link seedCase}. */
export interface SeedCaseOptions {
  priority?: string;
  assigneeId?: number | null;
  team?: string | null;
  /** First-response deadline, from now, in hours (negative = overdue). Default 24. */
  dueInHours?: number;
  status?: 'new' | 'assigned' | 'in_progress' | 'responded' | 'resolved' | 'closed';
}

let caseSeq = 0;

/** Insert a negative mention and an open case on it; returns both ids. */
export async function seedCase(
  db: Db,
  opts: SeedCaseOptions = {},
): Promise<{ caseId: number; mentionId: number }> {
  caseSeq += 1;
  const now = Date.now();
  const [m] = await db
    .insert(mentions)
    .values({
      source: 'weibo',
      externalId: `case:${caseSeq}:${now}`,
      text: `联通 宽带 又断网了 case ${caseSeq}`,
      tokens: '联通 宽带 断网',
      publishedAt: new Date(now - 3_600_000),
      analyzedAt: new Date(),
      sentiment: 'neg',
      brands: ['中国联通'],
      categories: ['broadband'],
      risk: 70,
    })
    .returning({ id: mentions.id });
  const mentionId = m?.id ?? 0;
  const c = await insertCase(db, {
    priority: opts.priority ?? 'P2',
    brand: '中国联通',
    title: `宽带断网 ${caseSeq}`,
    primaryMentionId: mentionId,
    status: opts.status ?? (opts.assigneeId ? 'assigned' : 'new'),
    assigneeId: opts.assigneeId ?? null,
    team: opts.team ?? null,
    risk: 70,
    categories: ['broadband'],
    publishedAt: new Date(now - 3_600_000),
    detectedAt: new Date(now - 3_000_000),
    firstResponseDueAt: new Date(now + (opts.dueInHours ?? 24) * 3_600_000),
  });
  if (!c) throw new Error('case not inserted');
  await db.insert(caseMentions).values({ caseId: c.id, mentionId, reason: 'opened' });
  return { caseId: c.id, mentionId };
}
