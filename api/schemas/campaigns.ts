import { z } from 'zod';
import { isoDate } from '../http/validate.ts';
import { mentionSummary } from './mentions.ts';

const term = z.string().trim().min(1).max(100);
const DAY = 86_400_000;

/** A campaign as written by clients. Baseline: both ends or neither (default: the same length just before). */
export const campaignBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    brand: z.string().trim().min(1).max(100),
    keywords: z.array(term).max(50).default([]),
    hashtags: z.array(term).max(50).default([]),
    startsAt: isoDate,
    endsAt: isoDate,
    baselineStartsAt: isoDate.nullable().optional(),
    baselineEndsAt: isoDate.nullable().optional(),
  })
  .refine((c) => c.keywords.length + c.hashtags.length > 0, {
    message: 'give at least one keyword or hashtag',
    path: ['keywords'],
  })
  .refine((c) => c.startsAt < c.endsAt, { message: 'startsAt must be before endsAt', path: ['endsAt'] })
  .refine((c) => c.endsAt.getTime() - c.startsAt.getTime() <= 366 * DAY, {
    message: 'at most 366 days',
    path: ['endsAt'],
  })
  .refine((c) => (c.baselineStartsAt == null) === (c.baselineEndsAt == null), {
    message: 'give both baseline ends or neither',
    path: ['baselineStartsAt'],
  })
  .refine((c) => !c.baselineStartsAt || !c.baselineEndsAt || c.baselineStartsAt < c.baselineEndsAt, {
    message: 'baselineStartsAt must be before baselineEndsAt',
    path: ['baselineEndsAt'],
  });
export type CampaignBody = z.output<typeof campaignBody>;

export const campaign = z.object({
  id: z.number(),
  name: z.string(),
  brand: z.string(),
  keywords: z.array(z.string()),
  hashtags: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  baselineStartsAt: z.string().nullable(),
  baselineEndsAt: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const campaignList = z.object({ items: z.array(campaign) });

const windowStats = z.object({
  total: z.number(),
  pos: z.number(),
  neg: z.number(),
  perDay: z.number(),
  netSentiment: z.number().nullable(),
});
const did = z.object({
  estimate: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  stdError: z.number().nullable(),
  daysWindow: z.number(),
  daysBaseline: z.number(),
  meanDiffWindow: z.number().nullable(),
  meanDiffBaseline: z.number().nullable(),
});

export const impactReport = z.object({
  campaign,
  windows: z.object({
    campaign: z.object({ from: z.string(), to: z.string(), days: z.number() }),
    baseline: z.object({ from: z.string(), to: z.string(), days: z.number() }),
  }),
  /** Mentions of the campaign's brand containing its keywords or hashtags (competitors' are left out). */
  campaignMentions: z.object({ window: windowStats, baseline: windowStats }),
  /** Every mention of the campaign's brand. */
  brand: z.object({ window: windowStats, baseline: windowStats }),
  competitors: z.array(z.string()),
  /** Difference-in-differences vs competitors, with 95% confidence intervals. */
  lift: z.object({
    netSentiment: did,
    volume: did,
    /** Method code, for clients to describe the method in their own language. */
    methodId: z.enum(['did_daily']),
    /** The method described in English. */
    method: z.string(),
  }),
  topPosts: z.array(mentionSummary),
  categoryShifts: z.array(
    z.object({
      category: z.string(),
      windowShare: z.number(),
      baselineShare: z.number(),
      change: z.number(),
    }),
  ),
});
