import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { BlockedError, type channelSchema } from '../core/index.ts';
import type { z } from 'zod';
import { throttleMs } from './notify-rate.ts';
import type { Notification } from './types.ts';

/**
 * Channel formats and signing. Generic webhook: JSON body signed with HMAC-SHA256 over
 * `${timestamp}.${body}` (headers X-Koubei-Timestamp, X-Koubei-Signature: `sha256=<hex>`). WeCom
 * robot: markdown. DingTalk robot: `timestamp` + `sign` query parameters (HMAC-SHA256 of
 * `${timestamp}\n${secret}` keyed by the secret, base64). Feishu robot: `timestamp` + `sign` in the
 * body (HMAC-SHA256 with key `${timestamp}\n${secret}` over an empty message, base64), interactive card.
 */

export type ChannelConfig = z.infer<typeof channelSchema>;

/** The generic webhook signature: `sha256=` + hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Options for {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  secret: string;
  /** The raw request body, exactly as received. */
  body: string;
  /** X-Koubei-Timestamp (unix seconds). */
  timestamp: string | null | undefined;
  /** X-Koubei-Signature. */
  signature: string | null | undefined;
  /** Largest accepted clock difference in seconds (replay window). Default 300. */
  toleranceSeconds?: number;
  /** Current time in ms. Default `Date.now()`. */
  now?: number;
}

/** For receivers: true when the signature matches and the timestamp is inside the replay window. */
export function verifyWebhookSignature(opts: VerifyWebhookOptions): boolean {
  const { timestamp, signature } = opts;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const age = Math.abs((opts.now ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(opts.secret, timestamp, opts.body));
  const got = Buffer.from(signature);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** DingTalk robot signature for a timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu robot signature for a timestamp in seconds. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

function markdown(n: Notification): string {
  return [`### ${n.title}`, ...n.lines.map((l) => `> ${l}`), ...(n.url ? [`[查看工单](${n.url})`] : [])].join(
    '\n',
  );
}

/** An HTTP request to make for one channel. */
export interface ChannelRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

function webhookRequest(ch: ChannelConfig, n: Notification, now: number): ChannelRequest {
  const body = JSON.stringify({
    event: n.event,
    key: n.key,
    title: n.title,
    text: n.lines.join('\n'),
    caseId: n.caseId ?? null,
    url: n.url ?? null,
    data: n.data ?? {},
    sentAt: new Date(now).toISOString(),
  });
  const ts = String(Math.floor(now / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-koubei-timestamp': ts,
    'x-koubei-event': n.event,
  };
  if (ch.secret) headers['x-koubei-signature'] = signWebhook(ch.secret, ts, body);
  return { url: ch.url, headers, body };
}

function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/** Build the HTTP request for a channel (email goes through notify-smtp.ts). */
export function channelRequest(ch: ChannelConfig, n: Notification, now = Date.now()): ChannelRequest {
  const json = { 'content-type': 'application/json' };
  switch (ch.kind) {
    case 'webhook':
      return webhookRequest(ch, n, now);
    case 'wecom':
      return {
        url: ch.url,
        headers: json,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(n) } }),
      };
    case 'dingtalk': {
      const url = ch.secret
        ? withQuery(ch.url, { timestamp: String(now), sign: dingtalkSign(ch.secret, now) })
        : ch.url;
      return {
        url,
        headers: json,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: n.title, text: markdown(n) } }),
      };
    }
    case 'feishu': {
      const ts = Math.floor(now / 1000);
      const card = {
        header: {
          title: { tag: 'plain_text', content: n.title },
          template: n.event === 'case.breached' ? 'red' : 'orange',
        },
        elements: [{ tag: 'div', text: { tag: 'lark_md', content: n.lines.join('\n') } }],
      };
      const signed = ch.secret ? { timestamp: String(ts), sign: feishuSign(ch.secret, ts) } : {};
      return {
        url: ch.url,
        headers: json,
        body: JSON.stringify({ ...signed, msg_type: 'interactive', card }),
      };
    }
    default:
      throw new UnrecoverableError(
        `channel ${ch.id}: ${ch.kind} is not an HTTP channel (email is sent by sendEmail)`,
      );
  }
}

/** Robots answer 200 with an error code in the body; a non-zero code is a failure. */
function bodyError(text: string): { code: number; message: string } | null {
  try {
    const j = JSON.parse(text) as {
      errcode?: number;
      code?: number;
      StatusCode?: number;
      errmsg?: string;
      msg?: string;
    };
    const code = j.errcode ?? j.code ?? j.StatusCode ?? 0;
    return code === 0 ? null : { code, message: `code ${code}: ${j.errmsg ?? j.msg ?? text.slice(0, 200)}` };
  } catch {
    return null;
  }
}

/** "Too fast" in a robot's words: DingTalk 130101, WeCom 45009, Feishu 9499 and 11232. */
const THROTTLE_CODES = new Set([130101, 45009, 9499, 11232]);

/** Retry-After in ms (seconds or an HTTP date), when the reply has one. */
function retryAfterMs(res: Response, now: number): number | null {
  const v = res.headers.get('retry-after')?.trim();
  if (!v) return null;
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 86_400_000) : null;
}

/** Options for {@link sendToChannel}. */
export interface SendOptions {
  /** Request timeout in ms. Default 10,000. */
  timeoutMs?: number;
}

/**
 * Deliver one notification. 4xx other than 408/429 cannot succeed on retry: UnrecoverableError. A
 * "too fast" answer is a {@link BlockedError} until when the channel says, else `throttleMs(ch)`.
 */
export async function sendToChannel(
  ch: ChannelConfig,
  n: Notification,
  opts: SendOptions = {},
): Promise<void> {
  const req = channelRequest(ch, n);
  const res = await fetch(req.url, {
    method: 'POST',
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  const now = Date.now();
  const err = res.ok ? bodyError(text) : null;
  if (res.status === 429 || (err && THROTTLE_CODES.has(err.code))) {
    const wait = retryAfterMs(res, now) ?? throttleMs(ch);
    const why = err?.message ?? `HTTP 429 ${text.slice(0, 200)}`;
    throw new BlockedError(`channel ${ch.id}: too fast (${why})`, 'rate-limit', new Date(now + wait));
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408) {
    throw new UnrecoverableError(`channel ${ch.id}: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Error(`channel ${ch.id}: HTTP ${res.status} ${text.slice(0, 200)}`);
  if (err) throw new Error(`channel ${ch.id}: ${err.message}`);
}
