import iconv from 'iconv-lite';
import {
  type RunningReplicas,
  type StartReplicasOptions,
  startReplicas,
} from '../../../crawler/replicas/index.ts';

/** Fixed clock for deterministic output: 2024-11-19 12:00:00 China time. */
export const NOW = Date.UTC(2024, 10, 19, 4, 0, 0);

/** Start replicas on port 0 with a fixed seed and clock. */
export function start(opts: StartReplicasOptions = {}): Promise<RunningReplicas> {
  return startReplicas({ seed: 42, now: NOW, ...opts });
}

/** A raw HTTP response (no redirect following). */
export interface Raw {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** GET (or other method) without following redirects; text decoded as UTF-8. */
export async function raw(url: string, init: RequestInit = {}): Promise<Raw> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

/** GET JSON. */
export async function json<T = Record<string, unknown>>(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const r = await raw(url, init);
  return { status: r.status, body: JSON.parse(r.text) as T, headers: r.headers };
}

/** Decode GBK bytes. */
export function gbk(bytes: Buffer): string {
  return iconv.decode(bytes, 'gbk');
}

/** Percent-encode in GBK (as a GBK site expects its query values). */
export function gbkQuery(text: string): string {
  return [...iconv.encode(text, 'gbk')]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** The m.weibo.cn search URL for a keyword. */
export function weiboSearchUrl(base: string, q: string, page = 1): string {
  return `${base}/api/container/getIndex?containerid=${encodeURIComponent(`100103type=61&q=${q}`)}&page_type=searchall&page=${page}`;
}

/** Minimal shapes used by the tests. */
export interface Mblog {
  id: string;
  mid: string;
  bid: string;
  text: string;
  created_at: string;
  isLongText: boolean;
  region_name?: string;
  attitudes_count: number | string;
  comments_count: number;
  pics?: unknown;
  user: { id: number; screen_name: string; followers_count: number | string } | null;
  retweeted_status?: Mblog;
}
export interface Card {
  card_type: number;
  mblog?: Mblog;
  card_group?: Card[];
}
export interface SearchBody {
  ok: number;
  msg?: string;
  data: { cards: Card[] };
}

/** Posts of a search page, flattening card_type 11 groups. */
export function postsOf(cards: Card[]): Mblog[] {
  return cards
    .flatMap((c) => [c, ...(c.card_group ?? [])])
    .flatMap((c) => (c.card_type === 9 && c.mblog ? [c.mblog] : []));
}

/** Every post of a Weibo keyword search, following pages until ok != 1. */
export async function allWeiboPosts(base: string, q: string, maxPages = 40): Promise<Mblog[]> {
  const out: Mblog[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { body } = await json<SearchBody>(weiboSearchUrl(base, q, page));
    if (body.ok !== 1) break;
    out.push(...postsOf(body.data.cards));
  }
  return out;
}
