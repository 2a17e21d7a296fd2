import { randomUUID } from 'node:crypto';
import { Configuration, RequestQueue } from '@crawlee/http';
import { ForbiddenError, type Logger, type SourceConfig, silentLogger } from '../../core/index.ts';
import type { Db } from '../../store/index.ts';
import { type EgressProxyOptions, startEgressProxy } from '../net/egress-proxy.ts';
import { type HostRateLimiter, processHostRateLimiter } from '../net/host-rate-limit.ts';
import { assertSafeSourceUrl, type HostResolver } from '../net/ssrf.ts';
import { adapterFor } from '../sites/registry.ts';
import { AccountRotation, loadAccounts } from './accounts.ts';
import { quietCrawleeLogs } from './crawlee-log.ts';
import { createHttpCrawler, type EngineDeps } from './http-crawler.ts';
import { CrawlRun } from './run.ts';
import { type CrawlStateStore, dbCrawlState, memoryCrawlState } from './state-store.ts';
import { targetFromKey, targetsOf } from './targets.ts';
import type { CrawlTarget, MentionSink } from './types.ts';

/** Options for {@link crawlSource}. */
export interface CrawlSourceOptions {
  /** The configured source. */
  source: SourceConfig;
  /** Receives each page's mentions; the cursor only advances after every batch of a target was accepted. */
  sink: MentionSink;
  /** Database for cursors, health, sessions and quarantine. Default: none (in-memory state, see `state`). */
  db?: Db;
  /** State store (wins over `db`). Default: `dbCrawlState(db)` with a db, else a fresh in-memory state. */
  state?: CrawlStateStore;
  /** Only these targets, by cursor key (`联通`, `board:12`, `app:900100001`, `feed:telecom.xml`). Default: all. */
  targets?: string[];
  /** The clock for relative dates and backoffs. Default: the system clock. */
  now?: Date | (() => Date);
  /** Backfill: page back to this time, ignoring the cursor. Default: incremental (stop at the cursor). */
  since?: Date;
  /** List pages per target. Default: the source's `maxPagesPerRun`. */
  maxPages?: number;
  /** Fetch comments/replies of new posts. Default true. */
  comments?: boolean;
  /** Comment pages per post. Default 3. */
  maxCommentPages?: number;
  /** Pages per forum thread. Default 3. */
  maxThreadPages?: number;
  /** First retry delay in ms (doubles per retry, max 30 s). Default 1000. */
  retryBackoffMs?: number;
  /** First block backoff of an account in ms (doubles per consecutive block, max 24 h). Default 900000 (15 min). */
  blockBackoffMs?: number;
  /** Retries per request. Default 3. */
  maxRequestRetries?: number;
  /** Request timeout in seconds. Default 30. */
  requestTimeoutSecs?: number;
  /** Chromium binary for browser sources. Default `/usr/bin/chromium` (pass `config.env.CHROMIUM_PATH`). */
  chromiumPath?: string;
  /** Logger. Default silent. */
  logger?: Logger;
  /** Called as pages and items come in. Default none. */
  onProgress?: (p: CrawlProgress) => void;
  /** DNS resolver for the SSRF checks (the source URL, and each request the browser makes). Default: the system resolver. */
  resolveHost?: HostResolver;
  /** Spaces requests to one site across runs (see {@link HostRateLimiter}). Default: one limiter per process. */
  hostRateLimiter?: HostRateLimiter;
  /**
   * Opens the connections of a browser source's egress proxy once their address passed the SSRF check
   * (tests map made-up public addresses to loopback servers). Default `net.connect`.
   */
  egressConnect?: EgressProxyOptions['connect'];
}

/** Live counters of a run. */
export interface CrawlProgress {
  sourceId: string;
  pages: number;
  items: number;
  pending: number;
}

/** The outcome of {@link crawlSource}. */
export interface CrawlResult {
  sourceId: string;
  /** ok: all done; partial: some requests failed; blocked: every session blocked; skipped: disabled or still blocked; refused: unsafe URL. */
  status: 'ok' | 'partial' | 'blocked' | 'skipped' | 'refused';
  items: number;
  pages: number;
  quarantined: number;
  skippedRequests: { url: string; reason: string }[];
  errors: string[];
  blockedUntil: Date | null;
  blockSignal: string | null;
  targets: { key: string; items: number; pages: number; listPages: number; complete: boolean }[];
  durationMs: number;
}

