import express, { type Request, type Response } from 'express';
import { tiebaListDate, ymdHm } from '../format/dates.ts';
import { escapeHtml, parseQuery, percentEncode } from '../format/html.ts';
import { absolute, send, sendHtml } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import { highlight, intParam, matches, pageOf } from './search.ts';
import {
  dataField,
  floorHtml,
  forumId,
  lzlHtml,
  nickname,
  portrait,
  shownName,
  shownTitle,
  tiebaContent,
} from './tieba-render.ts';

const FLOORS_PER_PAGE = 30;
const THREADS_PER_PAGE = 50;
const LZL_PER_PAGE = 10;

/** Query values: `ie=utf-8` means UTF-8, otherwise Tieba decodes GBK (its historical default). */
function query(req: Request): Map<string, string> {
  const utf8 = /[?&]ie=utf-?8(?:&|$)/i.test(req.originalUrl);
  return parseQuery(req.originalUrl, utf8 ? 'utf-8' : 'gbk');
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="UTF-8"><title>${title}</title>${head}</head><body>\n${body}\n</body></html>`;
}

function forumScript(name: string): string {
  const id = forumId(name);
  return `<script>var PageData = {"tbs": "7a3b${id.toString(16)}", "charset": "UTF-8", "product": "frs"};\nPageData.forum = { id: "${id}", forum_id: "${id}", name: '${escapeHtml(name)}', forum_name: '${escapeHtml(name)}', name_url: "${percentEncode(name, 'gbk')}", first_class: "通信运营商" };</script>`;
}

function searchResult(ctx: SiteContext, item: ContentItem, q: string): string {
  const thread = item.kind === 'post' ? item : ctx.rt.store.get('tieba', item.threadId ?? '');
  if (!thread) return '';
  const pid = item.kind === 'post' ? (item.extra.firstPostId ?? item.id) : item.id;
  const fid = forumId(thread.board);
  const title = `${item.kind === 'post' ? '' : '回复:'}${escapeHtml(thread.title)}`;
  return `<div class="s_post"><span class="p_title"><a data-tid="${thread.id}" data-fid="${fid}" class="bluelink" href="${ctx.prefix}/p/${thread.id}?pid=${pid}&amp;cid=0#${pid}" target="_blank">${highlight(title, q, '<em>', '</em>')}</a></span>
 <div class="p_content">${highlight(escapeHtml(item.text.slice(0, 80)), q, '<em>', '</em>')}</div>
 贴吧：<a data-fid="${fid}" class="p_forum" href="${ctx.prefix}/f?kw=${percentEncode(thread.board, 'gbk')}" target="_blank"><font class="p_violet">${escapeHtml(thread.board)}</font></a>作者：<a href="${ctx.prefix}/home/main?un=${percentEncode(item.author.login, 'gbk')}" target="_blank"><font class="p_violet">${escapeHtml(shownName(item.author))}</font></a>
 <font class="p_green p_date">${ymdHm(item.publishedAt)}</font></div>`;
}

function search(ctx: SiteContext, req: Request, res: Response) {
  const q = query(req);
  const qw = q.get('qw') ?? '';
  const rn = Math.min(intParam(q.get('rn'), 10), 50);
  const pn = intParam(q.get('pn'), 1);
  const onlyThread = q.get('only_thread') === '1';
  const now = ctx.rt.now();
  const threads = ctx.rt.store.topLevel('tieba', now);
  let hits: ContentItem[] = qw ? threads.filter((t) => matches(t, qw)) : [];
  if (!onlyThread && qw) {
    const floors = threads
      .flatMap((t) => ctx.rt.store.children('tieba', t.id, now))
      .filter((f) => matches(f, qw));
    hits = [...hits, ...floors].sort((a, b) => b.publishedAt - a.publishedAt);
  }
  if (q.get('sm') === '0') hits = [...hits].reverse();
  const items = pageOf(hits, pn, rn);
  const pages = Math.ceil(hits.length / rn);
  const link = (n: number) =>
    `${ctx.prefix}/f/search/res?isnew=1&amp;kw=&amp;qw=${percentEncode(qw, 'gbk')}&amp;rn=${rn}&amp;un=&amp;only_thread=${onlyThread ? 1 : 0}&amp;sid=&amp;sd=&amp;ed=&amp;pn=${n}`;
  const pager =
    pn < pages
      ? `<a href="${link(pn + 1)}" class="next">下一页&gt;</a><a href="${link(pages)}" class="last">尾页</a>`
      : '';
  const list =
    items.length > 0
      ? items.map((i) => searchResult(ctx, i, qw)).join('\n')
      : `<div class="search_noresult">抱歉，没有找到与“${escapeHtml(qw)}”相关的结果。</div>`;
  sendHtml(
    res,
    page(
      '百度贴吧_全吧搜索',
      `<div class="s_container clearfix"><div class="s_main">\n<div class="s_post_list">\n${list}\n</div>\n<div class="pager pager-search">${pager}</div>\n</div></div>`,
    ),
  );
}

function lastReply(ctx: SiteContext, thread: ContentItem): ContentItem {
  const floors = ctx.rt.store.children('tieba', thread.id, ctx.rt.now());
  return floors[floors.length - 1] ?? thread;
}

function threadLi(ctx: SiteContext, t: ContentItem): string {
  const now = ctx.rt.now();
  const a = t.author;
  const last = lastReply(ctx, t);
  const replies = ctx.rt.store.children('tieba', t.id, now).length;
  const field = {
    id: Number(t.id),
    author_name: a.login,
    author_nickname: nickname(a),
    author_portrait: portrait(a),
    first_post_id: Number(t.extra.firstPostId),
    reply_num: replies,
    is_bakan: null,
    vid: '',
    is_good: null,
    is_top: null,
    is_protal: null,
    is_membertop: null,
    is_multi_forum: null,
    frs_tpoint: null,
  };
  return `<li class=" j_thread_list clearfix thread_item_box" data-field="${dataField(field)}" data-tid="${t.id}">
 <div class="t_con cleafix"><div class="col2_left j_threadlist_li_left"><span class="threadlist_rep_num center_text" title="回复">${replies}</span></div>
 <div class="col2_right j_threadlist_li_right "><div class="threadlist_lz clearfix">
  <div class="threadlist_title pull_left j_th_tit "><a rel="noreferrer" href="${ctx.prefix}/p/${t.id}" title="${escapeHtml(t.title)}" target="_blank" class="j_th_tit ">${escapeHtml(t.title)}</a></div>
  <div class="threadlist_author pull_right"><span class="tb_icon_author " title="主题作者: ${escapeHtml(shownName(a))}" data-field="${dataField({ user_id: a.id })}"><i class="icon_author"></i><span class="frs-author-name-wrap"><a rel="noreferrer" class="frs-author-name j_user_card " href="${ctx.prefix}/home/main/?id=${portrait(a)}&amp;fr=frs" target="_blank">${escapeHtml(shownName(a))}</a></span></span><span class="pull-right is_show_create_time" title="创建时间">${tiebaListDate(t.publishedAt, now)}</span></div></div>
  <div class="threadlist_detail clearfix"><div class="threadlist_text pull_left"><div class="threadlist_abs threadlist_abs_onlyline ">${tiebaContent(t.text.slice(0, 60))}</div></div>
  <div class="threadlist_author pull_right"><span class="tb_icon_author_rely j_replyer" title="最后回复人: ${escapeHtml(shownName(last.author))}"><i class="icon_replyer"></i><a rel="noreferrer" class="frs-author-name j_user_card " href="${ctx.prefix}/home/main/?id=${portrait(last.author)}&amp;fr=frs">${escapeHtml(shownName(last.author))}</a></span><span class="threadlist_reply_date pull_right j_reply_data" title="最后回复时间">${tiebaListDate(last.publishedAt, now)}</span></div></div>
 </div></div>
</li>`;
}

function forum(ctx: SiteContext, req: Request, res: Response) {
  const q = query(req);
  const kw = q.get('kw') ?? '';
  const offset = Math.max(0, Number.parseInt(q.get('pn') ?? '0', 10) || 0);
  const threads = ctx.rt.store
    .topLevel('tieba', ctx.rt.now())
    .filter((t) => t.board === kw)
    .sort((a, b) => lastReply(ctx, b).publishedAt - lastReply(ctx, a).publishedAt);
  const list = threads
    .slice(offset, offset + THREADS_PER_PAGE)
    .map((t) => threadLi(ctx, t))
    .join('\n');
  const link = (pn: number) =>
    `//${req.headers.host ?? '127.0.0.1'}${ctx.prefix}/f?kw=${encodeURIComponent(kw)}&amp;ie=utf-8&amp;pn=${pn}`;
  const lastPn = Math.max(0, Math.ceil(threads.length / THREADS_PER_PAGE) - 1) * THREADS_PER_PAGE;
  const pager =
    offset + THREADS_PER_PAGE < threads.length
      ? `<a href="${link(offset + THREADS_PER_PAGE)}" class="next pagination-item ">下一页&gt;</a><a href="${link(lastPn)}" class="last pagination-item ">尾页</a>`
      : '';
  const head = `<code class="pagelet_html" id="pagelet_html_frs-header/pagelet/head" style="display:none;"><!--\n<div class="card_title"><a class="card_title_fname" href="${ctx.prefix}/f?kw=${encodeURIComponent(kw)}&amp;ie=utf-8">${escapeHtml(kw)}吧</a></div>\n--></code>`;
  const body = `<code class="pagelet_html" id="pagelet_html_frs-list/pagelet/thread_list" style="display:none;"><!--\n<div id="content_leftList" class="content_leftList clearfix"><ul id="thread_list" class="threadlist_bright j_threadlist_bright">\n${list}\n</ul></div>\n<div class="thread_list_bottom clearfix"><div id="frs_list_pager" class="pagination-default clearfix"><span class="pagination-current pagination-item ">${offset / THREADS_PER_PAGE + 1}</span>${pager}</div></div>\n--></code>`;
  sendHtml(
    res,
    page(
      `${escapeHtml(kw)}吧-百度贴吧`,
      `<div id="pagelet_frs-header/pagelet/head" class="pagelet"></div>${head}\n<div id="content">${body}</div>`,
      forumScript(kw),
    ),
  );
}

