import type { ContentItem } from '../types.ts';
import {
  commentFacts,
  factsOf,
  laterTime,
  makeItem,
  newAuthor,
  type BuildContext,
  type IdSpace,
  type PostSpec,
} from './items.ts';
import { DETAILS, ZHIHU_INTROS } from './phrases-extra.ts';

/** Tieba forum per brand. */
const TIEBA_FORUMS: Record<string, string> = {
  中国联通: '联通',
  中国移动: '中国移动',
  中国电信: '中国电信',
  中国广电: '中国广电',
};

/** Discuz forum ids and names. */
export const DISCUZ_FORUMS: Record<string, string> = {
  '2': '宽带网络',
  '12': '投诉建议',
  '36': '手机通信',
  '41': '灌水闲聊',
};

function primaryBrand(spec: PostSpec): string | null {
  return spec.brands[0]?.brand ?? null;
}

/** Sorted times after `from`. */
function timesAfter(ctx: BuildContext, from: number, count: number, maxMinutes: number): number[] {
  return Array.from({ length: count }, () => laterTime(ctx.rng, from, maxMinutes)).sort((a, b) => a - b);
}

/** Replies (Weibo sub-comments, Tieba 楼中楼, Zhihu child comments) under one comment. */
function addReplies(
  ctx: BuildContext,
  post: ContentItem,
  comment: ContentItem,
  space: IdSpace,
): ContentItem[] {
  const brand = post.truth.brands[0]?.brand ?? null;
  return timesAfter(ctx, comment.publishedAt, ctx.rng.int(1, 12), 180).map((publishedAt) => {
    const reply = commentFacts(ctx.rng, brand, comment.truth.sentiment);
    const text = ctx.rng.chance(0.5) ? `回复@${comment.author.name}:${reply.text}` : reply.text;
    const fields = {
      source: post.source,
      kind: 'reply' as const,
      id: ctx.ids.next(space),
      parentId: comment.id,
      threadId: post.id,
    };
    return makeItem(
      { ...fields, publishedAt, author: newAuthor(ctx), text, board: post.board, likes: ctx.rng.int(0, 5) },
      reply.facts,
    );
  });
}

/** Comments (and replies to them) under a post. */
function addComments(
  ctx: BuildContext,
  post: ContentItem,
  count: number,
  spaces: { comment: IdSpace; reply: IdSpace | null; replyRate: number },
): ContentItem[] {
  const out: ContentItem[] = [];
  const brand = post.truth.brands[0]?.brand ?? null;
  for (const at of timesAfter(ctx, post.publishedAt, count, 720)) {
    const { text, facts } = commentFacts(ctx.rng, brand, post.truth.sentiment);
    const fields = {
      source: post.source,
      kind: 'comment' as const,
      id: ctx.ids.next(spaces.comment),
      parentId: post.id,
      threadId: post.id,
    };
    const comment = makeItem(
      {
        ...fields,
        publishedAt: at,
        author: newAuthor(ctx),
        text,
        board: post.board,
        likes: ctx.rng.int(0, 40),
      },
      facts,
    );
    out.push(comment);
    if (spaces.reply && ctx.rng.chance(spaces.replyRate))
      out.push(...addReplies(ctx, post, comment, spaces.reply));
  }
  return out;
}

function commentCount(ctx: BuildContext, small: number, medium: number, large: number): number {
  const r = ctx.rng.float();
  if (r < 0.6) return ctx.rng.int(0, small);
  if (r < 0.9) return ctx.rng.int(small + 1, medium);
  return ctx.rng.int(medium + 1, large);
}

/** A Weibo post with comments. */
export function buildWeibo(ctx: BuildContext, spec: PostSpec, at: number): ContentItem[] {
  const author = newAuthor(ctx, { province: spec.province, city: spec.city });
  const brand = primaryBrand(spec);
  let text = spec.body;
  if (brand && !text.includes('#') && ctx.rng.chance(0.25))
    text = ctx.rng.chance(0.5) ? `#${brand}# ${text}` : `${text} #${brand}#`;
  const viral = ctx.rng.chance(0.04);
  const pics = ctx.rng.chance(0.2) ? ctx.rng.int(1, 9) : 0;
  const post = makeItem(
    {
      source: 'weibo',
      kind: 'post',
      id: ctx.ids.next('weibo'),
      publishedAt: at,
      author,
      text,
      likes: viral ? ctx.rng.int(10_000, 60_000) : ctx.rng.int(0, 80),
      reposts: viral ? ctx.rng.int(1000, 9000) : ctx.rng.int(0, 10),
      extra: { pics, picsAsObject: pics > 0 && ctx.rng.chance(0.3), stringCounts: viral },
    },
    factsOf(spec),
    text.length > 140,
  );
  return [
    post,
    ...addComments(ctx, post, commentCount(ctx, 4, 15, 30), {
      comment: 'weibo',
      reply: 'weibo',
      replyRate: 0.2,
    }),
  ];
}

