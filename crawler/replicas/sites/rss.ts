import express, { type Request, type Response } from 'express';
import { cst, p2, rfc822, ymdHms } from '../format/dates.ts';
import { escapeHtml, escapeXml } from '../format/html.ts';
import type { RssFeed } from '../generator/site-items-other.ts';
import { absolute, send, sendHtml } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';

const ITEMS_PER_FEED = 20;

function items(ctx: SiteContext, feed: RssFeed): ContentItem[] {
  return ctx.rt.store
    .topLevel('rss', ctx.rt.now())
    .filter((i) => i.board === feed)
    .slice(0, ITEMS_PER_FEED);
}

function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
}

/** UTF-8 RSS 2.0: CDATA descriptions, RFC 822 dates, guid isPermaLink="false", absolute links. */
function telecomFeed(ctx: SiteContext, req: Request): string {
  const link = (i: ContentItem) => absolute(req.headers.host, `${ctx.prefix}/news/${i.id}.html`);
  const body = items(ctx, 'telecom')
    .map(
      (i) => ` <item>
  <title>${escapeXml(i.title)}</title>
  <link>${link(i)}</link>
  <guid isPermaLink="false">koubei-news-${i.id}</guid>
  <pubDate>${rfc822(i.publishedAt)}</pubDate>
  <dc:creator>${escapeXml(i.author.name)}</dc:creator>
  <category>通信</category>
  <description><![CDATA[${paragraphs(i.text)}]]></description>
  <content:encoded><![CDATA[${paragraphs(i.text)}<p>（来源：${escapeHtml(i.author.name)}）</p>]]></content:encoded>
 </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
 <title>通信观察</title><link>${absolute(req.headers.host, `${ctx.prefix}/`)}</link><description>通信行业新闻</description><language>zh-cn</language>
${body}
</channel></rss>`;
}

/** GBK RSS: encoding only in the prolog, zone-less dates, relative links, entity-escaped descriptions. */
function gbkFeed(ctx: SiteContext): string {
  const body = items(ctx, 'gbk')
    .map(
      (i) => ` <item>
  <title>${escapeXml(i.title)}</title>
  <link>news/${i.id}.html</link>
  <guid>news/${i.id}.html</guid>
  <author>${escapeXml(i.author.name)}</author>
  <pubDate>${ymdHms(i.publishedAt)}</pubDate>
  <description>${escapeXml(paragraphs(i.text))}</description>
 </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="GBK"?>
<rss version="2.0"><channel>
 <title>地方通信资讯</title><link>${ctx.prefix}/</link><description>地方通信新闻</description>
${body}
</channel></rss>`;
}

function rfc3339(ms: number): string {
  const c = cst(ms);
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}T${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}+08:00`;
}

/** Atom 1.0 feed. */
function atomFeed(ctx: SiteContext, req: Request): string {
  const list = items(ctx, 'atom');
  const entries = list
    .map(
      (i) => ` <entry>
  <id>tag:news.koubei.example,2024:${i.id}</id>
  <title type="text">${escapeXml(i.title)}</title>
  <link rel="alternate" type="text/html" href="${absolute(req.headers.host, `${ctx.prefix}/news/${i.id}.html`)}"/>
  <published>${rfc3339(i.publishedAt)}</published>
  <updated>${rfc3339(i.publishedAt + 60_000)}</updated>
  <author><name>${escapeXml(i.author.name)}</name></author>
  <summary type="html">${escapeXml(paragraphs(i.text.slice(0, 60)))}</summary>
  <content type="html">${escapeXml(paragraphs(i.text))}</content>
 </entry>`,
    )
    .join('\n');
  const updated = list[0] ? rfc3339(list[0].publishedAt) : rfc3339(ctx.rt.now());
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
 <id>tag:news.koubei.example,2024:feed</id>
 <title>运营商动态</title>
 <updated>${updated}</updated>
 <link rel="self" href="${absolute(req.headers.host, `${ctx.prefix}/atom.xml`)}"/>
${entries}
</feed>`;
}

function article(ctx: SiteContext, req: Request, res: Response) {
  const item = ctx.rt.store.get('rss', String(req.params.id ?? ''));
  if (!item || item.publishedAt > ctx.rt.now())
    return sendHtml(res, '<!doctype html><html><body><h1>404 Not Found</h1></body></html>', { status: 404 });
  sendHtml(
    res,
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(item.title)}</title></head><body><article><h1>${escapeHtml(item.title)}</h1><div class="meta"><span class="author">${escapeHtml(item.author.name)}</span> <time datetime="${rfc3339(item.publishedAt)}">${ymdHms(item.publishedAt)}</time></div><div class="content">${paragraphs(item.text)}</div></article></body></html>`,
  );
}

function routes(ctx: SiteContext) {
  const r = express.Router();
  r.get('/', (_req, res) =>
    sendHtml(
      res,
      `<!doctype html><html><head><meta charset="utf-8"><title>通信新闻</title><link rel="alternate" type="application/rss+xml" href="${ctx.prefix}/telecom.xml" title="通信观察"><link rel="alternate" type="application/rss+xml" href="${ctx.prefix}/gbk.xml" title="地方通信资讯"><link rel="alternate" type="application/atom+xml" href="${ctx.prefix}/atom.xml" title="运营商动态"></head><body><ul><li><a href="telecom.xml">通信观察 RSS</a></li><li><a href="gbk.xml">地方通信资讯 RSS (GBK)</a></li><li><a href="atom.xml">运营商动态 Atom</a></li></ul></body></html>`,
    ),
  );
  r.get('/telecom.xml', (req, res) => send(res, telecomFeed(ctx, req), { type: 'application/rss+xml' }));
  r.get('/gbk.xml', (_req, res) =>
    send(res, gbkFeed(ctx), { type: 'application/xml', encoding: 'gbk', declareCharset: false }),
  );
  r.get('/atom.xml', (req, res) => send(res, atomFeed(ctx, req), { type: 'application/atom+xml' }));
  r.get('/news/:id.html', (req, res) => article(ctx, req, res));
  return r;
}

/** News feeds: UTF-8 RSS 2.0, GBK RSS, Atom, plus article pages. */
export const rssSite: SiteModule = {
  kind: 'rss',
  blocks: {
    '403': (_req, res) =>
      send(res, '<html><body><h1>403 Forbidden</h1></body></html>', { type: 'text/html', status: 403 }),
    '429': (_req, res) =>
      send(res, 'Too Many Requests', { type: 'text/plain', status: 429, headers: { 'Retry-After': '60' } }),
  },
  cookie: {
    name: 'session',
    paths: [],
    defaultRequired: false,
    reject: (_req, res) => send(res, '', { type: 'text/html', status: 403 }),
  },
  routes,
};
