import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import {
  ConflictError,
  ForbiddenError,
  type Logger,
  NotFoundError,
  TransientError,
  ValidationError,
} from '../core/index.ts';

/** RFC 9457 problem details: the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level problems for 400s. */
  errors?: { path: string; message: string }[];
  /** Stable problem name (also in `type` as `urn:koubei:problem:<code>`), for clients to translate. */
  code?: string;
  /** The numbers the problem's sentence needs, e.g. `{ maxDays: 366 }`. */
  params?: Record<string, number>;
}

/** The `type` URI of a problem with a stable code (RFC 9457 §3.1.1: a URN need not resolve). */
export const PROBLEM_TYPE_PREFIX = 'urn:koubei:problem:';

/** An error that is already an HTTP status (401, 413, 429…), raised by the API layer itself. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Send a problem+json response. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Map an error to a problem. Unknown errors become a 500 without internals. */
export function toProblem(err: unknown): Problem {
  if (err instanceof ValidationError) {
    const p = err.problem;
    return {
      type: p ? `${PROBLEM_TYPE_PREFIX}${p.code}` : 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: err.message,
      errors: err.issues,
      ...(p ? { code: p.code, ...(p.params ? { params: p.params } : {}) } : {}),
    };
  }
  if (err instanceof HttpError)
    return { type: 'about:blank', title: titleOf(err.status), status: err.status, detail: err.message };
  if (err instanceof NotFoundError)
    return { type: 'about:blank', title: 'Not Found', status: 404, detail: err.message };
  if (err instanceof ForbiddenError)
    return { type: 'about:blank', title: 'Forbidden', status: 403, detail: err.message };
  if (err instanceof ConflictError)
    return { type: 'about:blank', title: 'Conflict', status: 409, detail: err.message };
  if (err instanceof TransientError) {
    return { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: err.message };
  }
  const status =
    (err as { status?: unknown; statusCode?: unknown })?.status ??
    (err as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser errors (malformed JSON, too large) carry a 4xx status.
    return { type: 'about:blank', title: titleOf(status), status, detail: (err as Error).message };
  }
  return { type: 'about:blank', title: 'Internal Server Error', status: 500 };
}

/** The last Express middleware: every error leaves as problem+json. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500 && problem.status !== 503)
      logger.error({ err, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      // A stream failed midway: cut the connection so the client sees an incomplete body.
      res.destroy();
      return;
    }
    sendProblem(res, problem);
  };
}
