import type { CategoryId, SourceKind } from '../../core/index.ts';

/** Sentiment labels used in ground truth. */
export type Sentiment = 'negative' | 'neutral' | 'positive';

/** The switchable scenarios. */
export const SCENARIO_NAMES = [
  'outage-guangzhou-tianhe',
  'campaign-launch',
  'copy-paste-wave',
  'escalation',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What kind of content an item is on its site. */
export type ItemKind = 'post' | 'comment' | 'reply';

/** Ground truth for one brand named by an item. */
export interface BrandTruth {
  /** Canonical brand name (`中国联通`). */
  brand: string;
  /** Sentiment towards this brand. */
  sentiment: Sentiment;
}

/** What a perfect pipeline would conclude about an item. */
export interface Truth {
  source: SourceKind;
  /** The id the adapter sees (Weibo mblog id, Tieba tid/pid/spid, Heimao sn, …). */
  externalId: string;
  kind: ItemKind;
  /** Brands the item is about, each with its own sentiment. Empty for chatter and alias traps. */
  brands: BrandTruth[];
  /** Overall sentiment of the text. */
  sentiment: Sentiment;
  /** Complaint categories. */
  categories: CategoryId[];
  /** The scenario that produced the item, or null for background traffic. */
  scenario: string | null;
  /** Province (short form, `广东`) and city of the author. */
  province: string;
  city: string;
  /** Publication time, ms since the epoch. */
  publishedAt: number;
  /** The brand is implied by context (App Store app, Heimao company), not named in the text. */
  brandFromContext: boolean;
  /** Mentions 工信部 / 12300 / 媒体曝光. */
  escalation: boolean;
  /** Contains personal data (phone numbers). */
  pii: boolean;
  /** Contains script/markup injection text. */
  hostile: boolean;
  /** Longer than the site's preview (Weibo 全文). */
  longText: boolean;
  /** Copy-paste wave id shared by near-duplicates, or null. */
  waveId: string | null;
  /** Weibo: the reposted original's id. */
  repostOf: string | null;
  /** Parent item id for comments and replies. */
  parentId: string | null;
  /** The full plain text (title, newline, body) as generated, before any site rendering. */
  text: string;
}

/** A generated author. */
export interface Author {
  /** Numeric user id. */
  id: number;
  /** Display name. */
  name: string;
  /** Latin login name (Tieba user_name, Zhihu url_token). */
  login: string;
  province: string;
  city: string;
  followers: number;
  verified: boolean;
  gender: 'm' | 'f';
  /** Client name (`iPhone客户端`, `Android`, ``). */
  client: string;
}

/** Site-specific extras. */
export interface ItemExtra {
  /** Weibo repost: id of the original mblog. */
  repostOf?: string;
  /** Weibo repost whose original was deleted. */
  deletedOriginal?: boolean;
  /** Number of pictures. */
  pics?: number;
  /** Render `pics` as an object keyed "0","1",… (RSSHub quirk). */
  picsAsObject?: boolean;
  /** Render counts as strings ("1万+", "3.2万"). */
  stringCounts?: boolean;
  /** Zhihu object type. */
  zhihuType?: 'answer' | 'article';
  /** Zhihu question id and title. */
  questionId?: string;
  question?: string;
  /** Tieba/Discuz: pid of the thread's first floor (same content as the thread). */
  firstPostId?: string;
  /** Discuz/Tieba sticky thread. */
  sticky?: boolean;
  /** Discuz: pid of the quoted post. */
  quoteOf?: string;
  /** Discuz: edited-by note. */
  edited?: boolean;
  /** App Store rating 1–5 and app version. */
  rating?: number;
  appVersion?: string;
  /** Heimao fields. */
  issue?: string;
  appeal?: string;
  cost?: string;
  status?: number;
  companyReply?: string;
  /** Heimao group complaint id (copy-paste waves). */
  groupId?: string;
}

/** One piece of content on one replica site. */
export interface ContentItem {
  source: SourceKind;
  /** External id on the site. */
  id: string;
  kind: ItemKind;
  /** Parent id (comment → post, reply → comment), null for posts. */
  parentId: string | null;
  /** Top-level post id (thread) for comments and replies. */
  threadId: string | null;
  publishedAt: number;
  author: Author;
  /** Title (threads, questions, complaints, reviews, news); '' for Weibo posts and comments. */
  title: string;
  /** Plain text body; emoticons as [怒], topics as #话题#, mentions as @name, newlines as \n. */
  text: string;
  /** Board: Tieba forum name, Discuz fid, App Store app id, RSS feed name, Heimao company. */
  board: string;
  /** Like / vote / upvote count. */
  likes: number;
  /** Repost / share count. */
  reposts: number;
  /** View count (forums). */
  views: number;
  extra: ItemExtra;
  truth: Truth;
}
