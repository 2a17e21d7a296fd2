import { NotFoundError } from '../../core/index.ts';
import {
  type CampaignInput,
  type CampaignRow,
  type Db,
  getCampaign,
  getMentionDailyStats,
  getRollupBreakdown,
  getRollupSeries,
  listBrands,
  listTopEngagedMentions,
} from '../../store/index.ts';
import type { CampaignBody } from '../schemas/campaigns.ts';
import { type DidResult, differenceInDifferences } from './did.ts';

const DAY = 86_400_000;

/** A client body as store input (no baseline → null: the default window applies). */
export function campaignInput(b: CampaignBody): CampaignInput {
  return {
    name: b.name,
    brand: b.brand,
    keywords: [...new Set(b.keywords)],
    hashtags: [...new Set(b.hashtags)],
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    baselineStartsAt: b.baselineStartsAt ?? null,
    baselineEndsAt: b.baselineEndsAt ?? null,
  };
}

/** The campaign or 404. */
export async function requireCampaign(db: Db, id: number): Promise<CampaignRow> {
  const c = await getCampaign(db, id);
  if (!c) throw new NotFoundError(`campaign ${id} does not exist`);
  return c;
}

interface Window {
  from: Date;
  to: Date;
}

/** The baseline: the configured one, else the same length just before the campaign. */
export function baselineOf(c: CampaignRow): Window {
  if (c.baselineStartsAt && c.baselineEndsAt) return { from: c.baselineStartsAt, to: c.baselineEndsAt };
  const len = c.endsAt.getTime() - c.startsAt.getTime();
  return { from: new Date(c.startsAt.getTime() - len), to: c.startsAt };
}

type Day = { total: number; pos: number; neg: number };

function stats(days: Map<string, Day>, w: Window) {
  const t = [...days.values()].reduce(
    (a, d) => ({ total: a.total + d.total, pos: a.pos + d.pos, neg: a.neg + d.neg }),
    { total: 0, pos: 0, neg: 0 },
  );
  const span = Math.max(1, (w.to.getTime() - w.from.getTime()) / DAY);
  return { ...t, perDay: t.total / span, netSentiment: t.total > 0 ? (t.pos - t.neg) / t.total : null };
}

/** Daily totals of a brand set over a window, from the daily rollups (Asia/Shanghai days). */
async function dailyFromRollups(db: Db, brands: string[], w: Window): Promise<Map<string, Day>> {
  const rows = await getRollupSeries(db, { from: w.from, to: w.to, brands }, 'day');
  const out = new Map<string, Day>();
  for (const r of rows) {
    const d = out.get(r.bucket) ?? { total: 0, pos: 0, neg: 0 };
    d.total += r.count;
    if (r.sentiment === 'pos') d.pos += r.count;
    if (r.sentiment === 'neg') d.neg += r.count;
    out.set(r.bucket, d);
  }
  return out;
}

const nssOf = (d: Day | undefined) => (d && d.total > 0 ? (d.pos - d.neg) / d.total : null);

/** Daily differences brand − control for one metric; days without a value on either side are skipped. */
function dailyDiffs(
  brand: Map<string, Day>,
  control: Map<string, Day>,
  w: Window,
  metric: 'nss' | 'volume',
  controls: number,
): number[] {
  const out: number[] = [];
  for (let t = w.from.getTime(); t < w.to.getTime(); t += DAY) {
    const key = dayKey(new Date(t));
    const b = brand.get(key);
    const c = control.get(key);
    if (metric === 'volume') out.push((b?.total ?? 0) - (c?.total ?? 0) / Math.max(1, controls));
    else {
      const nb = nssOf(b);
      const nc = nssOf(c);
      if (nb !== null && nc !== null) out.push(nb - nc);
    }
  }
  return out;
}

/** The ISO bucket key of the Asia/Shanghai day containing `d` (matches the rollup bucket strings). */
function dayKey(d: Date): string {
  const shanghai = new Date(d.getTime() + 8 * 3_600_000);
  const midnight =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3_600_000;
  return new Date(midnight).toISOString().replace('.000Z', 'Z');
}

