import type { SourceKind } from '../../../core/index.ts';
import type { ContentStore } from '../store.ts';
import type { ScenarioName, Sentiment } from '../types.ts';
import { BRAND_WEIGHTS, hotlineOf, pickAlias } from './brands.ts';
import { fill } from './compose.ts';
import type { ReplicaGenerator } from './generator.ts';
import type { PostSpec } from './items.ts';
import { editCopy } from './wave.ts';

/** A scenario to switch on. */
export interface ScenarioRequest {
  name: ScenarioName;
  /** When the burst starts (ms). Default: 10 minutes before the current clock. */
  startAt?: number;
  /** Minutes the burst lasts. Default: outage 60, campaign 180, copy-paste 90, escalation 120. */
  durationMinutes?: number;
  /** Posts in the burst. Default: outage 40, campaign 60, copy-paste 30, escalation 20. */
  count?: number;
  /** The brand the burst is about. Default 中国联通. */
  brand?: string;
  /** campaign-launch hashtag. Default `#联通5G畅享季#`. */
  hashtag?: string;
}

/** What a scenario produced. */
export interface ScenarioResult {
  name: ScenarioName;
  startAt: number;
  endAt: number;
  /** Top-level posts in the burst. */
  posts: number;
  /** campaign-launch: competitor/baseline posts spread around the start. */
  baselinePosts: number;
  /** copy-paste-wave: the shared wave id. */
  waveId: string | null;
}

const DEFAULTS: Record<ScenarioName, { duration: number; count: number }> = {
  'outage-guangzhou-tianhe': { duration: 60, count: 40 },
  'campaign-launch': { duration: 180, count: 60 },
  'copy-paste-wave': { duration: 90, count: 30 },
  escalation: { duration: 120, count: 20 },
};

const OUTAGE_TEXTS: readonly [string, Sentiment][] = [
  ['天河{place}这边{b}宽带断网了，光猫LOS灯一直红，打{hot}说区域故障，也没说什么时候修好', 'negative'],
  ['{b}宽带又断了，广州天河{place}整栋楼都上不了网，在家办公的怎么办[怒]', 'negative'],
  ['有没有天河{place}的，{b}宽带是不是都断网了？', 'neutral'],
  ['广州天河{b}宽带断网{n}个小时了，{hot}根本打不进去，报修也没人理', 'negative'],
  ['#广州天河断网# {b}宽带从中午断到现在，游戏打不了网课也上不了😡', 'negative'],
  ['天河{place}{b}宽带断网，问了物业说是光缆被挖断了，{b}到现在一个通知都没有', 'negative'],
];
const PLACES = ['珠江新城', '体育西', '石牌桥', '岗顶', '车陂', '棠下', '龙洞', '员村', '猎德'];

const CAMPAIGN_TEXTS: readonly [string, Sentiment][] = [
  ['{tag} 刚办了{b}的5G畅享套餐，{plan}含{nn}G流量，测速{speed}M，真香', 'positive'],
  ['{tag} 参加了{b}的活动，送了{nn}G流量，5G网速确实快[赞]', 'positive'],
  ['{tag} {b}这次活动力度挺大，老用户也能参加，点赞👍', 'positive'],
  ['{tag} 在{b}营业厅现场办理，还送了小礼品，体验不错', 'positive'],
  ['{tag} 转发抽奖，希望能中个新手机', 'neutral'],
  ['{tag} 宣传得挺好，可我这{b}5G信号还是时有时无', 'negative'],
];

function at(gen: ReplicaGenerator, start: number, minutes: number, frontLoaded: boolean): number {
  const u = gen.ctx.rng.float();
  return Math.floor(start + (frontLoaded ? u * u : u) * minutes * 60_000);
}

function place(
  gen: ReplicaGenerator,
  store: ContentStore,
  source: SourceKind,
  spec: PostSpec,
  t: number,
): void {
  store.add(gen.build(source, spec, t));
}

