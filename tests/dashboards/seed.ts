import { sql } from 'drizzle-orm';
import {
  addCaseMention,
  appendCaseEvent,
  type Db,
  insertCase,
  rebuildMentionRollups,
  resultRows,
} from '../../store/index.ts';

/** Options for {@link seedMentions}. */
export interface SeedOptions {
  /** Mentions to create. */
  count: number;
  /** Newest publish time. Default now. */
  end?: Date;
  /** Spread over this many days before `end`. Default 30. */
  days?: number;
}

const BRANDS = ['中国联通', '中国联通', '中国移动', '中国电信', '中国联通', '中国广电', '中国移动'];
const SOURCES = ['weibo', 'weibo', 'tieba', 'zhihu', 'heimao', 'weibo', 'discuz', 'appstore', 'rss'];
const REGIONS = [
  '广东',
  '北京',
  '上海',
  '四川',
  '浙江',
  '江苏',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '福建',
  '陕西',
  '辽宁',
  '重庆',
  '河北',
  '广西',
  '云南',
  '天津',
  '安徽',
  '江西',
];
/** Texts with their sentiment and keywords (one row of the series picks all three). */
const POSTS: [string, 'neg' | 'neu' | 'pos', string[], string][] = [
  ['家里宽带又断网了，报修三天没人上门，客服只会说已登记', 'neg', ['宽带', '断网', '报修'], 'broadband'],
  ['这个月话费莫名多扣了三十块，查了也没订什么业务', 'neg', ['扣费', '话费', '业务'], 'billing'],
  ['地铁里信号太差了，5G图标亮着却打不开网页', 'neg', ['信号', '5G', '地铁'], 'five_g'],
  ['套餐流量明明没用完却提示超额，太坑了', 'neg', ['流量', '套餐', '超额'], 'plan_data'],
  ['营业厅小姐姐很耐心，帮我换了更便宜的套餐，点赞', 'pos', ['营业厅', '套餐', '耐心'], 'service'],
  ['携号转网一直提示有合约限制，可我根本没签过', 'neg', ['携号转网', '合约'], 'porting'],
  ['天天收到营销短信，退订回T也没用', 'neg', ['短信', '退订', '骚扰'], 'vas_spam'],
  ['新办的卡信号不错，网速也快，满意', 'pos', ['信号', '网速'], 'network'],
  ['客服电话排队半小时，转人工还被挂断', 'neg', ['客服', '排队', '人工'], 'service'],
  ['光猫灯一直红，装维师傅说明天再来', 'neg', ['光猫', '装维', '断网'], 'broadband'],
  ['请问大家现在办哪个套餐比较划算？', 'neu', ['套餐'], 'plan_data'],
  ['今天去营业厅补了张卡，十分钟就办好了', 'neu', ['补卡', '营业厅'], 'sim_device'],
];
const post = (col: 0 | 1 | 3) =>
  sql.raw(`(array[${POSTS.map((p) => `'${p[col]}'`).join(',')}])[1 + ((g * 13) % ${POSTS.length})]`);

/** SQL picking one of `xs` by the series row `g` (constants only: no user input reaches sql.raw). */
const pick = (xs: readonly string[], salt: number) =>
  sql.raw(`(array[${xs.map((x) => `'${x}'`).join(',')}])[1 + ((g * ${salt}) % ${xs.length})]`);

/**
 * Seconds before `end` for row g: more posts lately (a power curve, jittered), and one row in
 * eleven crowded into a two-day incident a third of the way back, so charts look like real life.
 */
function ageSql(count: number, days: number) {
  const span = days * 86400;
  return sql.raw(`case when g % 11 = 0
      then ${Math.round(span / 3)} + ((g::bigint * 104729) % 172800)
      else power(((g::bigint * 7919) % ${count})::float8 / ${count}, 1.35) * ${span}
        + 3600 * abs(sin(g))::float8 end`);
}

/**
 * Insert `count` analyzed mentions in one statement (generate_series, deterministic by row number)
 * and rebuild the rollups: realistic enough for screenshots, fast enough for 200,000 rows.
 */
