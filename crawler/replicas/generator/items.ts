import type { SourceKind } from '../../../core/index.ts';
import type { Author, BrandTruth, ContentItem, ItemExtra, ItemKind, Sentiment, Truth } from '../types.ts';
import { hotlineOf, pickAlias } from './brands.ts';
import type { Mention } from './compose.ts';
import { type AuthorOptions, makeAuthor } from './names.ts';
import { COMMENTS } from './phrases-extra.ts';
import type { Random } from './prng.ts';

/** A composed mention plus how it came to be. */
export interface PostSpec extends Mention {
  /** Scenario name, or null for background traffic. */
  scenario: string | null;
  /** Copy-paste wave id, or null. */
  waveId: string | null;
  /** The brand comes from the app or company, not the text. */
  brandFromContext: boolean;
  /** Author location. Default: random. */
  province?: string;
  city?: string;
}

/** Id spaces: [first id, largest random step]. Ids grow with generation order, as on the real sites. */
const ID_SPACES = {
  user: [6100000000, 9000],
  weibo: [5099000000000000, 40000],
  tiebaThread: [9200000000, 5000],
  tiebaPost: [151000000000, 9000],
  tiebaLzl: [152000000000, 900],
  zhihuAnswer: [3300000000, 9000],
  zhihuArticle: [7000000000, 9000],
  zhihuQuestion: [660000000, 900],
  zhihuComment: [10500000000, 900],
  discuzThread: [884000, 7],
  discuzPost: [5566000, 9],
  heimao: [17399000000, 900],
  appstore: [11223300000, 9000],
  rss: [1000, 3],
} as const;
export type IdSpace = keyof typeof ID_SPACES;

/** Allocates increasing ids per space from a seeded stream. */
export class IdAllocator {
  private readonly last = new Map<IdSpace, number>();
  constructor(private readonly rng: Random) {}

  next(space: IdSpace): string {
    const [base, step] = ID_SPACES[space];
    const value = (this.last.get(space) ?? base) + 1 + Math.floor(this.rng.float() * step);
    this.last.set(space, value);
    return String(value);
  }
}

/** What builders need. */
export interface BuildContext {
  rng: Random;
  ids: IdAllocator;
}

/** A new author with a fresh user id. */
export function newAuthor(ctx: BuildContext, opts: AuthorOptions = {}): Author {
  return makeAuthor(ctx.rng, Number(ctx.ids.next('user')), opts);
}

/** Fields of a new item. */
export interface ItemFields {
  source: SourceKind;
  kind: ItemKind;
  id: string;
  parentId?: string | null;
  threadId?: string | null;
  publishedAt: number;
  author: Author;
  title?: string;
  text: string;
  board?: string;
  likes?: number;
  reposts?: number;
  views?: number;
  extra?: ItemExtra;
}

/** Truth fields that come from the mention rather than the site. */
export type TruthFacts = Pick<
  Truth,
  | 'brands'
  | 'sentiment'
  | 'categories'
  | 'scenario'
  | 'brandFromContext'
  | 'escalation'
  | 'pii'
  | 'hostile'
  | 'waveId'
>;

/** Truth facts of a post spec. */
export function factsOf(spec: PostSpec): TruthFacts {
  return {
    brands: spec.brands,
    sentiment: spec.sentiment,
    categories: spec.categories,
    scenario: spec.scenario,
    brandFromContext: spec.brandFromContext,
    escalation: spec.escalation,
    pii: spec.pii,
    hostile: spec.hostile,
    waveId: spec.waveId,
  };
}

/** Build an item and its truth. */
export function makeItem(f: ItemFields, facts: TruthFacts, longText = false): ContentItem {
  const title = f.title ?? '';
  const truth: Truth = {
    ...facts,
    source: f.source,
    externalId: f.id,
    kind: f.kind,
    province: f.author.province,
    city: f.author.city,
    publishedAt: f.publishedAt,
    longText,
    repostOf: f.extra?.repostOf ?? null,
    parentId: f.parentId ?? null,
    text: title ? `${title}\n${f.text}` : f.text,
  };
  return {
    source: f.source,
    id: f.id,
    kind: f.kind,
    parentId: f.parentId ?? null,
    threadId: f.threadId ?? null,
    publishedAt: f.publishedAt,
    author: f.author,
    title,
    text: f.text,
    board: f.board ?? '',
    likes: f.likes ?? 0,
    reposts: f.reposts ?? 0,
    views: f.views ?? 0,
    extra: f.extra ?? {},
    truth,
  };
}

const COMMENT_SENTIMENT: Record<Sentiment, readonly (readonly [Sentiment, number])[]> = {
  negative: [
    ['negative', 5],
    ['neutral', 3.5],
    ['positive', 1.5],
  ],
  neutral: [
    ['negative', 2],
    ['neutral', 6],
    ['positive', 2],
  ],
  positive: [
    ['negative', 1.5],
    ['neutral', 3.5],
    ['positive', 5],
  ],
};

/** A comment text about `brand` and its truth facts. */
export function commentFacts(
  rng: Random,
  brand: string | null,
  parent: Sentiment,
): { text: string; facts: TruthFacts } {
  const sentiment = rng.weighted(COMMENT_SENTIMENT[parent]);
  const template = rng.pick(COMMENTS[sentiment]);
  const named = brand !== null && template.includes('{b}');
  const text = template
    .replace('{b}', brand ? pickAlias(rng, brand, sentiment) : '')
    .replace('{hot}', brand ? hotlineOf(brand) : '10000');
  const brands: BrandTruth[] = named && brand ? [{ brand, sentiment }] : [];
  return {
    text,
    facts: {
      brands,
      sentiment,
      categories: [],
      scenario: null,
      brandFromContext: false,
      escalation: /工信部|12300/.test(text),
      pii: false,
      hostile: false,
      waveId: null,
    },
  };
}

/** A time after `from`: most replies come within the first hours. */
export function laterTime(rng: Random, from: number, maxMinutes = 600): number {
  const minutes = Math.min(maxMinutes, -Math.log(1 - rng.float()) * 90);
  return from + Math.round((1 + minutes) * 60_000 + rng.int(0, 59_000));
}
