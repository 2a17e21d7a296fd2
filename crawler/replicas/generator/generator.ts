import type { SourceKind } from '../../../core/index.ts';
import type { ContentStore } from '../store.ts';
import type { ContentItem, Sentiment } from '../types.ts';
import { BRAND_WEIGHTS } from './brands.ts';
import { composeMention, type ComposeOptions } from './compose.ts';
import { type BuildContext, IdAllocator, type PostSpec } from './items.ts';
import { pickProvince } from './names.ts';
import { REPOST_TEXTS, TRAPS } from './phrases-extra.ts';
import { Random } from './prng.ts';
import { PROVINCES } from './regions.ts';
import { buildAppReview, buildHeimao, buildNews } from './site-items-other.ts';
import { buildDiscuz, buildTieba, buildWeibo, buildWeiboRepost, buildZhihu } from './site-items.ts';
import { editCopy } from './wave.ts';

/** Default number of background posts per site at start-up. */
export const DEFAULT_INITIAL_POSTS: Record<SourceKind, number> = {
  weibo: 160,
  tieba: 40,
  zhihu: 40,
  discuz: 40,
  heimao: 60,
  appstore: 120,
  rss: 30,
};

/** Share of live posts per site. */
const LIVE_WEIGHTS: readonly (readonly [SourceKind, number])[] = [
  ['weibo', 40],
  ['tieba', 12],
  ['zhihu', 10],
  ['discuz', 10],
  ['heimao', 12],
  ['appstore', 10],
  ['rss', 6],
];

/** Overall sentiment mix: ≈45% negative, 30% neutral, 25% positive. */
const SENTIMENTS: readonly (readonly [Sentiment, number])[] = [
  ['negative', 45],
  ['neutral', 30],
  ['positive', 25],
];

/** Posting rhythm by hour of day (China time): quiet at night, busiest in the evening. */
const HOURLY = [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 7, 6, 6, 6, 7, 8, 9, 10, 10, 9, 6];

/** Overrides for one background post. */
export interface SpecOverrides
  extends Partial<
    Pick<ComposeOptions, 'brand' | 'sentiment' | 'category' | 'district' | 'escalationRate' | 'longRate'>
  > {
  province?: string;
  city?: string;
  scenario?: string | null;
}

/** Produces content into a {@link ContentStore} from one seed. */
export class ReplicaGenerator {
  readonly ctx: BuildContext;
  private lastTick: number | null = null;
  private carry = 0;

  constructor(
    readonly seed: number,
    private readonly store: ContentStore,
  ) {
    const rng = new Random(seed);
    this.ctx = { rng, ids: new IdAllocator(rng.fork('ids')) };
  }

  /** A composed background mention (or an alias trap with no brand). */
  spec(source: SourceKind, o: SpecOverrides = {}): PostSpec {
    const rng = this.ctx.rng;
    const base = { scenario: o.scenario ?? null, waveId: null, brandFromContext: false };
    if (!o.brand && source !== 'heimao' && rng.chance(0.03)) {
      const [text, sentiment] = rng.pick(TRAPS);
      return {
        ...base,
        title: text.slice(0, 12),
        body: text,
        brands: [],
        sentiment,
        categories: [],
        escalation: false,
        pii: false,
        hostile: false,
      };
    }
    const province =
      (o.province ? PROVINCES.find((p) => p.name === o.province) : undefined) ?? pickProvince(rng);
    const city = o.city ?? rng.pick(province.cities);
    const sentiment =
      o.sentiment ??
      (source === 'heimao' ? (rng.chance(0.92) ? 'negative' : 'neutral') : rng.weighted(SENTIMENTS));
    const mention = composeMention(rng, {
      brand: o.brand ?? rng.weighted(BRAND_WEIGHTS),
      sentiment,
      city,
      longRate: source === 'weibo' ? 0.12 : 0.2,
      decorateRate: source === 'weibo' || source === 'tieba' ? 0.6 : 0.2,
      ...(o.category ? { category: o.category } : {}),
      ...(o.district ? { district: o.district } : {}),
      ...(o.escalationRate !== undefined ? { escalationRate: o.escalationRate } : {}),
    });
    return { ...base, ...mention, province: province.name, city };
  }

  /** Items for one post of `spec` on `source` at time `at`. */
  build(source: SourceKind, spec: PostSpec, at: number): ContentItem[] {
    const ctx = this.ctx;
    switch (source) {
      case 'weibo':
        return buildWeibo(ctx, spec, at);
      case 'tieba':
        return buildTieba(ctx, spec, at);
      case 'zhihu':
        return buildZhihu(ctx, spec, at);
      case 'discuz':
        return buildDiscuz(ctx, spec, at);
      case 'heimao':
        return buildHeimao(ctx, spec, at);
      case 'appstore':
        return buildAppReview(
          ctx,
          at,
          spec.brands[0]?.brand ?? ctx.rng.weighted(BRAND_WEIGHTS),
          spec.scenario ? spec : undefined,
        );
      case 'rss':
        return buildNews(ctx, at, spec.scenario ? spec : undefined);
    }
  }

