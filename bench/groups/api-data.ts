import { sql } from 'drizzle-orm';
import { type Db, rebuildMentionRollups } from '../../store/index.ts';

/**
 * Bulk test data for the API bench, generated inside the database (generate_series), never row by
 * row: `n` analyzed mentions spread over the last 90 days (4 operators, 7 platforms, 31 provinces,
 * 10 categories, 40/35/25 % negative/neutral/positive), the rollups, and cases for about 1 in 25
 * negative 中国联通 mentions with deadlines around now.
 */
export async function generateApiData(db: Db, n: number, agentIds: number[]): Promise<void> {
  // h: a cheap per-row pseudo-random number, so the data is varied but reproducible.
  await db.execute(sql`
    insert into mentions (source, external_id, source_id, author_id, author_name, author_followers, author_verified,
      text, tokens, published_at, crawled_at, region, reposts, comments, likes, analyzed_at, sentiment, sentiment_score,
      brands, brand_sentiments, categories, keywords, risk)
    select src, 'bench:' || g, 'bench', 'a' || (h % 20000), '用户' || (h % 20000), (h % 200000)::int, h % 50 = 0,
      brand || w1 || w2 || '第' || g || '条', brand || ' ' || w1 || ' ' || w2, ts, ts + interval '2 minutes',
      (array['广东','北京','上海','四川','浙江','江苏','山东','河南','湖北','湖南','河北','福建','安徽','辽宁','陕西','重庆',
             '天津','江西','广西','云南','山西','贵州','黑龙江','吉林','内蒙古','新疆','甘肃','海南','宁夏','青海','西藏'])[1 + (h / 7) % 31],
      (h % 97)::int, (h % 41)::int, (h % 311)::int, ts + interval '3 minutes', sent, 0.5,
      array[brand], jsonb_build_array(jsonb_build_object('brand', brand, 'label', sent, 'score', 0.5)),
      case when h % 3 = 0 then array[cat1, cat2] else array[cat1] end, array[w1, w2], (h % 101)::int
    from (
      select g, h, now() - make_interval(secs => (g::float8 / ${n}) * 90 * 86400 + (h % 600)) as ts,
        (array['weibo','weibo','weibo','tieba','zhihu','discuz','heimao','appstore','rss'])[1 + h % 9] as src,
        (array['中国联通','中国联通','中国移动','中国移动','中国电信','中国广电'])[1 + (h / 3) % 6] as brand,
        case when h % 20 < 8 then 'neg' when h % 20 < 15 then 'neu' else 'pos' end as sent,
        (array['network','broadband','billing','plan_data','service','porting','vas_spam','sim_device','privacy_fraud','five_g'])[1 + (h / 11) % 10] as cat1,
        (array['network','billing','service','five_g'])[1 + (h / 13) % 4] as cat2,
        (array['宽带','信号','套餐','话费','客服','5G','光猫','流量'])[1 + (h / 17) % 8] as w1,
        (array['断网','太差','乱扣费','不错','投诉','很慢','满意','坑人'])[1 + (h / 19) % 8] as w2
      from (select g, (g::bigint * 2654435761) % 4294967291 as h from generate_series(1, ${n}) g) s
    ) t`);
  await rebuildMentionRollups(db);
  await generateCases(db, agentIds);
  await db.execute(sql`analyze`);
}

async function generateCases(db: Db, agentIds: number[]): Promise<void> {
  const agents = `{${agentIds.join(',')}}`;
  await db.execute(sql`
    insert into cases (status, priority, brand, title, primary_mention_id, team, assignee_id, risk, categories, region,
      published_at, detected_at, first_response_due_at, first_responded_at, breached_at)
    select st, (array['P1','P2','P3','P4'])[1 + m.id % 4], '中国联通', left(m.text, 40), m.id,
      (array['south','north'])[1 + m.id % 2], case when st = 'new' then null else (${agents}::int[])[1 + m.id % ${agentIds.length}] end,
      m.risk, m.categories, m.region, m.published_at, m.crawled_at,
      m.published_at + interval '24 hours',
      case when st in ('responded','resolved','closed') then m.published_at + make_interval(mins => (m.id % 1800)::int) end,
      case when st in ('new','assigned','in_progress') and m.published_at < now() - interval '24 hours' then m.published_at + interval '24 hours' end
    from (
      select m.*, case when m.published_at > now() - interval '3 days'
                       then (array['new','assigned','in_progress','responded'])[1 + m.id % 4]
                       else (array['resolved','closed','resolved','in_progress'])[1 + m.id % 4] end as st
      from mentions m where m.sentiment = 'neg' and m.brands = array['中国联通'] and m.id % 25 = 0
    ) m`);
  await db.execute(
    sql`insert into case_mentions (case_id, mention_id, reason) select id, primary_mention_id, 'opened' from cases`,
  );
}
