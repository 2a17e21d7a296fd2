import express, { type Request, type Response } from 'express';
import { ymdHm } from '../format/dates.ts';
import { escapeHtml, parseQuery, percentEncode } from '../format/html.ts';
import { send } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import {
  discuzPage,
  forumName,
  LOGIN_FORM,
  messagePage,
  pager,
  postHtml,
  threadRow,
  typeLabel,
} from './discuz-render.ts';
import { highlight, matches, pageOf } from './search.ts';
import { DISCUZ_FORUMS } from '../generator/site-items.ts';

const THREADS_PER_PAGE = 20;
const POSTS_PER_PAGE = 10;
const RESULTS_PER_PAGE = 10;
const SEARCH_TTL_MS = 3_600_000;

/** Search ids and flood timestamps (per replica instance). */
interface DiscuzState {
  searches: Map<string, { kw: string; tids: string[]; at: number }>;
  lastSearch: Map<string, number>;
  nextId: number;
}

function gbk(res: Response, html: string, status = 200) {
  send(res, html, { type: 'text/html', encoding: 'gbk', status });
}

function q(req: Request): Map<string, string> {
  return parseQuery(req.originalUrl, 'gbk');
}

function threadsOf(ctx: SiteContext, fid: string): ContentItem[] {
  const now = ctx.rt.now();
  return ctx.rt.store
    .topLevel('discuz', now)
    .filter((t) => t.board === fid)
    .map((t) => ({
      t,
      last: ctx.rt.store.children('discuz', t.id, now).at(-1)?.publishedAt ?? t.publishedAt,
    }))
    .sort((a, b) => b.last - a.last)
    .map((x) => x.t);
}

function forumDisplay(ctx: SiteContext, res: Response, fid: string, page: number) {
  if (!DISCUZ_FORUMS[fid]) return gbk(res, messagePage('抱歉，指定的版块不存在'));
  const now = ctx.rt.now();
  const all = threadsOf(ctx, fid);
  const oldest = [...all].sort((a, b) => a.publishedAt - b.publishedAt)[0];
  const normal = all.filter((t) => t !== oldest);
  const rows = (list: ContentItem[], sticky: boolean) =>
    list.map((t) => threadRow(t, ctx.rt.store.children('discuz', t.id, now), now, sticky)).join('\n');
  const pages = Math.max(1, Math.ceil(normal.length / THREADS_PER_PAGE));
  const sticky = page === 1 && oldest ? rows([oldest], true) : '';
  const name = forumName(fid);
  const base = `forum.php?mod=forumdisplay&amp;fid=${fid}`;
  const content = `<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">论坛</a> <em>&rsaquo;</em> <a href="${base}">${name}</a></div></div>
<div class="bm bml pbn"><div class="bm_h cl"><h1 class="xs2"><a href="${base}">${name}</a></h1></div></div>
<div id="threadlist" class="tl bm bmw"><div class="bm_c"><form method="post" autocomplete="off" name="moderate" id="moderate" action="forum.php?mod=topicadmin&amp;action=moderate&amp;fid=${fid}">
<table summary="forum_${fid}" cellspacing="0" cellpadding="0" id="threadlisttableid">
${sticky}
<tbody id="separatorline" class="emptb"><tr class="ts"><td>&nbsp;</td><th>版块主题</th><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tbody>
${rows(pageOf(normal, page, THREADS_PER_PAGE), false)}
</table></form></div></div>
<div class="bm bw0 pgs cl"><span id="fd_page_bottom">${pager(base, page, pages)}</span></div>`;
  gbk(res, discuzPage(name, content, 'pg_forumdisplay'));
}

