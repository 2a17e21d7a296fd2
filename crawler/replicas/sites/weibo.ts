import express, { type Request, type Response } from 'express';
import { sendHtml, sendJson } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import { intParam, matches, pageOf, strParam } from './search.ts';
import { sweiboAjaxShow, sweiboSearch } from './weibo-browser.ts';
import { bidToMid, mblog, weiboComment, weiboHtml } from './weibo-render.ts';

/** Posts per search page (MediaCrawler assumes 10). */
const PAGE_SIZE = 10;
/** Root comments per hotflow page. */
const COMMENT_PAGE = 10;
const CURSOR_BASE = 139_000_000_000_000;
const CURSOR_STEP = 1_000_003;
const LOGIN_URL = 'https://passport.weibo.com/sso/signin?entry=wapsso&r=https%3A%2F%2Fm.weibo.cn%2F';
const EMPTY = { ok: 0, msg: '这里还没有内容', data: { cards: [] } };

/** Parse `100103type=61&q=联通` (the whole containerid value). */
function parseContainer(containerid: string): { type: string; q: string } | null {
  if (!containerid.startsWith('100103')) return null;
  const params = new URLSearchParams(containerid.slice(6));
  const q = params.get('q') ?? '';
  return q ? { type: params.get('type') ?? '1', q } : null;
}

function postCard(ctx: SiteContext, item: ContentItem) {
  return {
    card_type: 9,
    itemid: `seqid:${item.id}|type:61|t:|pos:1-0-0|q:|ext:&mid=${item.id}&`,
    scheme: `https://m.weibo.cn/status/${item.id}?mblogid=${item.id}&luicode=10000011&lfid=100103`,
    show_type: 0,
    mblog: mblog(ctx, item),
  };
}

/** Non-post cards the search list mixes in (users, topics): no `mblog`. */
function userGroupCard(q: string) {
  const user = (id: number, name: string) => ({
    card_type: 10,
    user: { id, screen_name: name, followers_count: '12.8万', verified: true, verified_type: 7 },
    desc1: `${name}官方微博`,
  });
  return {
    card_type: 11,
    show_type: 1,
    title: `相关用户`,
    card_group: [user(1900000001, `${q}客服`), user(1900000002, `${q}资讯`)],
  };
}

function topicCard(q: string) {
  return {
    card_type: 8,
    title_sub: `#${q}#`,
    desc1: '阅读 3.2亿 讨论 18.6万',
    scheme: `https://m.weibo.cn/search?containerid=231522type%3D1%26q%3D%23${encodeURIComponent(q)}%23`,
  };
}

/** Search result cards: card_type 9 posts, some wrapped in card_type 11 groups, plus non-post cards. */
function searchCards(ctx: SiteContext, posts: ContentItem[], page: number, q: string): unknown[] {
  const cards: unknown[] = page === 1 ? [userGroupCard(q)] : [];
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i];
    if (!post) continue;
    if (i % 5 === 2) {
      const next = posts[i + 1];
      const group = [postCard(ctx, post), ...(next ? [postCard(ctx, next)] : [])];
      cards.push({ card_type: 11, show_type: 0, card_group: group });
      if (next) i++;
    } else cards.push(postCard(ctx, post));
    if (i === 5) cards.push(topicCard(q));
  }
  return cards;
}

function search(ctx: SiteContext, req: Request, res: Response) {
  const containerid = strParam(req.query.containerid);
  const parsed = parseContainer(containerid);
  if (!parsed) return sendJson(res, EMPTY);
  const page = intParam(req.query.page, 1);
  let matched = ctx.rt.store.topLevel('weibo', ctx.rt.now()).filter((p) => matches(p, parsed.q));
  if (parsed.type === '60') matched = [...matched].sort((a, b) => b.likes - a.likes);
  const posts = pageOf(matched, page, PAGE_SIZE);
  if (posts.length === 0) return sendJson(res, EMPTY);
  const more = matched.length > page * PAGE_SIZE;
  sendJson(res, {
    ok: 1,
    data: {
      cardlistInfo: {
        containerid,
        v_p: 42,
        show_style: 1,
        total: matched.length,
        page: more ? page + 1 : null,
        page_type: 'searchall',
        can_shared: 0,
      },
      cards: searchCards(ctx, posts, page, parsed.q),
      scheme: `sinaweibo://cardlist?containerid=${encodeURIComponent(containerid)}`,
      showAppTips: 0,
    },
  });
}

