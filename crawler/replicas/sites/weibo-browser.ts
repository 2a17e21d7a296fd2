import type { Request, Response } from 'express';
import { sWeiboDate, weiboDate } from '../format/dates.ts';
import { escapeHtml } from '../format/html.ts';
import { hashString } from '../generator/prng.ts';
import { sendHtml, sendJson } from '../http.ts';
import type { SiteContext } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import { intParam, matches, pageOf, strParam } from './search.ts';
import { bidToMid, midToBid, weiboUser } from './weibo-render.ts';

/**
 * s.weibo.com-style search (`/weibo/sweibo/weibo?q=`). **Needs a browser**: the result cards are built
 * by inline JavaScript from a base64 JSON blob, so a plain HTTP fetch sees an empty `#pl_feedlist_index`.
 * After rendering, the DOM follows the real skeleton: `div.card-wrap[mid]`, `p.txt[node-type]`,
 * `div.from > a`, `a[action-type=feed_list_*]`, `div.card-comment` for reposts, `a.next`, `ul.s-scroll`.
 */
const PAGE_SIZE = 10;
const MAX_PAGES = 50;

/** Plain text → s.weibo.com card HTML (escaped; topics, emoticons and @ as links). */
function sTxt(text: string): string {
  return escapeHtml(text)
    .replace(
      /#([^#\s<>&;]{1,30})#/g,
      (_m, t: string) =>
        `<a href="//s.weibo.com/weibo?q=%23${encodeURIComponent(t)}%23" target="_blank">#${t}#</a>`,
    )
    .replace(
      /\[([^[\]\s]{1,6})\]/g,
      (m) =>
        `<img class="face" alt="${m}" title="${m}" src="//h5.sinaimg.cn/m/emoticon/icon/default/d_${hashString(m).toString(16)}.png">`,
    )
    .replace(
      /@([\u4e00-\u9fa5A-Za-z0-9_-]{1,30})/g,
      (_m, n: string) => `<a href="//weibo.com/n/${n}" target="_blank">@${n}</a>`,
    )
    .replace(/\n/g, '<br>');
}

function cardData(ctx: SiteContext, item: ContentItem) {
  const now = ctx.rt.now();
  const long = item.text.length > 140;
  const original =
    item.extra.repostOf && !item.extra.deletedOriginal
      ? ctx.rt.store.get('weibo', item.extra.repostOf)
      : undefined;
  return {
    mid: item.id,
    uid: item.author.id,
    nick: escapeHtml(item.author.name),
    v: item.author.verified ? 'vblue' : '',
    txt: long
      ? `${sTxt(item.text.slice(0, 120))}…<a href="javascript:void(0);" action-type="fl_unfold">展开<i class="wbicon">c</i></a>`
      : sTxt(item.text),
    full: long
      ? `${sTxt(item.text)}<a href="javascript:void(0);" action-type="fl_fold">收起全文<i class="wbicon">d</i></a>`
      : null,
    time: sWeiboDate(item.publishedAt, now),
    bid: midToBid(item.id),
    source: item.author.client,
    fwd: item.reposts,
    cmt: ctx.rt.store.children('weibo', item.id, now).length,
    like: item.likes,
    pics: Array.from(
      { length: item.extra.pics ?? 0 },
      (_v, i) => `//wx1.sinaimg.cn/thumb150/${hashString(`${item.id}-${i}`).toString(16)}.jpg`,
    ),
    repost: original
      ? {
          mid: original.id,
          uid: original.author.id,
          nick: escapeHtml(original.author.name),
          txt: sTxt(original.text),
          time: sWeiboDate(original.publishedAt, now),
          bid: midToBid(original.id),
          fwd: original.reposts,
          cmt: ctx.rt.store.children('weibo', original.id, now).length,
          like: original.likes,
        }
      : null,
  };
}

/** Parse `custom:2024-11-19-0:2024-11-19-13` (China time, hour without padding) to [from, to). */
function timescope(value: string): [number, number] | null {
  const m = /^custom:(\d{4})-(\d{2})-(\d{2})-(\d{1,2}):(\d{4})-(\d{2})-(\d{2})-(\d{1,2})$/.exec(value);
  if (!m) return null;
  const t = (y?: string, mo?: string, d?: string, h?: string) =>
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h)) - 8 * 3_600_000;
  return [t(m[1], m[2], m[3], m[4]), t(m[5], m[6], m[7], m[8]) + 3_600_000];
}