/** A Weibo repost of `original` (or of a deleted original when null). */
export function buildWeiboRepost(
  ctx: BuildContext,
  original: ContentItem | null,
  at: number,
  spec: PostSpec,
): ContentItem[] {
  const author = newAuthor(ctx);
  const chain =
    original && ctx.rng.chance(0.3) ? `//@${original.author.name}:${original.text.slice(0, 20)}` : '';
  const post = makeItem(
    {
      source: 'weibo',
      kind: 'post',
      id: ctx.ids.next('weibo'),
      publishedAt: at,
      author,
      text: `${spec.body}${chain}`,
      likes: ctx.rng.int(0, 20),
      reposts: ctx.rng.int(0, 3),
      extra: original
        ? { repostOf: original.id }
        : { repostOf: ctx.ids.next('weibo'), deletedOriginal: true },
    },
    factsOf(spec),
  );
  return [
    post,
    ...addComments(ctx, post, ctx.rng.int(0, 2), { comment: 'weibo', reply: null, replyRate: 0 }),
  ];
}

function tiebaForum(ctx: BuildContext, spec: PostSpec, city: string): string {
  const brand = primaryBrand(spec);
  if (!brand) return '手机';
  if (spec.categories.includes('broadband') && ctx.rng.chance(0.4)) return '宽带';
  if (ctx.rng.chance(0.15)) return city;
  return TIEBA_FORUMS[brand] ?? brand;
}

/** A Tieba thread: the thread, its floors (floor 1 is the opening post) and 楼中楼 replies. */
export function buildTieba(ctx: BuildContext, spec: PostSpec, at: number): ContentItem[] {
  const author = newAuthor(ctx, { province: spec.province, city: spec.city });
  const thread = makeItem(
    {
      source: 'tieba',
      kind: 'post',
      id: ctx.ids.next('tiebaThread'),
      publishedAt: at,
      author,
      title: spec.title,
      text: spec.body,
      board: tiebaForum(ctx, spec, author.city),
      views: ctx.rng.int(20, 5000),
      extra: { firstPostId: ctx.ids.next('tiebaPost'), sticky: false },
    },
    factsOf(spec),
  );
  const floors = ctx.rng.chance(0.15) ? ctx.rng.int(31, 70) : ctx.rng.int(1, 14);
  return [
    thread,
    ...addComments(ctx, thread, floors, { comment: 'tiebaPost', reply: 'tiebaLzl', replyRate: 0.25 }),
  ];
}

function questionTitle(ctx: BuildContext, title: string): string {
  const pattern = ctx.rng.pick([
    '如何看待{t}？',
    '{t}，该怎么办？',
    '{t}是一种什么体验？',
    '{t}，大家遇到过吗？',
  ]);
  return pattern.replace('{t}', title.replace(/[？?。！!]+$/, ''));
}

/** A Zhihu answer or article with root and child comments. */
export function buildZhihu(ctx: BuildContext, spec: PostSpec, at: number): ContentItem[] {
  const author = newAuthor(ctx, { province: spec.province, city: spec.city });
  const article = ctx.rng.chance(0.3);
  const brand = primaryBrand(spec);
  const intro = ctx.rng.pick(ZHIHU_INTROS).replace('{b}', brand ? brand.replace('中国', '') : '运营商');
  const more = ctx.rng.pick(DETAILS[spec.sentiment].filter((d) => !d.includes('{')));
  const text = `${intro}${spec.body}\n${more}`;
  const extra = article
    ? { zhihuType: 'article' as const }
    : {
        zhihuType: 'answer' as const,
        questionId: ctx.ids.next('zhihuQuestion'),
        question: questionTitle(ctx, spec.title),
      };
  const post = makeItem(
    {
      source: 'zhihu',
      kind: 'post',
      id: ctx.ids.next(article ? 'zhihuArticle' : 'zhihuAnswer'),
      publishedAt: at,
      author,
      title: article ? spec.title : (extra.question ?? spec.title),
      text,
      likes: ctx.rng.int(0, 2000),
      extra,
    },
    factsOf(spec),
    true,
  );
  const count = ctx.rng.chance(0.25) ? 0 : commentCount(ctx, 6, 14, 30);
  return [
    post,
    ...addComments(ctx, post, count, { comment: 'zhihuComment', reply: 'zhihuComment', replyRate: 0.3 }),
  ];
}

function discuzForum(spec: PostSpec): string {
  if (spec.categories.includes('broadband')) return '2';
  if (
    spec.categories.some((c) => c === 'network' || c === 'five_g' || c === 'sim_device' || c === 'plan_data')
  )
    return '36';
  return spec.sentiment === 'negative' ? '12' : '41';
}

/** A Discuz thread with its first post and replies (some quoting earlier posts). */
export function buildDiscuz(ctx: BuildContext, spec: PostSpec, at: number): ContentItem[] {
  const author = newAuthor(ctx, { province: spec.province, city: spec.city });
  const thread = makeItem(
    {
      source: 'discuz',
      kind: 'post',
      id: ctx.ids.next('discuzThread'),
      publishedAt: at,
      author,
      title: spec.title,
      text: spec.body,
      board: discuzForum(spec),
      views: ctx.rng.int(30, 6000),
      extra: { firstPostId: ctx.ids.next('discuzPost'), edited: ctx.rng.chance(0.1) },
    },
    factsOf(spec),
  );
  const replies = addComments(ctx, thread, ctx.rng.chance(0.15) ? ctx.rng.int(11, 28) : ctx.rng.int(1, 9), {
    comment: 'discuzPost',
    reply: null,
    replyRate: 0,
  });
  const earlier: string[] = [thread.extra.firstPostId ?? thread.id];
  for (const reply of replies) {
    if (ctx.rng.chance(0.25)) reply.extra.quoteOf = ctx.rng.pick(earlier);
    earlier.push(reply.id);
  }
  return [thread, ...replies];
}