export async function seedMentions(db: Db, opts: SeedOptions): Promise<void> {
  const end = (opts.end ?? new Date()).toISOString();
  const days = opts.days ?? 30;
  const keywordsCase = sql.raw(
    `case (g * 13) % ${POSTS.length} ${POSTS.map((p, i) => `when ${i} then array[${p[2].map((w) => `'${w}'`).join(',')}]`).join(' ')} end`,
  );
  await db.execute(sql`
    insert into mentions (source, external_id, author_id, author_name, author_followers, author_verified, text, tokens,
      published_at, region, reposts, comments, likes, analyzed_at, sentiment, sentiment_score, brands,
      brand_sentiments, categories, keywords, risk, explain)
    select ${pick(SOURCES, 11)}, 'seed:' || g, 'a' || (g % 997), '网友' || (g % 997), ((g * 37) % 200) * 500,
      g % 41 = 0, ${post(0)}, array_to_string(${keywordsCase}, ' ') || ' 联通',
      ${end}::timestamptz - make_interval(secs => ${ageSql(opts.count, days)}),
      ${pick(REGIONS, 17)}, (g * 13) % 300, (g * 7) % 120, (g * 11) % 900, now(),
      ${post(1)}, 0.5, array[${pick(BRANDS, 23)}],
      jsonb_build_array(jsonb_build_object('brand', ${pick(BRANDS, 23)}, 'label', ${post(1)}, 'score', 0.5)),
      array[${post(3)}], ${keywordsCase}, (g * 17) % 101, '[]'::jsonb
    from generate_series(1, ${opts.count}) g`);
  await rebuildMentionRollups(db);
}

/** One hand-written mention; returns its id. */
export interface OneMention {
  text: string;
  source?: string;
  brand?: string;
  sentiment?: 'neg' | 'neu' | 'pos';
  categories?: string[];
  keywords?: string[];
  explain?: { kind: 'token' | 'rule' | 'emoticon' | 'model'; text: string; weight: number }[];
  publishedAt?: Date;
  authorName?: string;
  authorFollowers?: number;
  region?: string;
  url?: string;
  likes?: number;
}

export async function insertMention(db: Db, m: OneMention): Promise<number> {
  const brand = m.brand ?? '中国联通';
  const sentiment = m.sentiment ?? 'neg';
  const res = await db.execute(sql`
    insert into mentions (source, external_id, author_id, author_name, author_followers, text, tokens, published_at,
      region, likes, reposts, comments, analyzed_at, sentiment, sentiment_score, brands, brand_sentiments, categories,
      keywords, risk, explain, url)
    values (${m.source ?? 'weibo'}, ${`one:${Math.random().toString(36).slice(2)}`}, 'u1', ${m.authorName ?? '热心网友'},
      ${m.authorFollowers ?? 12000}, ${m.text}, ${(m.keywords ?? ['宽带']).join(' ')}, ${(m.publishedAt ?? new Date()).toISOString()}::timestamptz,
      ${m.region ?? '广东'}, ${m.likes ?? 5000}, 120, 80, now(), ${sentiment}, -0.8,
      array[${brand}]::text[],
      ${JSON.stringify([{ brand, label: sentiment, score: -0.8 }])}::jsonb,
      ${`{${(m.categories ?? ['broadband']).join(',')}}`}::text[],
      ${`{${(m.keywords ?? ['宽带']).join(',')}}`}::text[],
      80, ${JSON.stringify(m.explain ?? [])}::jsonb, ${m.url ?? null})
    returning id`);
  const id = Number(resultRows<{ id: number | string }>(res)[0]?.id);
  await rebuildMentionRollups(db);
  return id;
}

/** Cases for the inbox: title, hours left to the deadline (negative: overdue), priority. */
const CASES: [string, number, string, string, string][] = [
  [
    '宽带断网三天无人上门',
    20,
    'P3',
    'broadband',
    '家里联通宽带断网三天了，报修电话打了五次，每次都说已登记，到现在没人上门！',
  ],
  [
    '话费莫名多扣三十元',
    5,
    'P2',
    'billing',
    '联通这个月又多扣了我三十块话费，客服说是增值业务，可我从来没订过！',
  ],
  ['地铁5G信号极差', 1.5, 'P1', 'five_g', '联通5G在地铁二号线完全没信号，交着5G套餐的钱用着2G的网，太坑了。'],
  [
    '携号转网被拒',
    -3,
    'P2',
    'porting',
    '申请携号转网三次被拒，联通说我有合约，可我根本没签过任何合约，这是霸王条款！',
  ],
  ['客服态度恶劣', 12, 'P4', 'service', '打10010投诉，客服直接挂我电话，联通的服务越来越差了。'],
];

/** One open case of the inbox seeds. */
interface SeedCase {
  title: string;
  priority: string;
  category: string;
  text: string;
  followers: number;
  publishedAt: Date;
  detectedAt: Date;
  due: Date;
}

async function insertSeedCase(db: Db, s: SeedCase): Promise<number | null> {
  const mentionId = await insertMention(db, {
    text: s.text,
    categories: [s.category],
    publishedAt: s.publishedAt,
    authorName: `用户${s.title.length}${s.priority}`,
    authorFollowers: s.followers,
    explain: [{ kind: 'token', text: s.text.slice(2, 4), weight: -1.1 }],
  });
  const c = await insertCase(db, {
    status: 'new',
    priority: s.priority,
    brand: '中国联通',
    title: s.title,
    primaryMentionId: mentionId,
    team: 'south',
    risk: 70,
    categories: [s.category],
    region: '广东',
    publishedAt: s.publishedAt,
    detectedAt: s.detectedAt,
    firstResponseDueAt: s.due,
  });
  if (!c) return null;
  await addCaseMention(db, c.id, mentionId, 'opened');
  await appendCaseEvent(db, {
    caseId: c.id,
    actorType: 'system',
    actorId: 'route',
    type: 'opened',
    after: { status: 'new' },
  });
  return c.id;
}

