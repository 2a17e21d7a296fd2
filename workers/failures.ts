import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { ZodError } from 'zod';
import {
  BlockedError,
  ConflictError,
  isRetryable,
  NotFoundError,
  ParseError,
  ValidationError,
} from '../core/index.ts';

/**
 * How a failed job continues. Bad input dead-letters at once (UnrecoverableError); a BlockedError
 * (a channel's rate limit) waits until its `blockedUntil`, and an unreachable database or Redis
 * (TransientError) waits and retries, both without using up attempts, so an outage never
 * dead-letters work; anything else retries with exponential backoff and then dead-letters.
 */

/** SQLSTATE classes and codes that mean "try again later". */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123]|40001|40P01|55P03)/;
const TRANSIENT_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|Connection terminated|connection error|timeout exceeded when trying to connect|the database system is (starting|shutting) up|Connection is closed/i;

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur; i++) {
    out.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** True when a database or network error is worth retrying later (connection lost, deadlock…). */
export function isTransientFailure(err: unknown): boolean {
  return causes(err).some((e) => {
    if (isRetryable(e)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || /^E[A-Z]+$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    return typeof message === 'string' && TRANSIENT_MESSAGE.test(message);
  });
}

/** True when retrying cannot help: the input itself is bad. */
export function isInputFailure(err: unknown): boolean {
  return (
    err instanceof ValidationError ||
    err instanceof ParseError ||
    err instanceof ZodError ||
    err instanceof NotFoundError ||
    err instanceof ConflictError
  );
}

/** Delay before the next try after a transient failure: doubling from `baseMs`, capped at 60 s. */
export function transientDelayMs(attemptsStarted: number, baseMs: number): number {
  return Math.min(60_000, baseMs * 2 ** Math.min(Math.max(0, attemptsStarted - 1), 16));
}

/**
 * Turn a processor failure into the error BullMQ should see. Transient failures move the job back to
 * the delayed set (without counting an attempt) and throw DelayedError.
 */
export async function handleFailure(
  err: unknown,
  job: Job,
  token: string | undefined,
  backoffMs: number,
): Promise<never> {
  if (err instanceof UnrecoverableError || err instanceof DelayedError) throw err;
  if (isInputFailure(err)) throw new UnrecoverableError(`${(err as Error).name}: ${(err as Error).message}`);
  if (err instanceof BlockedError && token) {
    // The other side said when (a channel's rate limit): wait that long, without using an attempt.
    await job.moveToDelayed(Math.max(Date.now(), err.blockedUntil.getTime()), token);
    throw new DelayedError();
  }
  if (isTransientFailure(err) && token) {
    await job.moveToDelayed(Date.now() + transientDelayMs(job.attemptsStarted, backoffMs), token);
    throw new DelayedError();
  }
  throw err instanceof Error ? err : new Error(String(err));
}
