import { type SQL, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { textArraySql } from './mention-filter-sql.ts';

/** First-response SLA figures. Durations in hours. */
export interface SlaStats {
  /** Cases published in the range (merged ones excluded). */
  cases: number;
  responded: number;
  firstResponseP50Hours: number | null;
  firstResponseP90Hours: number | null;
  /** Share of cases answered within 24 h of publication (0..1), or null without cases. */
  within24hRate: number | null;
  /** Cases in the range that breached their deadline. */
  breaches: number;
  /** Open cases now, by age since publication. */
  openByAge: { age: string; count: number }[];
  /** Open cases past their deadline now. */
  openBreached: number;
}

/** Options for {@link getSlaStats}. */
export interface SlaStatsFilter {
  from: Date;
  to: Date;
  /** Brands. Default: all. */
  brands?: string[];
}

const OPEN = sql`c.status not in ('resolved', 'closed') and c.merged_into_id is null`;

function brandSql(f: SlaStatsFilter): SQL {
  return f.brands?.length ? sql`c.brand = any(${textArraySql(f.brands)})` : sql`true`;
}

type Totals = {
  cases: number;
  responded: number;
  p50: number | null;
  p90: number | null;
  within: number;
  breaches: number;
};

async function totals(db: Db, f: SlaStatsFilter): Promise<Totals> {
  const res = await db.execute(sql`
    select count(*)::int as cases, count(c.first_responded_at)::int as responded,
      (percentile_cont(0.5) within group (order by extract(epoch from c.first_responded_at - c.published_at)) / 3600)::float8 as p50,
      (percentile_cont(0.9) within group (order by extract(epoch from c.first_responded_at - c.published_at)) / 3600)::float8 as p90,
      count(*) filter (where c.first_responded_at <= c.published_at + interval '24 hours')::int as within,
      count(c.breached_at)::int as breaches
    from cases c
    where c.merged_into_id is null and c.published_at >= ${f.from.toISOString()}::timestamptz
      and c.published_at < ${f.to.toISOString()}::timestamptz and ${brandSql(f)}`);
  const row = resultRows<Totals>(res)[0];
  return row ?? { cases: 0, responded: 0, p50: null, p90: null, within: 0, breaches: 0 };
}

/** SLA figures for cases published in the range, plus the open backlog by age now. */
export async function getSlaStats(db: Db, f: SlaStatsFilter): Promise<SlaStats> {
  const t = await totals(db, f);
  const ages = await db.execute(sql`
    select case when now() - c.published_at < interval '4 hours' then '<4h'
                when now() - c.published_at < interval '24 hours' then '4-24h'
                when now() - c.published_at < interval '72 hours' then '1-3d'
                else '>3d' end as age,
           count(*)::int as count,
           count(*) filter (where c.first_responded_at is null and c.first_response_due_at < now())::int as breached
    from cases c where ${OPEN} and ${brandSql(f)} group by 1`);
  const ageRows = resultRows<{ age: string; count: number; breached: number }>(ages);
  const order = ['<4h', '4-24h', '1-3d', '>3d'];
  return {
    cases: Number(t.cases),
    responded: Number(t.responded),
    firstResponseP50Hours: t.p50 === null ? null : Number(t.p50),
    firstResponseP90Hours: t.p90 === null ? null : Number(t.p90),
    within24hRate: Number(t.cases) > 0 ? Number(t.within) / Number(t.cases) : null,
    breaches: Number(t.breaches),
    openByAge: order.map((age) => ({ age, count: Number(ageRows.find((r) => r.age === age)?.count ?? 0) })),
    openBreached: ageRows.reduce((n, r) => n + Number(r.breached), 0),
  };
}