function findPost(ctx: SiteContext, raw: string): ContentItem | undefined {
  const id = /^\d+$/.test(raw) ? raw : bidToMid(raw);
  const item = ctx.rt.store.get('weibo', id);
  return item && item.kind === 'post' && item.publishedAt <= ctx.rt.now() ? item : undefined;
}

function extend(ctx: SiteContext, req: Request, res: Response) {
  const item = findPost(ctx, strParam(req.query.id));
  if (!item) return sendJson(res, { ok: 0, msg: '该微博不存在' });
  const comments = ctx.rt.store.children('weibo', item.id, ctx.rt.now()).length;
  sendJson(res, {
    ok: 1,
    data: {
      ok: 1,
      longTextContent: weiboHtml(item.text),
      reposts_count: item.reposts,
      comments_count: comments,
      attitudes_count: item.likes,
    },
  });
}

function rootComments(ctx: SiteContext, id: string): ContentItem[] {
  return [...ctx.rt.store.children('weibo', id, ctx.rt.now())].sort(
    (a, b) => b.likes - a.likes || Number(a.id) - Number(b.id),
  );
}

function hotflow(ctx: SiteContext, req: Request, res: Response) {
  const item = findPost(ctx, strParam(req.query.id) || strParam(req.query.mid));
  if (!item) return sendJson(res, { ok: 0, msg: '该微博不存在' });
  const cursor = Number(strParam(req.query.max_id) || '0');
  const offset = cursor === 0 ? 0 : (cursor - CURSOR_BASE) / CURSOR_STEP;
  if (!Number.isInteger(offset) || offset < 0) return sendJson(res, { ok: 0, msg: '参数错误' });
  const all = rootComments(ctx, item.id);
  const slice = all.slice(offset, offset + COMMENT_PAGE);
  const next = offset + COMMENT_PAGE < all.length ? CURSOR_BASE + (offset + COMMENT_PAGE) * CURSOR_STEP : 0;
  sendJson(res, {
    ok: 1,
    data: {
      data: slice.map((c, i) => weiboComment(ctx, c, offset + i + 1)),
      total_number: all.length,
      max_id: next,
      max_id_type: 0,
    },
  });
}

function legacyComments(ctx: SiteContext, req: Request, res: Response) {
  const item = findPost(ctx, strParam(req.query.id));
  const page = intParam(req.query.page, 1);
  const all = item ? rootComments(ctx, item.id).slice(0, 50) : [];
  const slice = pageOf(all, page, COMMENT_PAGE);
  if (slice.length === 0) return sendJson(res, { ok: 0, msg: '还没有人评论哦~快来抢沙发！' });
  const max = Math.ceil(all.length / COMMENT_PAGE);
  sendJson(res, {
    ok: 1,
    data: { data: slice.map((c, i) => weiboComment(ctx, c, i + 1)), total_number: all.length, max },
  });
}

