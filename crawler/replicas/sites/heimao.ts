import express, { type Request, type Response } from 'express';
import { ymdHm } from '../format/dates.ts';
import { escapeHtml } from '../format/html.ts';
import { HEIMAO_COMPANIES } from '../generator/site-items-other.ts';
import { send, sendHtml } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import { highlight, intParam, matches, pageOf, strParam } from './search.ts';

const STATUS_TEXT: Record<number, string> = { 3: '待分配', 4: '处理中', 6: '已回复', 7: '已完成' };
const LOGIN_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>新浪通行证</title></head><body><div class="login-box"><h2>请先登录</h2><p>使用微博账号登录后即可查看投诉搜索结果</p><a class="btn" href="https://passport.weibo.com/signin/login">微博登录</a></div></body></html>`;

function companyTitle(item: ContentItem): string {
  return item.board || '中国联通';
}

function listItem(ctx: SiteContext, req: Request, item: ContentItem, kw: string) {
  const mark = (s: string) =>
    kw ? highlight(escapeHtml(s), kw, '<span class="code-red">', '</span>') : escapeHtml(s);
  const summary = item.text.length > 100 ? `${item.text.slice(0, 100)}……` : item.text;
  return {
    main: {
      sn: item.id,
      title: mark(item.title),
      summary,
      cotitle: mark(companyTitle(item)),
      issue: item.extra.issue ?? '',
      appeal: item.extra.appeal ?? '',
      cost: item.extra.cost ?? '0',
      timestamp: String(Math.floor(item.publishedAt / 1000)),
      status: item.extra.status ?? 4,
      url: `//${req.headers.host ?? '127.0.0.1'}${ctx.prefix}/complaint/view/${item.id}/`,
      evaluate_u: { attitude: 0, process: 0, satisfaction: 0, evalContent: '' },
      upvote_amount: item.likes,
      share_amount: item.reposts,
      comment_amount: item.extra.companyReply ? 1 : 0,
      uid: String(item.author.id),
    },
    author: {
      title: item.author.name,
      wb_profile: `https://weibo.com/u/${item.author.id}`,
      avatar: `https://tvax1.sinaimg.cn/default/images/default_avatar_${item.author.gender === 'm' ? 'male' : 'female'}_50.gif`,
      location: item.author.id % 9 === 0 ? '其他' : item.author.province,
    },
  };
}

/** JSON, or JSONP when `callback` is given (`try{cb({...});}catch(e){};`). */
function reply(req: Request, res: Response, value: unknown) {
  const cb = strParam(req.query.callback);
  if (/^[A-Za-z_$][\w$]*$/.test(cb))
    return send(res, `try{${cb}(${JSON.stringify(value)});}catch(e){};`, { type: 'application/javascript' });
  send(res, JSON.stringify(value), { type: 'application/json' });
}

function listReply(
  ctx: SiteContext,
  req: Request,
  res: Response,
  items: ContentItem[],
  key: 'lists' | 'complaints',
  kw: string,
) {
  const size = Math.min(intParam(req.query.page_size, 10), 50);
  const page = intParam(req.query.page, 1);
  const pageAmount = Math.max(1, Math.ceil(items.length / size));
  reply(req, res, {
    result: {
      status: { code: 0, msg: 'ok' },
      timestamp: Math.floor(ctx.rt.now() / 1000),
      data: {
        [key]: pageOf(items, page, size).map((i) => listItem(ctx, req, i, kw)),
        pager: {
          current: page,
          next: Math.min(page + 1, pageAmount),
          page_amount: pageAmount,
          item_count: items.length,
        },
      },
    },
  });
}

