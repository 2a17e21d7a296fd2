import express, { type Request, type Response } from 'express';
import { escapeHtml } from '../format/html.ts';
import { hashString } from '../generator/prng.ts';
import { absolute, sendHtml, sendJson } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { Author, ContentItem } from '../types.ts';
import { highlight, intParam, matches, strParam } from './search.ts';

const RISK = {
  error: {
    message:
      '您当前请求存在异常，暂时限制本次访问。如有疑问，您可以通过手机摇一摇或登录后私信知乎小管家反馈。',
    code: 40362,
  },
};
const SIGNATURE = { error: { code: 10003, message: '请求参数异常，请升级客户端后重试' } };

function author(a: Author) {
  const token = a.login.replace(/_/g, '-');
  return {
    id: hashString(`z${a.id}`).toString(16).padStart(8, '0') + (a.id % 10_000).toString(16),
    url_token: token,
    name: a.name,
    avatar_url: `https://picx.zhimg.com/v2-${hashString(token).toString(16)}_l.jpg`,
    headline: '',
    type: 'people',
    user_type: 'people',
    gender: a.gender === 'm' ? 1 : 0,
    url: `https://api.zhihu.com/people/${token}`,
  };
}

/** Content as Zhihu HTML: one <p> per line. */
function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

function objectOf(ctx: SiteContext, req: Request, item: ContentItem, q: string): Record<string, unknown> {
  const comments = ctx.rt.store.children('zhihu', item.id, ctx.rt.now()).length;
  const excerpt = highlight(escapeHtml(item.text.replace(/\n/g, ' ').slice(0, 60)), q, '<em>', '</em>');
  const title = highlight(escapeHtml(item.title), q, '<em>', '</em>');
  const created = Math.floor(item.publishedAt / 1000);
  const common = {
    id: item.id,
    title,
    excerpt,
    content: paragraphs(item.text),
    voteup_count: item.likes,
    comment_count: comments,
    author: author(item.author),
  };
  if (item.extra.zhihuType === 'article') {
    return {
      ...common,
      type: 'article',
      created,
      updated: created,
      url: absolute(req.headers.host, `${ctx.prefix}/p/${item.id}`),
    };
  }
  const qid = item.extra.questionId ?? '0';
  return {
    ...common,
    type: 'answer',
    description: excerpt,
    created_time: created,
    updated_time: created + 600,
    question: {
      id: qid,
      name: title,
      type: 'question',
      url: absolute(req.headers.host, `${ctx.prefix}/question/${qid}`),
    },
    url: absolute(req.headers.host, `${ctx.prefix}/question/${qid}/answer/${item.id}`),
  };
}

function search(ctx: SiteContext, req: Request, res: Response) {
  const q = strParam(req.query.q);
  const offset = Math.max(0, Number.parseInt(strParam(req.query.offset) || '0', 10) || 0);
  const limit = Math.min(intParam(req.query.limit, 20), 20);
  const vertical = strParam(req.query.vertical);
  let hits = q ? ctx.rt.store.topLevel('zhihu', ctx.rt.now()).filter((i) => matches(i, q)) : [];
  if (vertical === 'answer' || vertical === 'article')
    hits = hits.filter((i) => i.extra.zhihuType === vertical);
  if (strParam(req.query.sort) === 'upvoted_count') hits = [...hits].sort((a, b) => b.likes - a.likes);
  const slice = hits.slice(offset, offset + limit);
  const data: unknown[] = slice.map((item, i) => ({
    type: 'search_result',
    highlight: { title: '', description: '' },
    object: objectOf(ctx, req, item, q),
    index: offset + i,
  }));
  if (offset === 0 && slice.length > 0) {
    data.splice(1, 0, {
      type: 'relevant_query',
      query_list: [{ query: `${q}宽带` }, { query: `${q}客服` }, { query: `${q}套餐` }],
    });
    data.splice(3, 0, {
      type: 'knowledge_ad',
      object: { header: { card_title: '知乎知学堂' }, body: { title: `${q}相关课程` } },
    });
  }
  const isEnd = offset + limit >= hits.length;
  const base = `${ctx.prefix}/api/v4/search_v3?t=general&q=${encodeURIComponent(q)}&correction=1&search_source=Filter&limit=${limit}`;
  sendJson(res, {
    data,
    paging: {
      is_end: isEnd,
      next: absolute(req.headers.host, `${base}&offset=${offset + limit}&lc_idx=${offset + limit}`),
    },
    search_action_info: { search_hash_id: hashString(q).toString(16), lc_idx: offset },
  });
}

function comment(ctx: SiteContext, c: ContentItem, withChildren: boolean): Record<string, unknown> {
  const children = ctx.rt.store.children('zhihu', c.id, ctx.rt.now());
  const out: Record<string, unknown> = {
    id: c.id,
    type: 'comment',
    resource_type: 'answer',
    content: escapeHtml(c.text),
    created_time: Math.floor(c.publishedAt / 1000),
    is_delete: false,
    collapsed: false,
    reviewing: false,
    reply_comment_id: c.kind === 'reply' ? (c.parentId ?? '0') : '0',
    reply_root_comment_id: c.kind === 'reply' ? (c.parentId ?? '0') : '0',
    liked: false,
    like_count: c.likes,
    disliked: false,
    dislike_count: 0,
    is_author: false,
    can_like: true,
    can_reply: true,
    author: author(c.author),
    author_tag: [],
    reply_author_tag: [],
    child_comment_count: children.length,
    comment_tag: [
      {
        type: 'ip_info',
        text: `IP 属地${c.author.province}`,
        color: '#8590A6',
        night_color: '#8590A6',
        has_border: false,
      },
    ],
  };
  if (withChildren) out.child_comments = children.slice(0, 2).map((r) => comment(ctx, r, false));
  return out;
}