function textSpec(
  gen: ReplicaGenerator,
  text: string,
  sentiment: Sentiment,
  brand: string,
  extra: Partial<PostSpec>,
): PostSpec {
  const rng = gen.ctx.rng;
  const slots = {
    b: pickAlias(rng, brand, sentiment),
    hot: hotlineOf(brand),
    place: rng.pick(PLACES),
    n: String(rng.int(2, 9)),
    nn: String(rng.int(10, 99)),
    speed: String(rng.pick([300, 500, 800, 1000])),
    plan: `${rng.pick([59, 99, 129])}元`,
    tag: extra.title ?? '',
  };
  const body = fill(text, slots);
  return {
    title: body.replace(/#[^#]+#\s*/g, '').slice(0, 18),
    body,
    brands: [{ brand, sentiment }],
    sentiment,
    categories: [],
    escalation: false,
    pii: false,
    hostile: false,
    scenario: null,
    waveId: null,
    brandFromContext: false,
    ...extra,
  };
}

function outage(
  gen: ReplicaGenerator,
  store: ContentStore,
  req: Required<Omit<ScenarioRequest, 'hashtag'>>,
): number {
  const rng = gen.ctx.rng;
  const sources: [SourceKind, number][] = [
    ['weibo', 45],
    ['tieba', 15],
    ['zhihu', 5],
    ['discuz', 15],
    ['heimao', 15],
    ['appstore', 3],
    ['rss', 2],
  ];
  for (let i = 0; i < req.count; i++) {
    const source = i === 0 ? 'rss' : rng.weighted(sources);
    const [text, sentiment] = rng.pick(OUTAGE_TEXTS);
    const spec = textSpec(gen, text, sentiment, req.brand, {
      categories: ['broadband'],
      scenario: req.name,
      province: '广东',
      city: '广州',
    });
    if (source === 'rss')
      Object.assign(spec, {
        title: `${req.brand}回应广州天河宽带大面积中断`,
        body: `针对网友反映的广州天河区宽带中断问题，${req.brand}广州分公司回应称系光缆故障，正在全力抢修。`,
        sentiment: 'neutral',
        brands: [{ brand: req.brand, sentiment: 'neutral' }],
      });
    place(gen, store, source, spec, at(gen, req.startAt, req.durationMinutes, true));
  }
  return req.count;
}

function campaign(gen: ReplicaGenerator, store: ContentStore, req: Required<ScenarioRequest>): number {
  const rng = gen.ctx.rng;
  const sources: [SourceKind, number][] = [
    ['weibo', 80],
    ['tieba', 5],
    ['zhihu', 5],
    ['discuz', 5],
    ['appstore', 5],
  ];
  for (let i = 0; i < req.count; i++) {
    const [text, sentiment] = rng.pick(CAMPAIGN_TEXTS);
    const spec = textSpec(gen, text, sentiment, req.brand, {
      title: req.hashtag,
      categories: ['five_g'],
      scenario: req.name,
    });
    spec.title = spec.body.replace(/#[^#]+#\s*/g, '').slice(0, 18);
    place(gen, store, rng.weighted(sources), spec, at(gen, req.startAt, req.durationMinutes, false));
  }
  // Same-window baseline for every brand, so a difference-in-differences lift is measurable.
  const baseline = Math.max(8, Math.round(req.count / 2));
  for (let i = 0; i < baseline; i++) {
    const brand = rng.weighted(BRAND_WEIGHTS);
    const t = req.startAt + Math.floor((rng.float() * 2 - 1) * req.durationMinutes * 60_000);
    place(gen, store, 'weibo', gen.spec('weibo', { brand }), t);
  }
  return baseline;
}

function copyPaste(
  gen: ReplicaGenerator,
  store: ContentStore,
  req: Required<Omit<ScenarioRequest, 'hashtag'>>,
  waveId: string,
): void {
  const rng = gen.ctx.rng;
  const base = gen.spec('weibo', {
    brand: req.brand,
    sentiment: 'negative',
    category: 'billing',
    scenario: req.name,
  });
  base.hostile = false;
  const sources: [SourceKind, number][] = [
    ['weibo', 70],
    ['tieba', 10],
    ['discuz', 10],
    ['heimao', 10],
  ];
  for (let i = 0; i < req.count; i++) {
    const spec: PostSpec = { ...base, body: i === 0 ? base.body : editCopy(rng, base.body), waveId };
    delete spec.province;
    delete spec.city;
    place(
      gen,
      store,
      i === 0 ? 'weibo' : rng.weighted(sources),
      spec,
      at(gen, req.startAt, req.durationMinutes, false),
    );
  }
}

function escalation(
  gen: ReplicaGenerator,
  store: ContentStore,
  req: Required<Omit<ScenarioRequest, 'hashtag'>>,
): void {
  const rng = gen.ctx.rng;
  const sources: [SourceKind, number][] = [
    ['weibo', 50],
    ['heimao', 20],
    ['tieba', 10],
    ['zhihu', 10],
    ['discuz', 10],
  ];
  for (let i = 0; i < req.count; i++) {
    const brand = rng.chance(0.7) ? req.brand : rng.weighted(BRAND_WEIGHTS);
    const source = rng.weighted(sources);
    const spec = gen.spec(source, { brand, sentiment: 'negative', escalationRate: 1, scenario: req.name });
    place(gen, store, source, spec, at(gen, req.startAt, req.durationMinutes, false));
  }
}

/** Generate a scenario's burst into the store. */
export function runScenario(
  gen: ReplicaGenerator,
  store: ContentStore,
  request: ScenarioRequest,
  now: number,
): ScenarioResult {
  const d = DEFAULTS[request.name];
  const req = {
    name: request.name,
    startAt: request.startAt ?? now - 10 * 60_000,
    durationMinutes: request.durationMinutes ?? d.duration,
    count: request.count ?? d.count,
    brand: request.brand ?? '中国联通',
    hashtag: request.hashtag ?? '#联通5G畅享季#',
  };
  let baselinePosts = 0;
  let waveId: string | null = null;
  if (req.name === 'outage-guangzhou-tianhe') outage(gen, store, req);
  else if (req.name === 'campaign-launch') baselinePosts = campaign(gen, store, req);
  else if (req.name === 'copy-paste-wave') {
    waveId = `wave-scenario-${gen.seed}-${store.size}`;
    copyPaste(gen, store, req, waveId);
  } else escalation(gen, store, req);
  return {
    name: req.name,
    startAt: req.startAt,
    endAt: req.startAt + req.durationMinutes * 60_000,
    posts: req.count,
    baselinePosts,
    waveId,
  };
}
