import { z } from 'zod';

/**
 * The configuration file schema (`koubei.config.json` or `.yaml`). Every option carries its default
 * in its description; `koubei.config.example.yaml` documents a full set-up.
 */

export const CATEGORY_IDS = [
  'network',
  'broadband',
  'billing',
  'plan_data',
  'service',
  'porting',
  'vas_spam',
  'sim_device',
  'privacy_fraud',
  'five_g',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const SOURCE_KINDS = ['weibo', 'tieba', 'zhihu', 'discuz', 'heimao', 'appstore', 'rss'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ROLES = ['admin', 'pr_lead', 'pr_agent', 'brand_manager', 'marketing', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that work cases: they may be assigned one, claim it and respond (the API's `cases.work`). */
export const CASE_WORKER_ROLES = ['admin', 'pr_lead', 'pr_agent'] as const satisfies readonly Role[];

const nonEmpty = z.string().trim().min(1);

export const brandSchema = z.strictObject({
  /** Canonical brand name, e.g. `中国联通`. */
  name: nonEmpty,
  /** True for brands we own (negative mentions open cases). Default false (a competitor). */
  own: z.boolean().default(false),
  /** Other names users write: `联通`, `沃`, `联不通`. Default none. */
  aliases: z.array(nonEmpty).default([]),
  /** Product and plan names that imply the brand: `大王卡`, `天翼`. Default none. */
  products: z.array(nonEmpty).default([]),
  /** Customer-service hotlines: `10010`. Default none. */
  hotlines: z.array(nonEmpty).default([]),
  /** Phrases containing an alias that are NOT this brand: `电信诈骗`, `移动支付`. Default none. */
  exclude: z.array(nonEmpty).default([]),
  /** Chart colour (CSS hex). Default: picked by the dashboard. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
export type BrandConfig = z.infer<typeof brandSchema>;

export const accountSchema = z.strictObject({
  /** Account label, used in logs and health records (never the cookie itself). */
  id: nonEmpty,
  /** Cookie header value for this account. Prefer `cookiesFile` so secrets stay out of the config. */
  cookies: z.string().optional(),
  /** Path to a file holding the cookie header value. */
  cookiesFile: z.string().optional(),
});

export const sourceSchema = z.strictObject({
  /** Unique id of this configured source, e.g. `weibo-main`. Lower-case letters, digits and `-`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and "-"'),
  /** Which adapter crawls it. */
  kind: z.enum(SOURCE_KINDS),
  /** Base URL of the site, e.g. `https://m.weibo.cn`. Private and loopback hosts need `replica: true`. */
  baseUrl: z.url(),
  /** Keyword queries to run. Default none. */
  queries: z.array(nonEmpty).default([]),
  /** Forum board ids (Discuz! `fid`, Tieba forum names). Default none. */
  boards: z.array(nonEmpty).default([]),
  /** App Store app ids, for `appstore`. Default none. */
  appIds: z.array(nonEmpty).default([]),
  /** Feed paths or URLs, for `rss`. Default none. */
  feeds: z.array(nonEmpty).default([]),
  /** Seconds between scheduled crawls of each query. Default 300. */
  intervalSeconds: z.number().int().min(10).default(300),
  /** Crawl this source. Default true. */
  enabled: z.boolean().default(true),
  /** The site is one of our local replicas, so loopback addresses are allowed. Default false. */
  replica: z.boolean().default(false),
  /** Obey robots.txt. Set false only with a documented reason. Default true. */
  respectRobotsTxt: z.boolean().default(true),
  /** Most pages to fetch per query per run. Default 10. */
  maxPagesPerRun: z.number().int().min(1).max(1000).default(10),
  /** Requests per minute to this source's host, shared by all its crawl jobs and any other source on that host (in every process, through Redis). Default 30. */
  maxRequestsPerMinute: z.number().int().min(1).default(30),
  /** Parallel requests to this domain. Default 2. */
  maxConcurrency: z.number().int().min(1).max(64).default(2),
  /** Bodies larger than this many bytes are cut before parsing. Default 5 MiB. */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /**
   * Salt of the site's request signature (Heimao Tousu: the value embedded in the site's JavaScript,
   * which changes with its releases). Default empty: our replicas do not check signatures.
   */
  signatureSalt: z.string().default(''),
  /** Page encoding override (`gbk`, `utf-8`). Default: from the response headers or page. */
  encoding: z.string().optional(),
  /** Accounts whose cookies the session pool rotates. Default none (anonymous). */
  accounts: z.array(accountSchema).default([]),
  /** Proxy URLs to rotate through. Default none (direct). */
  proxyUrls: z.array(z.url()).default([]),
  /** Fetch pages in Chromium instead of plain HTTP. Default false. */
  browser: z.boolean().default(false),
});
export type SourceConfig = z.infer<typeof sourceSchema>;

export const slaSchema = z.strictObject({
  /** Hours from publication to the first-response deadline. Default 24. */
  firstResponseHours: z.number().positive().default(24),
  /** Per-priority overrides of `firstResponseHours`, e.g. `{ "P1": 4 }`. Default none. */
  byPriority: z.partialRecord(z.enum(PRIORITIES), z.number().positive()).default({}),
  /** Fractions of the allowed time at which the assignee is reminded. Default [0.5, 0.8]. */
  reminders: z.array(z.number().gt(0).lt(1)).default([0.5, 0.8]),
  /** Hours after publication at which the case escalates to the team lead. Default 20. */
  escalateAfterHours: z.number().positive().default(20),
  /**
   * Hours a case found late still gets from its detection (never more than its priority's time): a
   * post found 30 h after publication is due this long after it was found, not 6 h before, and its
   * reminders and escalation are spread over that time instead of all firing at once. 0 keeps every
   * deadline at publication + allowed time. Default 4.
   */
  foundLateHours: z.number().min(0).default(4),
  /** A multiplier applied to every duration; tests shrink hours to seconds with it. Default 1. */
  timeScale: z.number().positive().default(1),
});
export type SlaConfig = z.infer<typeof slaSchema>;

export const teamSchema = z.strictObject({
  /** Team id, e.g. `south-network`. `shared` is reserved: channel filters use it for the shared queue. */
  id: nonEmpty.refine((id) => id !== 'shared', {
    message: 'the team id "shared" is reserved for the shared queue; pick another id',
  }),
  /** Display name. Default: the id. */
  name: z.string().optional(),
  /** Username of the team lead, who receives escalations. Default none. */
  lead: z.string().optional(),
  /** Usernames of agents; on-duty agents get cases round-robin. Default none. */
  members: z.array(nonEmpty).default([]),
});

export const routingRuleSchema = z.strictObject({
  /** Complaint categories this rule matches. Default: any. */
  categories: z.array(z.enum(CATEGORY_IDS)).default([]),
  /** Provinces this rule matches, e.g. `广东`. Default: any. */
  regions: z.array(nonEmpty).default([]),
  /** Team that receives matching cases. */
  team: nonEmpty,
});

export const routingSchema = z.strictObject({
  /** Teams of agents. Default none: every case goes to the shared queue. */
  teams: z.array(teamSchema).default([]),
  /** First matching rule wins. Default none. */
  rules: z.array(routingRuleSchema).default([]),
  /**
   * A negative mention published longer ago than this opens no new case (it may still join an open
   * one): a first crawl or a backfill brings history that is past any response window, and turning it
   * into breached cases would bury the live ones. Default 72.
   */
  openCaseMaxAgeHours: z.number().positive().default(72),
});
export type RoutingConfig = z.infer<typeof routingSchema>;

export const CHANNEL_KINDS = ['webhook', 'wecom', 'dingtalk', 'feishu', 'email'] as const;
export const NOTIFY_EVENTS = [
  'case.opened',
  'case.assigned',
  'case.reminder',
  'case.escalated',
  'case.breached',
  'case.resolved',
  'alert.raised',
] as const;

/** URL schemes a channel may use: HTTP(S) for webhooks and chat bots, SMTP for email. */
function channelUrlOk(kind: (typeof CHANNEL_KINDS)[number], url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  return kind === 'email' ? protocol === 'smtp:' || protocol === 'smtps:' : /^https?:$/.test(protocol);
}

export const channelSchema = z
  .strictObject({
    /** Channel id, used for dedup and audit. */
    id: nonEmpty,
    /** Message format. */
    kind: z.enum(CHANNEL_KINDS),
    /** Webhook URL (`http(s)://`), or for email `smtp://[user:pass@]host[:port]?from=addr` (`smtps://` for TLS). */
    url: z.string().min(1),
    /** HMAC secret (webhook, DingTalk, Feishu signing). Prefer an `env:NAME` reference. Default none. */
    secret: z.string().optional(),
    /** Recipients, for email. Default none. */
    to: z.array(z.string()).default([]),
    /** Events sent to this channel. Default: all. */
    events: z.array(z.enum(NOTIFY_EVENTS)).default([...NOTIFY_EVENTS]),
    /**
     * Only cases of these priorities, e.g. `[P1, P2]` for a group chat that should hear of the urgent
     * ones only. Alerts, which have no case, always pass. Default: all priorities.
     */
    priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
    /**
     * Only cases routed to these teams (`routing.teams` ids; `shared` for the shared queue), e.g. a
     * team's own group robot. Alerts always pass. Default: all teams.
     */
    teams: z.array(nonEmpty).min(1).optional(),
    /**
     * At most `max` messages in any `windowSeconds`; past it, messages wait their turn in order (none
     * is dropped). Default: the robot's documented limit, 20 a minute for `wecom` and `dingtalk`,
     * 100 a minute for `feishu` (which also keeps its 5 a second); no limit for `webhook` and `email`.
     */
    rateLimit: z
      .strictObject({
        /** Messages per window. */
        max: z.number().int().min(1).max(10_000),
        /** Window length in seconds. */
        windowSeconds: z.number().min(0.05).max(86_400),
      })
      .optional(),
    /**
     * How long the channel's messages wait after it answers "too fast" (HTTP 429 without Retry-After,
     * DingTalk 130101, WeCom 45009, Feishu 9499 or 11232), in seconds. Default 600 for `dingtalk`
     * (DingTalk mutes a robot for ten minutes), 60 otherwise.
     */
    throttleSeconds: z.number().min(0.05).max(86_400).optional(),
  })
  .superRefine((c, ctx) => {
    if (!channelUrlOk(c.kind, c.url))
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message:
          c.kind === 'email'
            ? 'an email channel needs an smtp:// or smtps:// URL'
            : `a ${c.kind} channel needs an http:// or https:// URL`,
      });
  });

export const queuesSchema = z.strictObject({
  /** Concurrent jobs per worker process, per queue. */
  concurrency: z
    .strictObject({
      /** Default 8. */
      ingest: z.number().int().min(1).default(8),
      /** Default 4. */
      analyze: z.number().int().min(1).default(4),
      /** Default 4. */
      route: z.number().int().min(1).default(4),
      /** Default 4. */
      sla: z.number().int().min(1).default(4),
      /** Default 4. */
      notify: z.number().int().min(1).default(4),
      /** Default 2. */
      crawl: z.number().int().min(1).default(2),
    })
    .prefault({}),
  /**
   * Worker threads that run nlp analysis for the analyze queue, each with its own copy of the model
   * (about 240 MB). 0 analyzes on the event loop. Default 1: the event loop stays free for database
   * and queue traffic while a batch is analyzed.
   */
  analyzeThreads: z.number().int().min(0).max(32).default(1),
  /** Attempts before a job goes to the dead-letter state. Default 8. */
  attempts: z.number().int().min(1).default(8),
  /** First retry delay in ms; doubles each attempt. Default 1000. */
  backoffMs: z.number().int().min(10).default(1000),
});

export const demoSchema = z.strictObject({
  /** Start the local replica sites and crawl them. Default true when no sources are configured. */
  enabled: z.boolean().optional(),
  /** New posts per minute from the live generator. Default 30. */
  postsPerMinute: z.number().min(0).default(30),
  /** Generator seed. Default 42. */
  seed: z.number().int().default(42),
});

export const fileConfigSchema = z.strictObject({
  /** Our brands and their competitors. Default: 中国联通 and the other three operators. */
  brands: z.array(brandSchema).optional(),
  /** Sources to crawl. Default: the demo replicas. */
  sources: z.array(sourceSchema).default([]),
  /** First-response SLA policy. */
  sla: slaSchema.prefault({}),
  /** Teams and assignment rules. */
  routing: routingSchema.prefault({}),
  /** Where notifications go. */
  notifications: z.strictObject({ channels: z.array(channelSchema).default([]) }).prefault({}),
  /** Queue tuning. */
  queues: queuesSchema.prefault({}),
  /** Demo mode (replicas plus live generator). */
  demo: demoSchema.prefault({}),
});
export type FileConfig = z.infer<typeof fileConfigSchema>;

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Environment variables. Only `core/config.ts` reads `process.env`. */
export const envSchema = z.object({
  /** `production` switches logs to JSON and cookies to `secure`. Default `development`. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port for the API and dashboard. Default 3000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. Default `127.0.0.1`; use `0.0.0.0` to serve other machines. */
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL URL. Default: embedded PGlite in `KOUBEI_DATA_DIR/pglite`. */
  DATABASE_URL: z.string().optional(),
  /** Redis URL. Default: a private redis-server started and stopped by koubei. */
  REDIS_URL: z.string().optional(),
  /** Where PGlite, the private Redis and locks live. Default `./data`. */
  KOUBEI_DATA_DIR: z.string().default('data'),
  /** Config file path. Default: `koubei.config.json`, `.yaml` or `.yml` in the working directory, if present. */
  KOUBEI_CONFIG: z.string().optional(),
  /** Password for the first admin user. Default: a random one, printed once. */
  KOUBEI_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Salt for PII hashes. Default: generated once and stored in the data directory. */
  KOUBEI_PII_SALT: z.string().min(16).optional(),
  /** Log level. Default `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Force pretty (`true`) or JSON (`false`) logs. Default: pretty on a terminal outside production. */
  LOG_PRETTY: boolish.optional(),
  /** Chromium binary for the browser adapter and dashboard tests. Default `/usr/bin/chromium`. */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Trust `X-Forwarded-*` from a reverse proxy (enables secure cookies behind TLS). Default false. */
  TRUST_PROXY: boolish.default(false),
  /** PostgreSQL server for the test suite. Default: a throwaway cluster started by the tests. */
  TEST_DATABASE_URL: z.string().optional(),
  /** Set by CI systems. */
  CI: boolish.optional(),
});
export type EnvConfig = z.infer<typeof envSchema>;