function clockOf(now: CrawlSourceOptions['now']): () => Date {
  if (now instanceof Date) return () => new Date(now.getTime());
  return now ?? (() => new Date());
}

function emptyResult(
  source: SourceConfig,
  status: CrawlResult['status'],
  extra: Partial<CrawlResult> = {},
): CrawlResult {
  return {
    sourceId: source.id,
    status,
    items: 0,
    pages: 0,
    quarantined: 0,
    skippedRequests: [],
    errors: [],
    blockedUntil: null,
    blockSignal: null,
    targets: [],
    durationMs: 0,
    ...extra,
  };
}

function selectTargets(
  source: SourceConfig,
  keys: string[] | undefined,
  kinds: CrawlTarget['kind'][],
): CrawlTarget[] {
  const all = keys
    ? keys.map((k) => targetsOf(source).find((t) => t.key === k) ?? targetFromKey(k))
    : targetsOf(source);
  return all.filter((t) => kinds.includes(t.kind));
}

/** Checks that refuse a run before any request: unsafe URL, disabled source, every account blocked. */
async function preflight(
  opts: CrawlSourceOptions,
  store: CrawlStateStore,
  accounts: AccountRotation,
  clock: () => Date,
): Promise<CrawlResult | null> {
  const { source } = opts;
  try {
    await assertSafeSourceUrl(source, opts.resolveHost);
  } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
    await store.recordRun({
      sourceId: source.id,
      at: clock(),
      ok: false,
      error: err.message,
      items: 0,
      pages: 0,
    });
    return emptyResult(source, 'refused', { errors: [err.message] });
  }
  if (!source.enabled) return emptyResult(source, 'skipped');
  const now = clock();
  if (accounts.available(now).length === 0) {
    const until = accounts.earliestUnblock(now);
    await store.recordRun({
      sourceId: source.id,
      at: now,
      ok: false,
      error: 'every session is blocked; backing off',
      blockedUntil: until,
      items: 0,
      pages: 0,
    });
    return emptyResult(source, 'skipped', { blockedUntil: until, errors: ['every session is blocked'] });
  }
  return null;
}

function resultOf(run: CrawlRun, started: number): CrawlResult {
  const targets = [...run.targets.values()].map((t) => ({
    key: t.target.key,
    items: t.items,
    pages: t.pages,
    listPages: t.listPages,
    complete: run.complete(t),
  }));
  const allComplete = targets.every((t) => t.complete);
  const status: CrawlResult['status'] = run.blocked ? 'blocked' : allComplete ? 'ok' : 'partial';
  return {
    sourceId: run.source.id,
    status,
    items: run.items,
    pages: run.pages,
    quarantined: run.quarantined,
    skippedRequests: run.skipped,
    errors: run.errors,
    blockedUntil: run.blocked?.until ?? null,
    blockSignal: run.blocked?.signal ?? null,
    targets,
    durationMs: Date.now() - started,
  };
}

/**
 * Crawl one source: every target (or `opts.targets`), paging until items seen in an earlier run, streaming
 * each page's mentions to `sink`. Blocks bench the account and never throw; unparseable responses are
 * quarantined; the health record and the cursors are updated at the end (cursors only for targets whose
 * every request succeeded). Crawlee storage is in memory and private to the run.
 */
