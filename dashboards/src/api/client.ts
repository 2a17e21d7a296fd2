/** The API client: same-origin fetch with the session cookie, CSRF header and problem+json errors. */

export const API_BASE = '/api/v1';

/** An API failure, carrying the server's problem+json fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: { path: string; message: string }[];
  /** The API's stable problem name (`range-too-long`…), when it gave one. */
  readonly code: string | undefined;
  /** The numbers that go with {@link ApiError.code}. */
  readonly params: Record<string, number>;
  constructor(
    status: number,
    title: string,
    detail?: string,
    fieldErrors: { path: string; message: string }[] = [],
    problem: { code?: string; params?: Record<string, number> } = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.code = problem.code;
    this.params = problem.params ?? {};
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The CSRF cookie the API sets beside the session cookie (readable by design: double submit). */
function csrfFromCookie(): string | null {
  const m = /(?:^|;\s*)koubei_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** Remember the session's CSRF token; sent as `X-CSRF-Token` on unsafe methods. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 (session expired or revoked). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

/** `?a=1&b=x` from a record, skipping empty values; arrays become repeated keys. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as an expired session (the login request itself). */
  allow401?: boolean;
}

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await res.json()) as {
        title?: unknown;
        detail?: unknown;
        errors?: unknown;
        code?: unknown;
        params?: unknown;
      };
      const title = typeof p.title === 'string' ? p.title : res.statusText;
      const detail = typeof p.detail === 'string' ? p.detail : undefined;
      const errors = Array.isArray(p.errors) ? (p.errors as { path: string; message: string }[]) : [];
      const params: Record<string, number> = {};
      if (p.params && typeof p.params === 'object')
        for (const [k, v] of Object.entries(p.params)) if (typeof v === 'number') params[k] = v;
      const code = typeof p.code === 'string' ? p.code : undefined;
      return new ApiError(res.status, title, detail, errors, { ...(code ? { code } : {}), params });
    } catch {
      // Fall through to the status line.
    }
  }
  return new ApiError(res.status, res.statusText || 'Error');
}

/** One API call. Resolves to the parsed JSON (or null for 204), rejects with ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken ?? csrfFromCookie();
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error');
  }
  if (res.status === 401 && !opts.allow401) onUnauthorized?.();
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return null as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
export const del = <T>(path: string) => request<T>('DELETE', path);