function viewThread(ctx: SiteContext, res: Response, tid: string, page: number) {
  const now = ctx.rt.now();
  const t = ctx.rt.store.get('discuz', tid);
  if (t?.kind !== 'post' || t.publishedAt > now)
    return gbk(res, messagePage('抱歉，指定的主题不存在或已被删除或正在被审核'));
  const replies = ctx.rt.store.children('discuz', t.id, now);
  const posts: [ContentItem, string][] = [
    [t, t.extra.firstPostId ?? t.id],
    ...replies.map((r): [ContentItem, string] => [r, r.id]),
  ];
  const pages = Math.max(1, Math.ceil(posts.length / POSTS_PER_PAGE));
  const html = pageOf(posts, page, POSTS_PER_PAGE)
    .map(([p, pid], i) =>
      postHtml(
        p,
        pid,
        t.id,
        (page - 1) * POSTS_PER_PAGE + i + 1,
        p.extra.quoteOf ? ctx.rt.store.get('discuz', p.extra.quoteOf) : undefined,
        now,
      ),
    )
    .join('\n');
  const [typeid, label] = typeLabel(t);
  const base = `forum.php?mod=viewthread&amp;tid=${t.id}&amp;extra=page%3D1`;
  const content = `<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">论坛</a> <em>&rsaquo;</em> <a href="forum.php?mod=forumdisplay&amp;fid=${t.board}">${forumName(t.board)}</a> <em>&rsaquo;</em> <a href="thread-${t.id}-1-1.html">${escapeHtml(t.title)}</a></div></div>
<div id="ct" class="wp cl"><div id="pgt" class="pgs mbm cl"><div class="pgt">${pager(base, page, pages)}</div></div>
<div id="postlist" class="pl bm">
<table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">${t.views}</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">${replies.length}</span></div></td>
<td class="plc ptm pbn vwthd"><h1 class="ts"><a href="forum.php?mod=forumdisplay&amp;fid=${t.board}&amp;filter=typeid&amp;typeid=${typeid}">[${label}]</a> <span id="thread_subject">${escapeHtml(t.title)}</span></h1></td></tr></table>
${html}
</div>
<div class="pgs mtm mbm cl">${pager(base, page, pages)}</div></div>`;
  gbk(res, discuzPage(escapeHtml(t.title), content, 'pg_viewthread'));
}

function startSearch(
  ctx: SiteContext,
  state: DiscuzState,
  req: Request,
  res: Response,
  params: Map<string, string>,
) {
  const kw = (params.get('srchtxt') ?? '').trim();
  if (!kw) return gbk(res, messagePage('抱歉，您没有输入搜索关键字'));
  const flood = ctx.rt.options.discuzFloodSeconds ?? 0;
  const client = req.ip ?? 'local';
  const now = ctx.rt.now();
  const last = state.lastSearch.get(client);
  if (flood > 0 && last !== undefined && now - last < flood * 1000)
    return gbk(res, messagePage(`抱歉，您在 ${flood} 秒内只能进行一次搜索`, 'alert_info'));
  state.lastSearch.set(client, now);
  const fulltext = params.get('srchtype') === 'fulltext';
  const tids = ctx.rt.store
    .topLevel('discuz', now)
    .filter((t) =>
      fulltext
        ? matches(t, kw) || ctx.rt.store.children('discuz', t.id, now).some((r) => matches(r, kw))
        : t.title.includes(kw),
    )
    .map((t) => t.id);
  if (tids.length === 0) return gbk(res, messagePage('对不起，没有找到匹配结果。', 'alert_info'));
  state.nextId++;
  const id = String(state.nextId);
  state.searches.set(id, { kw, tids, at: now });
  res.redirect(
    302,
    `search.php?mod=forum&searchid=${id}&orderby=lastpost&ascdesc=desc&searchsubmit=yes&kw=${percentEncode(kw, 'gbk')}`,
  );
}