function detail(ctx: SiteContext, req: Request, res: Response) {
  const item = ctx.rt.store.get('heimao', String(req.params.sn ?? ''));
  if (!item || item.publishedAt > ctx.rt.now())
    return sendHtml(res, '<!doctype html><html><body><p>投诉不存在</p></body></html>', { status: 404 });
  const company = companyTitle(item);
  const couid = HEIMAO_COMPANIES[company] ?? '5000000001';
  const status = STATUS_TEXT[item.extra.status ?? 4] ?? '处理中';
  const replyAt = item.publishedAt + 5 * 3_600_000;
  const steps = [
    `<div class="ts-d-item"><span class="u-name">${escapeHtml(item.author.name)}</span><span class="u-status">投诉发布</span><span class="u-date">${ymdHm(item.publishedAt)}</span><div class="ts-d-cont"><p>${escapeHtml(item.text)}</p></div></div>`,
    item.extra.companyReply && replyAt <= ctx.rt.now()
      ? `<div class="ts-d-item"><span class="u-name">${escapeHtml(company)}</span><span class="u-status">商家已回复</span><span class="u-date">${ymdHm(replyAt)}</span><div class="ts-reply"><p>${escapeHtml(item.extra.companyReply)}</p></div></div>`
      : '',
  ].join('\n');
  const group = item.extra.groupId
    ? `<div class="ts-d-group"><a data-sudaclick="relategroupts_view" href="${ctx.prefix}/grp_comp/view/${item.extra.groupId}" target="_blank">查看集体投诉</a></div>`
    : '';
  sendHtml(
    res,
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(item.title)}_黑猫投诉</title></head><body>
<div class="ts-d-question">
 <h1 class="article">${escapeHtml(item.title)}</h1>
 <div class="ts-q-user clearfix"><span class="u-name">${escapeHtml(item.author.name)}</span><span class="u-date">${ymdHm(item.publishedAt)}</span></div>
 <ul class="ts-q-list">
  <li><label>投诉编号：</label>${item.id}</li>
  <li><label>投诉对象：</label><a href="//${req.headers.host ?? '127.0.0.1'}${ctx.prefix}/company/view/?couid=${couid}">${escapeHtml(company)}</a></li>
  <li><label>投诉问题：</label>${escapeHtml(item.extra.issue ?? '')}</li>
  <li><label>投诉要求：</label>${escapeHtml(item.extra.appeal ?? '')}</li>
  <li><label>涉诉金额：</label>${escapeHtml(item.extra.cost ?? '0')}元</li>
  <li><label>投诉进度：</label><b>${status}</b></li>
 </ul>
</div>
${group}
<div class="ts-d-steplist">
${steps}
</div>
</body></html>`,
  );
}

const STATUS_BY_TYPE: Record<string, readonly number[]> = { '1': [3, 4], '2': [6], '3': [7] };

function routes(ctx: SiteContext) {
  const r = express.Router();
  const visible = () => ctx.rt.store.topLevel('heimao', ctx.rt.now());
  r.get('/api/index/s', (req, res) => {
    const kw = strParam(req.query.keywords);
    listReply(ctx, req, res, kw ? visible().filter((i) => matches(i, kw)) : [], 'lists', kw);
  });
  r.get('/api/index/feed', (req, res) => listReply(ctx, req, res, visible(), 'lists', ''));
  r.get('/api/company/received_complaints', (req, res) => {
    const couid = strParam(req.query.couid);
    const statuses = STATUS_BY_TYPE[strParam(req.query.type)] ?? [3, 4, 6, 7];
    const items = visible().filter(
      (i) => HEIMAO_COMPANIES[companyTitle(i)] === couid && statuses.includes(i.extra.status ?? 4),
    );
    listReply(ctx, req, res, items, 'complaints', '');
  });
  r.get('/complaint/view/:sn', (req, res) => detail(ctx, req, res));
  return r;
}

/** 黑猫投诉 (tousu.sina.com.cn). Keyword search needs a Sina cookie (SUB), as on the real site. */
export const heimaoSite: SiteModule = {
  kind: 'heimao',
  blocks: {
    login: (_req, res) => sendHtml(res, LOGIN_HTML),
    throttle: (req, res) =>
      reply(req, res, {
        result: {
          status: { code: 0, msg: 'ok' },
          data: { lists: [], pager: { current: 1, next: 2, page_amount: 37, item_count: 365 } },
        },
      }),
    'error-code': (req, res) => reply(req, res, { result: { status: { code: -1, msg: '签名验证失败' } } }),
  },
  cookie: {
    name: 'SUB',
    paths: ['/api/index/s'],
    defaultRequired: true,
    reject: (_req, res) => sendHtml(res, LOGIN_HTML),
  },
  routes,
};