const RENDERER = `(function(){
var raw=document.getElementById('feed-data').textContent;
var bytes=Uint8Array.from(atob(raw),function(c){return c.charCodeAt(0)});
var d=JSON.parse(new TextDecoder('utf-8').decode(bytes));
function act(t,n){return ' '+t+(n>0?' '+n:'')}
function like(n){return '<button><span class="woo-like-iconWrap"></span><span class="woo-like-count">'+(n>0?n:'赞')+'</span></button>'}
function repost(r){if(!r)return '';return '<div class="card-comment"><div class="con"><div node-type="feed_list_forwardContent"><a href="//weibo.com/'+r.uid+'" nick-name="'+r.nick+'">@'+r.nick+'</a><p class="txt" node-type="feed_list_content">'+r.txt+'</p></div><div class="func"><ul class="act s-fr"><li><a>'+act('转发',r.fwd)+'</a></li><li><a>'+act('评论',r.cmt)+'</a></li><li><a action-type="feed_list_like" action-data="mid='+r.mid+'">'+like(r.like)+'</a></li></ul><p class="from"><a href="//weibo.com/'+r.uid+'/'+r.bid+'?refer_flag=1001030103_">'+r.time+'</a></p></div></div></div>'}
function card(c){return '<div class="card-wrap" action-type="feed_list_item" mid="'+c.mid+'"><div class="card"><div class="card-feed"><div class="avator"><a href="//weibo.com/'+c.uid+'?refer_flag=1001030103_"><img src="//tvax1.sinaimg.cn/crop.0.0.180.180.50/'+c.uid+'.jpg">'+(c.v?'<svg id="woo_svg_'+c.v+'"></svg>':'')+'</a></div><div class="content"><div class="info"><div></div><div><a class="name" href="//weibo.com/'+c.uid+'?refer_flag=1001030103_" nick-name="'+c.nick+'">'+c.nick+'</a></div></div><p class="txt" node-type="feed_list_content" nick-name="'+c.nick+'">'+c.txt+'</p>'+(c.full?'<p class="txt" node-type="feed_list_content_full" nick-name="'+c.nick+'" style="display: none">'+c.full+'</p>':'')+(c.pics.length?'<div class="media media-piclist"><ul>'+c.pics.map(function(p){return '<li><img src="'+p+'"></li>'}).join('')+'</ul></div>':'')+repost(c.repost)+'<div class="from"><a href="//weibo.com/'+c.uid+'/'+c.bid+'?refer_flag=1001030103_">'+c.time+'</a> 来自 <a>'+c.source+'</a></div></div></div><div class="card-act"><ul><li><a action-type="feed_list_forward">'+act('转发',c.fwd)+'</a></li><li><a action-type="feed_list_comment">'+act('评论',c.cmt)+'</a></li><li><a action-type="feed_list_like">'+like(c.like)+'</a></li></ul></div></div></div>'}
var html=d.cards.length?d.cards.map(card).join(''):'<div class="card card-no-result s-pt20b40"><p>抱歉，未找到“'+d.q+'”相关结果。</p></div>';
if(d.pages>1){var lis='';for(var i=1;i<=d.pages;i++){lis+='<li'+(i===d.page?' class="cur"':'')+'><a href="'+d.base+'&page='+i+'">第'+i+'页</a></li>'}html+='<div class="m-page"><div class="list"><ul class="s-scroll">'+lis+'</ul></div>'+(d.page<d.pages?'<a class="next" href="'+d.base+'&page='+(d.page+1)+'">下一页</a>':'')+'</div>'}
document.getElementById('pl_feedlist_index').innerHTML=html;
})();`;

/** The browser-only search page. */
export function sweiboSearch(ctx: SiteContext, req: Request, res: Response) {
  const q = strParam(req.query.q);
  const page = Math.min(intParam(req.query.page, 1), MAX_PAGES);
  const scope = timescope(strParam(req.query.timescope));
  let matched = q ? ctx.rt.store.topLevel('weibo', ctx.rt.now()).filter((p) => matches(p, q)) : [];
  if (scope) matched = matched.filter((p) => p.publishedAt >= scope[0] && p.publishedAt < scope[1]);
  if (strParam(req.query.scope) === 'ori') matched = matched.filter((p) => !p.extra.repostOf);
  const pages = Math.min(MAX_PAGES, Math.ceil(matched.length / PAGE_SIZE));
  const keep = ['q', 'typeall', 'suball', 'timescope', 'scope'].flatMap((k) => {
    const v = strParam(req.query[k]);
    return v ? [`${k}=${encodeURIComponent(v)}`] : [];
  });
  const data = {
    q: escapeHtml(q),
    page,
    pages,
    base: `${ctx.prefix}/sweibo/weibo?${keep.join('&')}`,
    cards: pageOf(matched, page, PAGE_SIZE).map((p) => cardData(ctx, p)),
  };
  const blob = Buffer.from(JSON.stringify(data), 'utf8').toString('base64');
  sendHtml(
    res,
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(q)} - 微博搜索</title></head><body>\n<div class="m-main"><div class="m-con-l"><div id="pl_feedlist_index"><div class="loading">正在加载中…</div></div></div></div>\n<script type="application/octet-stream" id="feed-data">${blob}</script>\n<script>${RENDERER}</script>\n</body></html>`,
  );
}

/** weibo.com `/ajax/statuses/show?id={bid}`: the post with its `region_name`. */
export function sweiboAjaxShow(ctx: SiteContext, req: Request, res: Response) {
  const raw = strParam(req.query.id);
  const item = ctx.rt.store.get('weibo', /^\d+$/.test(raw) ? raw : bidToMid(raw));
  if (!item || item.publishedAt > ctx.rt.now())
    return sendJson(res, { ok: 0, message: '暂无查看权限' }, { status: 400 });
  sendJson(res, {
    ok: 1,
    created_at: weiboDate(item.publishedAt),
    id: Number(item.id),
    idstr: item.id,
    mid: item.id,
    mblogid: midToBid(item.id),
    user: weiboUser(item.author),
    text_raw: item.text,
    text: escapeHtml(item.text),
    region_name: `发布于 ${item.author.province}`,
    reposts_count: item.reposts,
    comments_count: ctx.rt.store.children('weibo', item.id, ctx.rt.now()).length,
    attitudes_count: item.likes,
    isLongText: item.text.length > 140,
  });
}