  /** One background post (with comments, reposts and the odd copy-paste wave) into the store. */
  background(source: SourceKind, at: number): ContentItem[] {
    const rng = this.ctx.rng;
    let items: ContentItem[];
    if (source === 'appstore') items = buildAppReview(this.ctx, at, rng.weighted(BRAND_WEIGHTS));
    else if (source === 'rss') items = buildNews(this.ctx, at);
    else if (source === 'weibo' && rng.chance(0.12)) items = this.repost(at);
    else items = this.build(source, this.spec(source), at);
    this.store.add(items);
    const first = items[0];
    if (first && source === 'weibo' && first.truth.brands.length > 0 && rng.chance(0.02))
      this.miniWave(first, at);
    return items;
  }

  private repost(at: number): ContentItem[] {
    const rng = this.ctx.rng;
    const candidates = this.store
      .topLevel('weibo', at)
      .filter((p) => !p.extra.repostOf)
      .slice(0, 40);
    const original = candidates.length > 0 && !rng.chance(0.12) ? rng.pick(candidates) : null;
    const body = rng.pick(REPOST_TEXTS);
    const spec: PostSpec = {
      title: '',
      body,
      brands: [],
      sentiment: body === '太真实了' || body === '同样遭遇' ? 'negative' : 'neutral',
      categories: [],
      escalation: false,
      pii: false,
      hostile: false,
      scenario: null,
      waveId: null,
      brandFromContext: false,
    };
    return buildWeiboRepost(this.ctx, original, at, spec);
  }

  private miniWave(base: ContentItem, at: number): void {
    const rng = this.ctx.rng;
    const waveId = `wave-${base.id}`;
    base.truth.waveId = waveId;
    const copies = rng.int(3, 6);
    for (let i = 0; i < copies; i++) {
      const spec: PostSpec = { ...this.specOf(base), body: editCopy(rng, base.text), waveId };
      this.store.add(buildWeibo(this.ctx, spec, at + rng.int(2, 120) * 60_000));
    }
  }

  /** A spec reproducing an item's truth (for copies). */
  specOf(item: ContentItem): PostSpec {
    const t = item.truth;
    return {
      title: item.title,
      body: item.text,
      brands: t.brands,
      sentiment: t.sentiment,
      categories: t.categories,
      escalation: t.escalation,
      pii: t.pii,
      hostile: t.hostile,
      scenario: t.scenario,
      waveId: t.waveId,
      brandFromContext: t.brandFromContext,
    };
  }

  /** A time in [from, to] following the daily rhythm. */
  diurnalTime(from: number, to: number): number {
    const rng = this.ctx.rng;
    for (let i = 0; i < 50; i++) {
      const t = from + rng.float() * (to - from);
      const hour = new Date(t + 8 * 3_600_000).getUTCHours();
      if (rng.float() * 10 < (HOURLY[hour] ?? 5)) return Math.floor(t);
    }
    return Math.floor(from + rng.float() * (to - from));
  }

  /** Fill the store with `counts` posts per site over the `hours` before `now`, plus a few old ones. */
  backfill(now: number, counts: Record<SourceKind, number>, hours: number): void {
    const plan: [SourceKind, number][] = [];
    for (const [source, count] of Object.entries(counts) as [SourceKind, number][]) {
      for (let i = 0; i < count; i++) {
        const old = this.ctx.rng.chance(0.06);
        const t = old
          ? now - this.ctx.rng.int(3, 400) * 86_400_000
          : this.diurnalTime(now - hours * 3_600_000, now);
        plan.push([source, t]);
      }
    }
    plan.sort((a, b) => a[1] - b[1]);
    for (const [source, at] of plan) this.background(source, at);
    this.lastTick = now;
  }

  /** Generate the posts due between the previous tick and `now` at `postsPerMinute`. Returns how many. */
  tick(now: number, postsPerMinute: number): number {
    if (this.lastTick === null || now <= this.lastTick) {
      this.lastTick = Math.max(this.lastTick ?? now, now);
      return 0;
    }
    const from = this.lastTick;
    const due = ((now - from) / 60_000) * postsPerMinute + this.carry;
    const count = Math.floor(due);
    this.carry = due - count;
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(from + 1 + Math.floor(this.ctx.rng.float() * (now - from)));
    times.sort((a, b) => a - b);
    for (const at of times) this.background(this.ctx.rng.weighted(LIVE_WEIGHTS), at);
    this.lastTick = now;
    return count;
  }
}
