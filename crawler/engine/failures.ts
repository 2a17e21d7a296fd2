import { BlockedError, ParseError } from '../../core/index.ts';
import type { AccountRotation } from './accounts.ts';
import { siteTimedBlocks } from './handle.ts';
import type { CrawlRun } from './run.ts';
import type { SiteAdapter } from './types.ts';

/** What the failure hooks need to know about a Crawlee request. */
export interface FailedRequest {
  url: string;
  label: string | undefined;
  userData: Record<string, unknown>;
  retryCount: number;
  noRetry: boolean;
}

/** The session of the failed attempt. */
export interface FailedSession {
  userData: Record<string, unknown>;
  retire(): void;
  markBad(): void;
}

/** Retry and block policy. */
export interface FailurePolicy {
  /** First retry delay in ms; doubles per retry, capped at 30 s. */
  retryBackoffMs: number;
}

/** Marks a request that was refused locally because the source is blocked (not a new block signal). */
export class SourceHaltedError extends Error {
  override name = 'SourceHaltedError';
}

function accountOf(session: FailedSession | undefined): string | undefined {
  const id = session?.userData.accountId;
  return typeof id === 'string' ? id : undefined;
}

/** Bench the session's account and halt the run when no account is left. */
async function onBlocked(
  run: CrawlRun,
  accounts: AccountRotation,
  err: BlockedError,
  session: FailedSession | undefined,
): Promise<void> {
  const now = run.now();
  const accountId = accountOf(session);
  let until = err.blockedUntil;
  if (accountId)
    until = await accounts.block(
      accountId,
      err.signal,
      now,
      siteTimedBlocks.has(err) ? err.blockedUntil : undefined,
    );
  session?.retire();
  run.logger.warn(
    { source: run.source.id, account: accountId, signal: err.signal, until },
    'crawl session blocked',
  );
  if (accounts.available(now).length === 0 && !run.blocked) {
    run.blocked = { signal: err.signal, until: accounts.earliestUnblock(now) ?? until };
  }
}

/**
 * Called before a retry: blocks bench the account (and halt the source when every account is benched),
 * other errors wait with exponential backoff. A body cut at `maxBodyBytes` is not retried.
 */
export async function beforeRetry(
  run: CrawlRun,
  accounts: AccountRotation,
  policy: FailurePolicy,
  req: FailedRequest & { setNoRetry(): void },
  session: FailedSession | undefined,
  err: Error,
): Promise<void> {
  if (err instanceof SourceHaltedError) return req.setNoRetry();
  if (err instanceof BlockedError) {
    await onBlocked(run, accounts, err, session);
    if (run.blocked) req.setNoRetry();
    return;
  }
  if (err instanceof ParseError && req.userData.__truncated === true) return req.setNoRetry();
  session?.markBad();
  const delay = Math.min(policy.retryBackoffMs * 2 ** req.retryCount, 30_000);
  await new Promise((r) => setTimeout(r, delay));
}

/** Called when a request failed for good: the target keeps its cursor; adapters may emit a fallback. */
export async function afterGivingUp(
  run: CrawlRun,
  adapter: SiteAdapter,
  accounts: AccountRotation,
  req: FailedRequest,
  session: FailedSession | undefined,
  err: Error,
): Promise<void> {
  if (err instanceof BlockedError) await onBlocked(run, accounts, err, session);
  const key = String(req.userData.__target ?? '');
  run.fail(key, `${req.label ?? 'request'} ${req.url}: ${err.name}: ${err.message}`.slice(0, 500));
  const t = run.targets.get(key);
  if (t && adapter.onGiveUp && req.label && !(err instanceof SourceHaltedError)) {
    try {
      await adapter.onGiveUp(req.label, run.call(t, req.userData));
    } catch (fallbackErr) {
      run.logger.warn(
        { source: run.source.id, err: (fallbackErr as Error).message },
        'fallback after a failed request also failed',
      );
    }
  }
  run.done(key, false);
}