function thread(ctx: SiteContext, req: Request, res: Response) {
  const t = ctx.rt.store.get('tieba', String(req.params.tid ?? ''));
  if (t?.kind !== 'post' || t.publishedAt > ctx.rt.now())
    return sendHtml(res, page('贴吧404', '<div class="page404">很抱歉，该贴已被删除。</div>'), {
      status: 404,
    });
  const now = ctx.rt.now();
  const floors = req.query.see_lz === '1' ? [] : ctx.rt.store.children('tieba', t.id, now);
  const all: [ContentItem, string][] = [
    [t, t.extra.firstPostId ?? t.id],
    ...floors.map((f): [ContentItem, string] => [f, f.id]),
  ];
  const pn = intParam(req.query.pn, 1);
  const pages = Math.max(1, Math.ceil(all.length / FLOORS_PER_PAGE));
  const html = pageOf(all, pn, FLOORS_PER_PAGE)
    .map(([f, pid], i) =>
      floorHtml(
        ctx.prefix,
        t,
        f,
        pid,
        (pn - 1) * FLOORS_PER_PAGE + i + 1,
        ctx.rt.store.children('tieba', pid === t.extra.firstPostId ? '' : pid, now).length,
      ),
    )
    .join('\n');
  const link = (n: number) => `${ctx.prefix}/p/${t.id}?pn=${n}`;
  const pager = pn < pages ? `<a href="${link(pn + 1)}">下一页</a><a href="${link(pages)}">尾页</a>` : '';
  const script = `${forumScript(t.board)}<script>PageData.thread = { author: "${escapeHtml(shownName(t.author))}", thread_id: ${t.id}, title: "${escapeHtml(t.title)}", reply_num: ${all.length}, thread_type: "0", topic: {} };</script>`;
  const body = `<div class="core_title_wrap_bright clearfix"><h3 class="core_title_txt pull-left text-overflow  " title="${escapeHtml(shownTitle(t))}" style="width: 396px">${escapeHtml(shownTitle(t))}</h3></div>
<ul class="l_posts_num"><li class="l_pager pager_theme_4 pb_list_pager"><span class="tP">${pn}</span>${pager}</li><li class="l_reply_num" style="margin-left:8px"><span class="red" style="margin-right:3px">${all.length - 1}</span>回复贴，共<span class="red">${pages}</span>页</li></ul>
<div class="p_postlist" id="j_p_postlist">\n${html}\n</div>`;
  sendHtml(res, page(`${escapeHtml(t.title)}【${escapeHtml(t.board)}吧】_百度贴吧`, body, script));
}