function detail(ctx: SiteContext, req: Request, res: Response) {
  const item = findPost(ctx, String(req.params.id ?? ''));
  if (!item)
    return sendHtml(res, '<!DOCTYPE html><html><body><p>微博不存在或暂无查看权限!</p></body></html>', {
      status: 404,
    });
  const status = { ...mblog(ctx, item), text: weiboHtml(item.text), isLongText: false };
  const data = JSON.stringify(
    [{ status, call: 'GetDetail', hotScheme: `sinaweibo://detail?mblogid=${item.id}`, appScheme: '' }],
    null,
    4,
  ).replace(/<\//g, '<\\/');
  sendHtml(
    res,
    `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>微博正文 - 微博HTML5版</title></head><body>\n<div id="app"></div>\n<script>\nvar $render_data = ${data}[0] || {};\n\nvar __wb_performance_data = {v: "1.1.0", m: "detail"};\n</script>\n</body></html>`,
  );
}

function visitor(ctx: SiteContext, req: Request, res: Response) {
  // Own counter, so visitor hand-outs never shift the generator's id stream.
  const sub = `_2AkMvisitor${(ctx.rt.visitorCookies.size + 1).toString(36).padStart(6, '0')}`;
  ctx.rt.visitorCookies.add(sub);
  const back = strParam(req.query.return);
  res.cookie('SUB', sub, { path: '/', httpOnly: true });
  res.cookie('SUBP', '0033WrSXqPxfM72-Ws9jqgMF55529P9D9W5visitor', { path: '/' });
  res.redirect(302, back.startsWith(`${ctx.prefix}/`) ? back : `${ctx.prefix}/`);
}

function home(ctx: SiteContext, req: Request, res: Response) {
  if (!/(?:^|;\s*)SUB=/.test(req.headers.cookie ?? '')) {
    return res.redirect(
      302,
      `${ctx.prefix}/visitor/genvisitor?entry=sinawap&return=${encodeURIComponent(`${ctx.prefix}/`)}`,
    );
  }
  sendHtml(
    res,
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>微博</title></head><body><div id="app"></div></body></html>',
  );
}

function routes(ctx: SiteContext) {
  const r = express.Router();
  r.get('/', (req, res) => home(ctx, req, res));
  r.get('/visitor/genvisitor', (req, res) => visitor(ctx, req, res));
  r.get('/api/config', (req, res) => {
    const sub = /(?:^|;\s*)SUB=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    sendJson(res, {
      ok: 1,
      data: { login: sub !== '' && !sub.startsWith('_2AkM'), st: '', uid: '' },
      preferQuickapp: 0,
    });
  });
  r.get('/api/container/getIndex', (req, res) => search(ctx, req, res));
  r.get('/statuses/extend', (req, res) => extend(ctx, req, res));
  r.get('/comments/hotflow', (req, res) => hotflow(ctx, req, res));
  r.get('/api/comments/show', (req, res) => legacyComments(ctx, req, res));
  r.get(['/detail/:id', '/status/:id'], (req, res) => detail(ctx, req, res));
  r.get('/sweibo/weibo', (req, res) => sweiboSearch(ctx, req, res));
  r.get('/ajax/statuses/show', (req, res) => sweiboAjaxShow(ctx, req, res));
  return r;
}

/** m.weibo.cn (plus the s.weibo.com browser-only search page under /sweibo). */
export const weiboSite: SiteModule = {
  kind: 'weibo',
  blocks: {
    '432': (_req, res) => void res.status(432).end(),
    '418': (_req, res) => void res.status(418).end(),
    'ok-100': (_req, res) => sendJson(res, { ok: -100, url: LOGIN_URL }),
    captcha: (_req, res) =>
      sendJson(res, { ok: 0, msg: '请完成安全验证', url: 'https://m.weibo.cn/security/captcha?from=search' }),
    '403': (_req, res) => sendHtml(res, '<html><body><h1>403 Forbidden</h1></body></html>', { status: 403 }),
  },
  cookie: {
    name: 'SUB',
    paths: ['/api/container/getIndex', '/comments/hotflow', '/statuses/extend', '/sweibo/', '/ajax/'],
    defaultRequired: false,
    reject: (_req, res) => sendJson(res, { ok: -100, url: LOGIN_URL }),
  },
  routes,
};
