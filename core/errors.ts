/**
 * Errors are named for what happens next, so callers branch on the class, not on message text.
 *
 * - {@link TransientError}: retry with backoff (network blip, database restarting, 5xx).
 * - {@link BlockedError}: the remote site refused us; back off the session or source until `blockedUntil`.
 * - {@link ParseError}: the input is malformed; quarantine it with the raw body, never retry blindly.
 * - {@link ValidationError}: a caller sent bad input; report it (API 400), never retry.
 * - {@link ConfigError}: the configuration is wrong; print the fields and fixes, exit with code 2.
 * - {@link ConflictError}: the request is valid but conflicts with current state (invalid transition).
 * - {@link NotFoundError}: the target does not exist.
 */
export class KoubeiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Retry later with backoff. */
export class TransientError extends KoubeiError {}

/** The site blocked this session or IP. Back off until `blockedUntil`. */
export class BlockedError extends KoubeiError {
  constructor(
    message: string,
    /** Why we think we are blocked, e.g. `http-432`, `ok-100`, `captcha`. */
    readonly signal: string,
    /** When to try again. */
    readonly blockedUntil: Date,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The input could not be parsed. Quarantine it with its raw body. */
export class ParseError extends KoubeiError {
  constructor(
    message: string,
    /** The raw body (or a prefix of it) that failed to parse, kept for inspection. */
    readonly raw?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad input from a caller. */
export class ValidationError extends KoubeiError {
  constructor(
    message: string,
    /** Field-level problems, `path` in dotted form. */
    readonly issues: { path: string; message: string }[] = [],
    /**
     * A stable name for the problem (kebab-case, e.g. `range-too-long`) and its numbers, so clients
     * can say it in their own words instead of matching the English message. Default none.
     */
    readonly problem?: { code: string; params?: Record<string, number> },
  ) {
    super(message);
  }
}

/** One configuration problem: which field, what is wrong, how to fix it. */
export interface ConfigIssue {
  path: string;
  message: string;
  fix?: string;
}

/** The configuration is invalid. The CLI prints the issues and exits with code 2. */
export class ConfigError extends KoubeiError {
  constructor(
    message: string,
    readonly issues: ConfigIssue[] = [],
  ) {
    super(message);
  }

  /** A human-readable, multi-line report. */
  report(): string {
    const lines = this.issues.map(
      (i) => `  - ${i.path || '(root)'}: ${i.message}${i.fix ? `\n    fix: ${i.fix}` : ''}`,
    );
    return [this.message, ...lines].join('\n');
  }
}

/** The state does not allow this action (e.g. an invalid case transition). */
export class ConflictError extends KoubeiError {}

/** The requested thing does not exist. */
export class NotFoundError extends KoubeiError {}

/** The caller is not allowed to do this. */
export class ForbiddenError extends KoubeiError {}

/** True when retrying the same work later may succeed. */
export function isRetryable(err: unknown): boolean {
  return err instanceof TransientError || err instanceof BlockedError;
}