function lzl(ctx: SiteContext, req: Request, res: Response) {
  const pid = typeof req.query.pid === 'string' ? req.query.pid : '';
  const replies = ctx.rt.store.children('tieba', pid, ctx.rt.now()).filter((r) => r.kind === 'reply');
  const pn = intParam(req.query.pn, 1);
  const pages = Math.ceil(replies.length / LZL_PER_PAGE);
  const items = pageOf(replies, pn, LZL_PER_PAGE)
    .map((r) => lzlHtml(ctx.prefix, r))
    .join('');
  const next = pn < pages ? `<a href="#${pn + 1}">下一页</a><a href="#${pages}">尾页</a>` : '';
  const pager = `<li class="lzl_li_pager j_lzl_l_p lzl_li_pager_s" data-field="${dataField({ total_num: replies.length, total_page: pages })}"><p class="j_pager l_pager pager_theme_2"><span class="tP">${pn}</span>${next}</p></li>`;
  sendHtml(res, `${items}${pager}`);
}

function wappassUrl(req: Request, ctx: SiteContext): string {
  const back = encodeURIComponent(absolute(req.headers.host, req.originalUrl));
  return absolute(
    req.headers.host,
    `${ctx.prefix}/wappass.baidu.com/static/captcha/tuxing.html?ak=c27bbc89afca0463650ac9bde68ebe06&backurl=${back}&timestamp=${Math.floor(ctx.rt.now() / 1000)}&signature=6b6f75626569`,
  );
}

