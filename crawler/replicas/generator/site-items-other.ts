import type { ContentItem, Sentiment } from '../types.ts';
import { BRAND_WEIGHTS } from './brands.ts';
import { fill, HOSTILE_SNIPPETS, slotValues } from './compose.ts';
import { factsOf, makeItem, newAuthor, type BuildContext, type PostSpec } from './items.ts';
import { APP_REVIEWS, COMPANY_REPLIES, HEIMAO_APPEALS, HEIMAO_ISSUES, NEWS } from './phrases-extra.ts';
import { pickProvince } from './names.ts';

/** App Store app ids (made up) per brand. */
export const APP_IDS: Record<string, string> = {
  中国联通: '900100001',
  中国移动: '900100002',
  中国电信: '900100003',
  中国广电: '900100004',
};

/** The RSS feeds and what they look like. */
export const RSS_FEEDS = ['telecom', 'gbk', 'atom'] as const;
export type RssFeed = (typeof RSS_FEEDS)[number];

/** Heimao company uids (made up) per brand. */
export const HEIMAO_COMPANIES: Record<string, string> = {
  中国联通: '5000000001',
  中国移动: '5000000002',
  中国电信: '5000000003',
  中国广电: '5000000004',
};

/** A Heimao complaint (the company reply, when any, lives in `extra.companyReply`). */
export function buildHeimao(ctx: BuildContext, spec: PostSpec, at: number): ContentItem[] {
  const author = newAuthor(ctx, { province: spec.province, city: spec.city });
  const brand = spec.brands[0]?.brand ?? '中国联通';
  const cat = spec.categories[0] ?? 'service';
  const replied = ctx.rng.chance(0.45);
  const item = makeItem(
    {
      source: 'heimao',
      kind: 'post',
      id: ctx.ids.next('heimao'),
      publishedAt: at,
      author,
      title: spec.title,
      text: spec.body,
      board: brand,
      likes: ctx.rng.int(0, 30),
      reposts: ctx.rng.int(0, 5),
      extra: {
        issue: HEIMAO_ISSUES[cat],
        appeal: [...new Set([ctx.rng.pick(HEIMAO_APPEALS), ctx.rng.pick(HEIMAO_APPEALS)])].join(','),
        cost: String(ctx.rng.pick([0, 0, 30, 50, 100, 128, 300, 500, 1200])),
        status: replied ? ctx.rng.pick([6, 7]) : ctx.rng.pick([3, 4]),
        ...(replied ? { companyReply: ctx.rng.pick(COMPANY_REPLIES) } : {}),
        ...(spec.waveId ? { groupId: `G${spec.waveId.replace(/\D/g, '').padStart(8, '1')}` } : {}),
      },
    },
    factsOf(spec),
  );
  return [item];
}

const APP_EXTRAS: Record<Sentiment, readonly string[]> = {
  negative: [
    '希望尽快修复。',
    '客服电话也打不通。',
    '一星都不想给。',
    '已经反馈过好几次了。',
    '用个APP比去营业厅还累。',
  ],
  neutral: ['总体还行。', '期待后续版本。', '希望越做越好。'],
  positive: ['五星好评！', '希望继续保持。', '比以前好用多了。', '👍'],
};

const RATINGS: Record<Sentiment, readonly number[]> = {
  negative: [1, 1, 1, 2],
  neutral: [3, 3, 2, 4],
  positive: [5, 5, 4],
};

/** An App Store review of the operator's app; the brand comes from the app. */
export function buildAppReview(
  ctx: BuildContext,
  at: number,
  brand: string,
  override?: PostSpec,
): ContentItem[] {
  const [title, review, sentiment, cat] = ctx.rng.pick(APP_REVIEWS);
  // A few reviews carry markup; the JSON feed delivers it raw.
  const hostile = !override && ctx.rng.chance(0.03);
  const extra = ctx.rng.chance(0.6) ? ctx.rng.pick(APP_EXTRAS[sentiment]) : '';
  const text = `${ctx.rng.chance(0.3) ? `更新到新版本后，` : ''}${review}${extra}`;
  const body = hostile ? `${text}${ctx.rng.pick(HOSTILE_SNIPPETS)}` : text;
  const author = newAuthor(ctx);
  author.name = ctx.rng.chance(0.4) ? `手机营业厅用户${ctx.rng.int(100, 9999)}` : author.name;
  const facts = override
    ? { ...factsOf(override), brandFromContext: true }
    : {
        ...factsOf({
          title,
          body,
          brands: [{ brand, sentiment }],
          sentiment,
          categories: [cat],
          escalation: false,
          pii: false,
          hostile,
          scenario: null,
          waveId: null,
          brandFromContext: true,
        }),
      };
  const s = override?.sentiment ?? sentiment;
  const item = makeItem(
    {
      source: 'appstore',
      kind: 'post',
      id: ctx.ids.next('appstore'),
      publishedAt: at,
      author,
      title: override?.title ?? title,
      text: override?.body ?? body,
      board: APP_IDS[brand] ?? '900100001',
      likes: ctx.rng.int(0, 12),
      extra: { rating: ctx.rng.pick(RATINGS[s]), appVersion: `11.${ctx.rng.int(0, 4)}.${ctx.rng.int(0, 9)}` },
    },
    facts,
  );
  return [item];
}

/** A news article in one of the RSS feeds. */
export function buildNews(ctx: BuildContext, at: number, override?: PostSpec): ContentItem[] {
  const brand = ctx.rng.weighted(BRAND_WEIGHTS);
  const province = pickProvince(ctx.rng);
  const city = ctx.rng.pick(province.cities);
  const news = ctx.rng.pick(NEWS);
  const slots = slotValues(ctx.rng, brand, brand, news.s, city);
  const author = newAuthor(ctx, { province: province.name, city });
  author.name = ctx.rng.pick(['通信观察', '本报记者', '科技日报', '新闻中心', '通信世界网']);
  const facts = override
    ? factsOf(override)
    : factsOf({
        title: '',
        body: '',
        brands: [{ brand, sentiment: news.s }],
        sentiment: news.s,
        categories: news.cat ? [news.cat] : [],
        escalation: false,
        pii: false,
        hostile: false,
        scenario: null,
        waveId: null,
        brandFromContext: false,
      });
  const item = makeItem(
    {
      source: 'rss',
      kind: 'post',
      id: ctx.ids.next('rss'),
      publishedAt: at,
      author,
      title: override?.title ?? fill(news.title, slots),
      text: override?.body ?? fill(news.body, slots),
      board: ctx.rng.pick(RSS_FEEDS),
    },
    facts,
  );
  return [item];
}
