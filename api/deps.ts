import type { Config, Logger, Readiness } from '../core/index.ts';
import type { Db } from '../store/index.ts';
import type { CaseService, Queues } from '../workers/index.ts';

/**
 * What the API needs from the process that serves it. cli/runtime.ts builds it once and calls
 * `startApiServer(deps)`. Only `config`, `logger` and `readiness` are required: without the rest the
 * API starts (health works) and the routes that need a missing piece answer 503.
 */
export interface ApiDeps {
  config: Config;
  logger: Logger;
  readiness: Readiness;
  /**
   * The database accessor. Throws TransientError while the database is still connecting, which the
   * API answers with 503. Default: none (every route that reads data answers 503).
   */
  db?: () => Db;
  /** The workers case service (assign, transition, comment…). Default: none (case actions answer 503). */
  cases?: CaseService;
  /**
   * The workers queues: dead-letter list and retry, and the case-event feed of the live stream.
   * Default: none (the job routes answer 503; the stream sends only heartbeats).
   */
  queues?: Queues;
  /**
   * Start a crawl of one configured source now (the crawler scheduler's trigger), resolving once
   * it is queued. Default: none (`POST /api/v1/sources/:id/crawl` answers 503).
   */
  triggerCrawl?: (sourceId: string) => Promise<{ jobId?: string }>;
  /** Mount Bull Board (admin only) at `/admin/queues` when `queues` is given. Default true. */
  bullBoard?: boolean;
  /**
   * Directory of the built dashboard SPA, served at `/` with history-API fallback when it exists.
   * Default: `dashboards/dist` in the repository.
   */
  dashboardDir?: string;
  /** Session lifetime in hours. Default 12. */
  sessionHours?: number;
  /** Rate limits. */
  rateLimits?: {
    /** Failed logins per IP and username per 15 minutes. Default 10. */
    loginPerWindow?: number;
    /** API calls per caller (key, session or IP) per minute. Default 1200. */
    apiPerMinute?: number;
  };
  /** Milliseconds between SSE heartbeat comments. Default 25,000. */
  streamHeartbeatMs?: number;
}