/** Comment pages; `offset` is an opaque token `{lastId}_{position}_0`. */
function commentPage(ctx: SiteContext, req: Request, res: Response, parentId: string, roots: boolean) {
  const all = ctx.rt.store.children('zhihu', parentId, ctx.rt.now());
  if (all.length === 0)
    return sendJson(
      res,
      { error: { code: 404, message: '评论不存在或已被删除', name: 'NotFoundError' } },
      { status: 404 },
    );
  const token = strParam(req.query.offset);
  const pos = token ? Number(token.split('_')[1] ?? '0') || 0 : 0;
  const limit = Math.min(intParam(req.query.limit, 10), 20);
  const slice = all.slice(pos, pos + limit);
  const last = slice[slice.length - 1];
  const nextToken = `${last?.id ?? parentId}_${pos + slice.length}_0`;
  sendJson(res, {
    data: slice.map((c) => comment(ctx, c, roots)),
    paging: {
      is_end: pos + limit >= all.length,
      is_start: pos === 0,
      totals: all.length,
      next: absolute(
        req.headers.host,
        `${req.baseUrl}${req.path}?order=${strParam(req.query.order) || 'score'}&limit=${limit}&offset=${nextToken}`,
      ),
      previous: absolute(req.headers.host, `${req.baseUrl}${req.path}?order=score&limit=${limit}&offset=`),
    },
  });
}

function detail(ctx: SiteContext, req: Request, res: Response, id: string, kind: 'answer' | 'article') {
  const item = ctx.rt.store.get('zhihu', id);
  if (item?.kind !== 'post' || item.extra.zhihuType !== kind || item.publishedAt > ctx.rt.now()) {
    return sendHtml(res, '<!doctype html><html><body><h1>你似乎来到了没有知识存在的荒原</h1></body></html>', {
      status: 404,
    });
  }
  const obj = objectOf(ctx, req, item, '');
  const a = author(item.author);
  const entities = {
    users: {
      [a.url_token]: {
        id: a.id,
        urlToken: a.url_token,
        name: a.name,
        followerCount: item.author.followers,
        answerCount: item.author.id % 300,
        ipInfo: `IP 属地${item.author.province}`,
      },
    },
    answers: kind === 'answer' ? { [item.id]: obj } : {},
    articles: kind === 'article' ? { [item.id]: obj } : {},
  };
  const json = JSON.stringify({ initialState: { entities } }).replace(/</g, '\\u003c');
  sendHtml(
    res,
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(item.title)} - 知乎</title></head><body><div id="root"></div><script id="js-initialData" type="text/json">${json}</script></body></html>`,
  );
}

function routes(ctx: SiteContext) {
  const r = express.Router();
  r.get('/api/v4/search_v3', (req, res) => search(ctx, req, res));
  r.get('/api/v4/comment_v5/:type/:id/root_comment', (req, res) => {
    const item = ctx.rt.store.get('zhihu', String(req.params.id));
    const type = String(req.params.type);
    if (!item || `${item.extra.zhihuType}s` !== type)
      return sendJson(res, { error: { code: 404, message: '资源不存在' } }, { status: 404 });
    commentPage(ctx, req, res, item.id, true);
  });
  r.get('/api/v4/comment_v5/comment/:id/child_comment', (req, res) =>
    commentPage(ctx, req, res, String(req.params.id), false),
  );
  r.get('/api/v4/me', (req, res) => {
    if (!/(?:^|;\s*)z_c0=/.test(req.headers.cookie ?? ''))
      return sendJson(
        res,
        { error: { code: 100, message: '请求头或参数封装错误', name: 'AuthenticationInvalidRequest' } },
        { status: 401 },
      );
    sendJson(res, {
      id: 'a1b2c3d4e5f6',
      uid: '1234567890',
      name: '监测账号',
      url_token: 'koubei-monitor',
      is_active: true,
    });
  });
  r.get('/question/:qid/answer/:id', (req, res) => detail(ctx, req, res, String(req.params.id), 'answer'));
  r.get('/p/:id', (req, res) => detail(ctx, req, res, String(req.params.id), 'article'));
  return r;
}

/** www.zhihu.com web API v4 (+ zhuanlan article pages at /zhihu/p/{id}). */
export const zhihuSite: SiteModule = {
  kind: 'zhihu',
  blocks: {
    '40362': (_req, res) => sendJson(res, RISK, { status: 403 }),
    '10003': (_req, res) => sendJson(res, SIGNATURE, { status: 403 }),
  },
  cookie: {
    name: 'd_c0',
    paths: ['/api/v4/search_v3', '/api/v4/comment_v5'],
    defaultRequired: false,
    reject: (_req, res) => sendJson(res, SIGNATURE, { status: 403 }),
  },
  routes,
};
