import { z } from 'zod';
import { isoDate, queryList, shortText } from '../http/validate.ts';
import { categoryEnum, mentionSummary, sentimentEnum, sourceName } from './mentions.ts';

/**
 * Analytics filters. `from`/`to` default to the 7 days before now. Buckets: `hour` (UTC hours,
 * ranges up to 31 days), `day` and `week` (calendar days and Monday-start weeks in Asia/Shanghai,
 * which is what users in China expect; day/week figures cover the whole Shanghai days the range
 * touches).
 */
export const analyticsFields = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  bucket: z.enum(['hour', 'day', 'week']).default('day'),
  brand: queryList(shortText).optional(),
  source: queryList(sourceName).optional(),
  sentiment: queryList(sentimentEnum).optional(),
  category: queryList(categoryEnum).optional(),
  region: queryList(shortText).optional(),
};

export const analyticsQuery = z.strictObject(analyticsFields);
export type AnalyticsQuery = z.output<typeof analyticsQuery>;

export const limitedAnalyticsQuery = z.strictObject({
  ...analyticsFields,
  /** Rows to return, 1–200. Default 20. */
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const authorsQuery = limitedAnalyticsQuery.extend({
  /** `reach` (followers) or `negativity`. Default `reach`. */
  by: z.enum(['reach', 'negativity']).default('reach'),
});

const counts = { total: z.number(), pos: z.number(), neu: z.number(), neg: z.number() };
export const seriesPoint = z.object({ bucket: z.string(), ...counts, engagement: z.number() });
export const rangeInfo = z.object({
  from: z.string(),
  to: z.string(),
  bucket: z.enum(['hour', 'day', 'week']),
});

export const netSentiment = z.object({
  /** (pos − neg) / total in the range, −1..1; null without mentions. */
  score: z.number().nullable(),
  /** The same over the previous period of equal length. */
  previous: z.number().nullable(),
  /** score − previous, or null. */
  change: z.number().nullable(),
  current: z.object(counts),
  previousCounts: z.object(counts),
});

export const breakdownItem = z.object({
  key: z.string(),
  ...counts,
  share: z.number(),
  netSentiment: z.number().nullable(),
});
export const shareOfVoiceItem = breakdownItem.extend({ own: z.boolean() });

export const overviewResponse = z.object({
  range: rangeInfo,
  totals: z.object({ ...counts, engagement: z.number() }),
  netSentiment,
  series: z.array(seriesPoint),
  shareOfVoice: z.array(shareOfVoiceItem),
  categories: z.array(breakdownItem),
  sources: z.array(breakdownItem),
});

export const seriesResponse = z.object({ range: rangeInfo, series: z.array(seriesPoint) });
export const breakdownResponse = z.object({ range: rangeInfo, items: z.array(breakdownItem) });
export const shareOfVoiceResponse = z.object({ range: rangeInfo, items: z.array(shareOfVoiceItem) });
export const categoriesResponse = z.object({
  range: rangeInfo,
  items: z.array(breakdownItem),
  series: z.array(z.object({ bucket: z.string(), counts: z.record(z.string(), z.number()) })),
});
export const keywordsResponse = z.object({
  range: rangeInfo,
  items: z.array(z.object({ keyword: z.string(), count: z.number(), negative: z.number() })),
});
export const authorsResponse = z.object({
  range: rangeInfo,
  items: z.array(
    z.object({
      source: z.string(),
      authorId: z.string(),
      authorName: z.string().nullable(),
      followers: z.number(),
      verified: z.boolean(),
      mentions: z.number(),
      negative: z.number(),
      engagement: z.number(),
    }),
  ),
});
export const topMentionsResponse = z.object({ range: rangeInfo, items: z.array(mentionSummary) });
export const slaResponse = z.object({
  range: rangeInfo,
  cases: z.number(),
  responded: z.number(),
  firstResponseP50Hours: z.number().nullable(),
  firstResponseP90Hours: z.number().nullable(),
  within24hRate: z.number().nullable(),
  breaches: z.number(),
  openByAge: z.array(z.object({ age: z.string(), count: z.number() })),
  openBreached: z.number(),
});