export async function crawlSource(opts: CrawlSourceOptions): Promise<CrawlResult> {
  const started = Date.now();
  const { source } = opts;
  const clock = clockOf(opts.now);
  const logger = opts.logger ?? silentLogger();
  const store = opts.state ?? (opts.db ? dbCrawlState(opts.db) : memoryCrawlState());
  const policy = {
    retryBackoffMs: opts.retryBackoffMs ?? 1000,
    blockBackoffMs: opts.blockBackoffMs ?? 900_000,
    maxRequestRetries: opts.maxRequestRetries ?? 3,
    requestTimeoutSecs: opts.requestTimeoutSecs ?? 30,
  };
  await store.ensureSource(source);
  const accounts = new AccountRotation(source.id, await loadAccounts(source), store, {
    blockBackoffMs: policy.blockBackoffMs,
  });
  await accounts.load();
  const refused = await preflight(opts, store, accounts, clock);
  if (refused) return { ...refused, durationMs: Date.now() - started };
  const adapter = adapterFor(source);
  const settings = {
    maxPages: opts.maxPages ?? source.maxPagesPerRun,
    since: opts.since ?? null,
    comments: opts.comments ?? true,
    maxCommentPages: opts.maxCommentPages ?? 3,
    maxThreadPages: opts.maxThreadPages ?? 3,
    clock,
  };
  const run = new CrawlRun(source, store, opts.sink, settings, logger);
  for (const t of selectTargets(source, opts.targets, adapter.targetKinds))
    run.addTarget(t, await store.getCursor(source.id, t.key));
  if (opts.onProgress) {
    const report = opts.onProgress;
    run.onProgress = (r) =>
      report({
        sourceId: source.id,
        pages: r.pages,
        items: r.items,
        pending: [...r.targets.values()].reduce((s, t) => s + t.pending, 0),
      });
  }
  const deps: EngineDeps = {
    run,
    adapter,
    accounts,
    policy,
    hostLimiter: opts.hostRateLimiter ?? processHostRateLimiter,
    ...(opts.resolveHost ? { resolveHost: opts.resolveHost } : {}),
  };
  await execute(deps, opts.chromiumPath ?? '/usr/bin/chromium', opts.egressConnect);
  await run.saveCursors();
  if (!run.blocked) await accounts.recordSuccess(run.usedAccounts, clock());
  const result = resultOf(run, started);
  await store.recordRun({
    sourceId: source.id,
    at: clock(),
    ok: result.status === 'ok',
    error: result.errors[0] ?? (run.blocked ? `blocked: ${run.blocked.signal}` : null),
    blockedUntil: result.blockedUntil,
    blockSignal: result.blockSignal,
    items: result.items,
    pages: result.pages,
  });
  logger.info(
    { source: source.id, status: result.status, items: result.items, pages: result.pages },
    'crawl run finished',
  );
  return result;
}

/** Build the run's private Crawlee storage and crawler, queue the start requests, and run it. */
async function execute(
  deps: EngineDeps,
  chromiumPath: string,
  egressConnect: EgressProxyOptions['connect'],
): Promise<void> {
  quietCrawleeLogs();
  const { run, adapter } = deps;
  const { source } = run;
  const config = new Configuration({ persistStorage: false, purgeOnStart: false });
  const queue = await RequestQueue.open(`koubei-${source.id}-${randomUUID()}`, { config });
  // Chromium resolves names and follows redirects itself, so all its traffic goes through a loopback
  // proxy that checks every host it connects to (and then uses the source's own proxies, if any).
  const egress =
    source.browser && !source.replica
      ? await startEgressProxy({
          upstream: source.proxyUrls,
          ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
          ...(egressConnect ? { connect: egressConnect } : {}),
          onRefused: (host, reason) => {
            run.logger.warn({ source: source.id, host, reason }, 'egress proxy refused a host');
            if (run.errors.length < 50) run.errors.push(`egress proxy refused ${host}: ${reason}`);
          },
        })
      : null;
  try {
    const crawler = source.browser
      ? (await import('./browser-crawler.ts')).createBrowserCrawler(
          deps,
          queue,
          config,
          chromiumPath,
          egress?.url,
        )
      : createHttpCrawler(deps, queue, config);
    run.addRequests = async (requests) => {
      await crawler.addRequests(
        requests.map((r) => ({
          url: r.url,
          label: r.label,
          uniqueKey: r.uniqueKey ?? r.url,
          method: r.method ?? 'GET',
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
          headers: r.headers ?? {},
          userData: { ...r.userData, __target: r.target },
        })),
      );
    };
    for (const t of run.targets.values()) await run.enqueue(t, adapter.start(run.source, t.target));
    await crawler.run();
  } finally {
    await queue.drop().catch(() => {});
    await egress?.close();
  }
}