function results(ctx: SiteContext, state: DiscuzState, res: Response, params: Map<string, string>) {
  const id = params.get('searchid') ?? '';
  const s = state.searches.get(id);
  const now = ctx.rt.now();
  if (!s || now - s.at > SEARCH_TTL_MS) return gbk(res, messagePage('指定的搜索不存在或已过期'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const kwHtml = escapeHtml(s.kw);
  const items = pageOf(s.tids, page, RESULTS_PER_PAGE).flatMap((tid) => {
    const t = ctx.rt.store.get('discuz', tid);
    if (!t) return [];
    const replies = ctx.rt.store.children('discuz', t.id, now).length;
    const hl = (h: string) => highlight(h, kwHtml, '<strong><font color="#ff0000">', '</font></strong>');
    return [
      `<li class="pbw" id="${t.id}">
<h3 class="xs3"><a href="forum.php?mod=viewthread&amp;tid=${t.id}&amp;highlight=${percentEncode(s.kw, 'gbk')}" target="_blank">${hl(escapeHtml(t.title))}</a></h3>
<p>${hl(escapeHtml(t.text.slice(0, 100)))}</p>
<p class="xg1">${replies} 个回复 - ${t.views} 次查看</p>
<p><span>${ymdHm(t.publishedAt)}</span> - <a href="space-uid-${t.author.id}.html" target="_blank">${escapeHtml(t.author.name)}</a> - <a href="forum.php?mod=forumdisplay&amp;fid=${t.board}" target="_blank" class="xi1">${forumName(t.board)}</a></p></li>`,
    ];
  });
  const base = `search.php?mod=forum&amp;searchid=${id}&amp;orderby=lastpost&amp;ascdesc=desc&amp;searchsubmit=yes&amp;kw=${percentEncode(s.kw, 'gbk')}`;
  const content = `<div id="ct" class="ct2 wp cl"><div class="mn"><div class="tl"><div class="sttl mbn"><h2>结果: <em>找到 “<span class="emfont">${kwHtml}</span>” 相关内容 ${s.tids.length} 个</em></h2></div>
<div class="slst mtw" id="threadlist"><ul>
${items.join('\n')}
</ul></div>
<div class="pgs cl mtm">${pager(base, page, Math.ceil(s.tids.length / RESULTS_PER_PAGE))}</div></div></div></div>`;
  gbk(res, discuzPage('搜索', content, 'pg_search'));
}

function forumPhp(ctx: SiteContext, req: Request, res: Response) {
  const p = q(req);
  const page = Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1);
  const mod = p.get('mod') ?? 'index';
  if (mod === 'forumdisplay') return forumDisplay(ctx, res, p.get('fid') ?? '', page);
  if (mod === 'viewthread') return viewThread(ctx, res, p.get('tid') ?? '', page);
  if (mod === 'redirect') {
    const tid = p.get('ptid') ?? p.get('tid') ?? '';
    return void res.redirect(302, `forum.php?mod=viewthread&tid=${tid}#pid${p.get('pid') ?? ''}`);
  }
  const links = Object.entries(DISCUZ_FORUMS)
    .map(([fid, name]) => `<h2><a href="forum.php?mod=forumdisplay&amp;fid=${fid}">${name}</a></h2>`)
    .join('\n');
  gbk(
    res,
    discuzPage('论坛', `<div id="ct" class="wp cl"><div class="fl bm">${links}</div></div>`, 'pg_index'),
  );
}

function routes(ctx: SiteContext) {
  const state: DiscuzState = { searches: new Map(), lastSearch: new Map(), nextId: 0 };
  const r = express.Router();
  r.get(['/', '/forum.php'], (req, res) => forumPhp(ctx, req, res));
  r.get(/^\/forum-(\d+)-(\d+)\.html$/, (req, res) =>
    forumDisplay(ctx, res, String(req.params[0]), Number(req.params[1])),
  );
  r.get(/^\/thread-(\d+)-(\d+)-(\d+)\.html$/, (req, res) =>
    viewThread(ctx, res, String(req.params[0]), Number(req.params[1])),
  );
  r.get('/search.php', (req, res) => {
    const p = q(req);
    if (p.has('searchid')) return results(ctx, state, res, p);
    startSearch(ctx, state, req, res, p);
  });
  r.post('/search.php', express.raw({ type: '*/*', limit: '64kb' }), (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('latin1') : '';
    const p = parseQuery(`?${body}`, 'gbk');
    for (const [k, v] of q(req)) if (!p.has(k)) p.set(k, v);
    startSearch(ctx, state, req, res, p);
  });
  return r;
}

/** A generic Discuz! X3.4 forum, GBK-encoded. */
export const discuzSite: SiteModule = {
  kind: 'discuz',
  blocks: {
    flood: (_req, res, ctx) =>
      gbk(
        res,
        messagePage(
          `抱歉，您在 ${ctx.rt.options.discuzFloodSeconds || 15} 秒内只能进行一次搜索`,
          'alert_info',
        ),
      ),
    toomany: (_req, res) =>
      gbk(res, messagePage('抱歉，站点设置每分钟系统最多响应搜索请求 60 次，请稍候再试', 'alert_info')),
    login: (_req, res) =>
      gbk(res, messagePage('抱歉，您尚未登录，没有权限访问该版块', 'alert_error', LOGIN_FORM)),
  },
  cookie: {
    name: 'Xk9d_2132_auth',
    paths: ['/forum.php', '/search.php', '/forum-', '/thread-'],
    defaultRequired: false,
    reject: (_req, res) =>
      gbk(res, messagePage('抱歉，您尚未登录，没有权限访问该版块', 'alert_error', LOGIN_FORM)),
  },
  routes,
};