/**
 * Open cases with mentions and an `opened` event, deadlines spread so the inbox shows every urgency
 * (green, amber under 6 h, red under 2 h, breached). Returns the case ids.
 */
export async function seedCases(db: Db): Promise<number[]> {
  const ids: number[] = [];
  const now = Date.now();
  for (const [title, hoursLeft, priority, category, text] of CASES) {
    const due = new Date(now + hoursLeft * 3_600_000);
    const publishedAt = new Date(due.getTime() - 24 * 3_600_000);
    const detectedAt = new Date(publishedAt.getTime() + 600_000);
    const followers = 3000 + hoursLeft * 1000;
    const id = await insertSeedCase(db, {
      title,
      priority,
      category,
      text,
      followers,
      publishedAt,
      detectedAt,
      due,
    });
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** A case found 30 h after publication, an hour ago: due 4 h from detection (`sla.foundLateHours`). */
export async function seedFoundLateCase(db: Db): Promise<number> {
  const detectedAt = new Date(Date.now() - 3_600_000);
  const id = await insertSeedCase(db, {
    title: '发现较晚的投诉：联通宽带断网两天',
    priority: 'P3',
    category: 'broadband',
    text: '联通宽带断网两天了，报修一直没人来，太耽误事了。',
    followers: 800,
    publishedAt: new Date(detectedAt.getTime() - 30 * 3_600_000),
    detectedAt,
    due: new Date(detectedAt.getTime() + 4 * 3_600_000),
  });
  if (id === null) throw new Error('found-late case not inserted');
  return id;
}

/**
 * A campaign scenario: 20 days of mentions for the four operators, 26–34 a day each, about 40%
 * negative. Over the last 10 days (the campaign) 中国联通 gets 16–24 extra posts a day about
 * `畅享冰雪季`, mostly positive, so its volume and net sentiment rise against the competitors'.
 */
export async function seedCampaignScenario(
  db: Db,
  end = new Date(),
): Promise<{ startsAt: Date; endsAt: Date }> {
  const day = 86_400_000;
  const endsAt = new Date(Math.floor(end.getTime() / day) * day - 8 * 3_600_000);
  const startsAt = new Date(endsAt.getTime() - 10 * day);
  await db.execute(sql`
    insert into mentions (source, external_id, author_id, author_name, author_followers, text, tokens, published_at,
      region, likes, reposts, comments, analyzed_at, sentiment, sentiment_score, brands, brand_sentiments, categories,
      keywords, risk, explain)
    select 'weibo', 'camp:' || d || ':' || b || ':' || i, 'c' || i, '网友' || i, 1000 * i,
      case when extra then '参加了' || brand || '畅享冰雪季活动，流量送得真多，点赞' else brand || '最近的网络还行吧' end,
      case when extra then '畅享 冰雪季 活动 流量' else '网络' end,
      ${startsAt.toISOString()}::timestamptz - interval '10 days' + make_interval(days => d, hours => i % 24),
      '北京', 50 * i, 10 * i, 5 * i, now(), sentiment, 0.5, array[brand],
      jsonb_build_array(jsonb_build_object('brand', brand, 'label', sentiment, 'score', 0.5)),
      case when extra then array['plan_data'] else array[(array['network','billing','service'])[1 + i % 3]] end,
      case when extra then array['畅享', '冰雪季'] else array['网络'] end, 10, '[]'::jsonb
    from (
      select d, b, i, brand, extra,
        case when extra then (case when (i + d) % 10 < 8 then 'pos' when (i + d) % 10 < 9 then 'neu' else 'neg' end)
             else (case when (i + d * b) % 10 < 4 then 'neg' when (i + d * b) % 10 < 7 then 'neu' else 'pos' end) end
          as sentiment
      from generate_series(0, 19) d, generate_series(1, 4) b,
        lateral (select (array['中国联通','中国移动','中国电信','中国广电'])[b] as brand) bb,
        lateral (select 26 + (d * 7 + b * 3) % 9 as base) n,
        lateral (select i, i > base as extra
                 from generate_series(1, base + case when b = 1 and d >= 10 then 16 + (d * 5) % 9 else 0 end) i) ii
    ) s`);
  await rebuildMentionRollups(db);
  return { startsAt, endsAt };
}