const SECURITY_PAGE = page(
  '百度安全验证',
  '<div class="timeout"><div class="timeout-img"></div><div class="timeout-title">网络不给力，请稍后重试</div><a class="timeout-button" href="https://www.baidu.com/">返回首页</a></div>',
);

function routes(ctx: SiteContext) {
  const r = express.Router();
  r.get('/f/search/res', (req, res) => search(ctx, req, res));
  r.get('/f', (req, res) => forum(ctx, req, res));
  r.get('/p/comment', (req, res) => lzl(ctx, req, res));
  r.get('/p/:tid', (req, res) => thread(ctx, req, res));
  r.get('/wappass.baidu.com/static/captcha/tuxing.html', (_req, res) => sendHtml(res, SECURITY_PAGE));
  return r;
}

/** Baidu Tieba, classic HTML. */
export const tiebaSite: SiteModule = {
  kind: 'tieba',
  blocks: {
    wappass: (req, res, ctx) => res.redirect(302, wappassUrl(req, ctx)),
    '403': (_req, res) => sendHtml(res, SECURITY_PAGE, { status: 403 }),
    blocked: (_req, res) => send(res, 'blocked', { type: 'text/html' }),
    empty: (_req, res) => send(res, '', { type: 'text/html' }),
  },
  cookie: {
    name: 'BDUSS',
    paths: ['/f', '/p/'],
    defaultRequired: false,
    reject: (req, res, ctx) => res.redirect(302, wappassUrl(req, ctx)),
  },
  routes,
};