async function categoryShifts(db: Db, brand: string, win: Window, base: Window) {
  const shares = async (w: Window) => {
    const [cats, totals] = await Promise.all([
      getRollupBreakdown(db, { from: w.from, to: w.to, brands: [brand] }, 'category'),
      getRollupBreakdown(db, { from: w.from, to: w.to, brands: [brand] }, 'sentiment'),
    ]);
    const total = totals.reduce((n, r) => n + r.count, 0);
    const m = new Map<string, number>();
    for (const r of cats) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
    return { m, total };
  };
  const [w, b] = await Promise.all([shares(win), shares(base)]);
  const keys = new Set([...w.m.keys(), ...b.m.keys()]);
  return [...keys]
    .map((category) => {
      const windowShare = w.total ? (w.m.get(category) ?? 0) / w.total : 0;
      const baselineShare = b.total ? (b.m.get(category) ?? 0) / b.total : 0;
      return { category, windowShare, baselineShare, change: windowShare - baselineShare };
    })
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
}

/**
 * Mentions of the campaign's own brand that contain one of its terms (competitors' posts using the
 * same words are not the campaign's). A mention naming several brands counts once, with its label
 * for the campaign brand.
 */
async function campaignMentionStats(db: Db, brand: string, terms: string[], w: Window) {
  const rows = await getMentionDailyStats(db, { brands: [brand], terms, from: w.from, to: w.to });
  const days = new Map<string, Day>();
  for (const r of rows) {
    // The query returns one row per brand a matching mention names: keep the campaign brand's.
    if (r.brand !== brand) continue;
    const d = days.get(r.day) ?? { total: 0, pos: 0, neg: 0 };
    d.total += r.count;
    d.pos += r.pos;
    d.neg += r.neg;
    days.set(r.day, d);
  }
  return stats(days, w);
}

function lift(
  brand: [Map<string, Day>, Map<string, Day>],
  ctl: [Map<string, Day>, Map<string, Day>],
  win: Window,
  base: Window,
  n: number,
) {
  const did = (metric: 'nss' | 'volume'): DidResult =>
    differenceInDifferences(
      dailyDiffs(brand[0], ctl[0], win, metric, n),
      dailyDiffs(brand[1], ctl[1], base, metric, n),
    );
  return {
    netSentiment: did('nss'),
    volume: did('volume'),
    /** Which method: clients show a localized description from it (`method` is the English one). */
    methodId: 'did_daily' as const,
    method:
      'Difference-in-differences of daily (Asia/Shanghai) values, brand minus competitors (net sentiment: pooled competitor mentions; volume: mean per competitor), campaign window minus baseline; 95% CI with Welch standard error and t quantile.',
  };
}

/** The impact report: window vs baseline, lift vs competitors, top posts, categories that moved. */
export async function impactReport(db: Db, c: CampaignRow) {
  const win: Window = { from: c.startsAt, to: c.endsAt };
  const base = baselineOf(c);
  const competitors = (await listBrands(db)).map((b) => b.name).filter((n) => n !== c.brand);
  const terms = [...c.keywords, ...c.hashtags];
  const [bw, bb, cw, cb, mw, mb, topPosts, shifts] = await Promise.all([
    dailyFromRollups(db, [c.brand], win),
    dailyFromRollups(db, [c.brand], base),
    competitors.length ? dailyFromRollups(db, competitors, win) : Promise.resolve(new Map<string, Day>()),
    competitors.length ? dailyFromRollups(db, competitors, base) : Promise.resolve(new Map<string, Day>()),
    campaignMentionStats(db, c.brand, terms, win),
    campaignMentionStats(db, c.brand, terms, base),
    listTopEngagedMentions(db, { brands: [c.brand], terms, from: win.from, to: win.to }, 10),
    categoryShifts(db, c.brand, win, base),
  ]);
  const days = (w: Window) => (w.to.getTime() - w.from.getTime()) / DAY;
  return {
    campaign: c,
    windows: {
      campaign: { from: win.from.toISOString(), to: win.to.toISOString(), days: days(win) },
      baseline: { from: base.from.toISOString(), to: base.to.toISOString(), days: days(base) },
    },
    campaignMentions: { window: mw, baseline: mb },
    brand: { window: stats(bw, win), baseline: stats(bb, base) },
    competitors,
    lift: lift([bw, bb], [cw, cb], win, base, competitors.length),
    topPosts,
    categoryShifts: shifts,
  };
}
