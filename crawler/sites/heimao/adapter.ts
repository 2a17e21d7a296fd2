import { createHash } from 'node:crypto';
import { ParseError, type SourceConfig } from '../../../core/index.ts';
import type {
  BlockSignal,
  CrawlRequest,
  CrawlTarget,
  FetchedPage,
  HandlerCall,
  ListEntry,
  SiteAdapter,
} from '../../engine/types.ts';
import { DESKTOP_UA, joinUrl, obj } from '../common.ts';
import { complaintMention, envelopeOf, listKey, parseComplaintDetail } from './parse.ts';

/**
 * 黑猫投诉 (tousu.sina.com.cn): keyword search (needs a logged-in Sina cookie; without it the API answers
 * with a login HTML page), the latest feed (`feeds`: the feed type, e.g. `2` = 最新; JSONP, no login),
 * per-company complaint lists (`boards`: company `couid`s) and detail pages with the complaint's steps.
 * Labels: HEIMAO_LIST, HEIMAO_DETAIL.
 */

const PAGE_SIZE = 10;
/**
 * The request signature: SHA-256 (hex) of `ts`, `rs`, the salt and the other values, sorted and
 * joined. The salt is the source's `signatureSalt` (the real one is in the site's JavaScript).
 */
export function heimaoSignature(ts: string, rs: string, values: string[], salt: string): string {
  return createHash('sha256')
    .update([ts, rs, salt, ...values].sort().join(''))
    .digest('hex');
}

/** 16 characters from [0-9a-zA-Z], derived from the inputs (reproducible runs). */
function randomString(seed: string): string {
  return createHash('sha256')
    .update(seed)
    .digest('base64')
    .replace(/[^0-9a-zA-Z]/g, '')
    .padEnd(16, '0')
    .slice(0, 16);
}

function endpoint(
  target: CrawlTarget,
  page: number,
): { path: string; params: Record<string, string>; jsonp: boolean } {
  const paging = { page_size: String(PAGE_SIZE), page: String(page) };
  if (target.kind === 'board')
    return {
      path: 'api/company/received_complaints',
      params: { couid: target.value, type: '1', ...paging },
      jsonp: false,
    };
  if (target.kind === 'feed')
    return { path: 'api/index/feed', params: { type: target.value, ...paging }, jsonp: true };
  return { path: 'api/index/s', params: { keywords: target.value, ...paging }, jsonp: false };
}

/** A list URL with `ts`, `rs` and `signature` first, as the site's own requests have them. */
export function heimaoListUrl(
  source: SourceConfig,
  target: CrawlTarget,
  page: number,
  nowMs: number,
): string {
  const { path, params, jsonp } = endpoint(target, page);
  const ts = String(nowMs);
  const rs = randomString(`${ts}:${target.key}:${page}`);
  const signature = heimaoSignature(ts, rs, Object.values(params), source.signatureSalt);
  const query = new URLSearchParams({
    ts,
    rs,
    signature,
    ...params,
    ...(jsonp ? { callback: `jQuery${ts}` } : {}),
  });
  return joinUrl(source.baseUrl, `${path}?${query.toString()}`);
}

function listRequest(source: SourceConfig, target: CrawlTarget, page: number, nowMs: number): CrawlRequest {
  return {
    url: heimaoListUrl(source, target, page, nowMs),
    label: 'HEIMAO_LIST',
    list: true,
    userData: { page },
    uniqueKey: `heimao-list:${target.key}:${page}`,
  };
}

async function list(page: FetchedPage, call: HandlerCall): Promise<void> {
  const parsed = envelopeOf(page.text, page.url);
  const entries: ListEntry[] = parsed.lists.flatMap((i) => {
    const k = listKey(i);
    return k?.at ? [{ id: k.sn, at: k.at }] : [];
  });
  const more = call.observe(entries);
  const follow: CrawlRequest[] = [];
  for (const item of parsed.lists) {
    const k = listKey(item);
    if (!k?.at) {
      await call.reject('heimao: complaint without sn or timestamp', item);
      continue;
    }
    if (!call.isFresh({ id: k.sn, at: k.at })) continue;
    const url =
      typeof obj(item.main)?.url === 'string'
        ? new URL(String(obj(item.main)?.url), page.url).href
        : joinUrl(call.source.baseUrl, `complaint/view/${k.sn}/`);
    follow.push({ url, label: 'HEIMAO_DETAIL', userData: { item, listUrl: page.url } });
  }
  const pageNo = Number(call.userData.page ?? 1);
  if (more && pageNo < parsed.pager.pageAmount)
    follow.push(listRequest(call.source, call.target, pageNo + 1, call.now.getTime()));
  await call.enqueue(follow);
}

async function detail(page: FetchedPage, call: HandlerCall): Promise<void> {
  const item = obj(call.userData.item) ?? {};
  // A cut page still parses partly; only a complete document is trusted for the full text.
  if (!/<\/html>\s*$/i.test(page.text))
    throw new ParseError(`heimao: complaint page is cut off (${page.url})`, page.text.slice(0, 2000));
  const parsed = parseComplaintDetail(page.text);
  if (parsed.steps.length === 0 && !parsed.title)
    throw new ParseError(`heimao: not a complaint page (${page.url})`, page.text.slice(0, 2000));
  const m = complaintMention(item, parsed, page.url);
  if (m) await call.emit([m]);
}

/** Heimao blocks: the login HTML page instead of JSON, a non-zero status code, an empty list despite a count. */
export function detectHeimaoBlock(page: FetchedPage): BlockSignal | null {
  if (page.status === 403) return { signal: 'http-403', message: 'heimao answered HTTP 403' };
  if (!page.url.includes('/api/')) return null;
  const text = page.text.trimStart();
  if (/^<(?:!doctype|html)/i.test(text) && /登录/.test(text))
    return { signal: 'login', message: 'heimao answered the login page (Sina cookie missing or expired)' };
  let env: ReturnType<typeof envelopeOf>;
  try {
    env = envelopeOf(page.text, page.url);
  } catch {
    return null; // Not an envelope: the handler quarantines it.
  }
  if (env.code !== 0)
    return { signal: 'error-code', message: `heimao status code ${env.code} ${env.msg}`.trim() };
  if (env.lists.length === 0 && env.pager.itemCount > 0 && env.pager.current <= env.pager.pageAmount)
    return {
      signal: 'throttled',
      message: 'heimao returned an empty page despite a non-zero count (risk control)',
    };
  return null;
}

/** The Heimao adapter. */
export const heimaoAdapter: SiteAdapter = {
  kind: 'heimao',
  targetKinds: ['search', 'board', 'feed'],
  start: (source: SourceConfig, target: CrawlTarget) => [listRequest(source, target, 1, Date.now())],
  handlers: { HEIMAO_LIST: list, HEIMAO_DETAIL: detail },
  detectBlock: detectHeimaoBlock,
  headers: (source) => ({
    'User-Agent': DESKTOP_UA,
    'X-Requested-With': 'XMLHttpRequest',
    Referer: joinUrl(source.baseUrl, 'index/search/'),
  }),
  async onGiveUp(label, call) {
    // No detail page: keep the complaint with the list summary.
    if (label !== 'HEIMAO_DETAIL') return;
    const listUrl = typeof call.userData.listUrl === 'string' ? call.userData.listUrl : call.source.baseUrl;
    const m = complaintMention(obj(call.userData.item) ?? {}, null, listUrl);
    if (m) await call.emit([m]);
  },
};
