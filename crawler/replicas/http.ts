import type { Response } from 'express';
import iconv from 'iconv-lite';

/** Body faults applied when a response is sent (set by the fault middleware). */
export type BodyFault = 'malformed' | 'truncate' | 'wrong-encoding';

/** Options for {@link send}. */
export interface SendOptions {
  /** HTTP status. Default 200. */
  status?: number;
  /** MIME type without parameters, e.g. `text/html`. */
  type: string;
  /** Byte encoding of the body. Default `utf-8`. */
  encoding?: 'utf-8' | 'gbk';
  /** Put `charset=` in Content-Type. Default true (some GBK feeds only declare it in the XML prolog). */
  declareCharset?: boolean;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** The body fault switched on for this response, if any. */
export function bodyFault(res: Response): BodyFault | undefined {
  const v: unknown = res.locals.bodyFault;
  return v === 'malformed' || v === 'truncate' || v === 'wrong-encoding' ? v : undefined;
}

/** Send a text body in the site's encoding, applying any body fault (cut bodies, mislabelled GBK). */
export function send(res: Response, body: string, opts: SendOptions): void {
  const fault = bodyFault(res);
  let text = body;
  let encoding = opts.encoding ?? 'utf-8';
  let declared: string = encoding === 'gbk' ? 'GBK' : 'utf-8';
  if (fault === 'malformed' || fault === 'truncate') text = text.slice(0, Math.floor(text.length * 0.6));
  if (fault === 'wrong-encoding') {
    // GBK bytes labelled UTF-8 in the header and in any meta/prolog declaration.
    text = text
      .replace(/charset=["']?gbk["']?/gi, 'charset=utf-8')
      .replace(/encoding="gbk"/gi, 'encoding="UTF-8"');
    encoding = 'gbk';
    declared = 'utf-8';
  }
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
  const declare = opts.declareCharset ?? true;
  res.status(opts.status ?? 200);
  if (opts.headers) res.set(opts.headers);
  res.set(
    'Content-Type',
    declare || fault === 'wrong-encoding' ? `${opts.type}; charset=${declared}` : opts.type,
  );
  res.send(bytes);
}

/** Send JSON (UTF-8). */
export function sendJson(res: Response, value: unknown, opts: Partial<SendOptions> = {}): void {
  send(res, JSON.stringify(value), { type: 'application/json', ...opts });
}

/** Send an HTML page. */
export function sendHtml(res: Response, html: string, opts: Partial<SendOptions> = {}): void {
  send(res, html, { type: 'text/html', ...opts });
}

/** Cookies of a request as a map (no decoding beyond splitting). */
export function cookiesOf(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** A URL on this replica for the current request (`http://127.0.0.1:1234/weibo/...`). */
export function absolute(host: string | undefined, path: string): string {
  return `http://${host ?? '127.0.0.1'}${path}`;
}
