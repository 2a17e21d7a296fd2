import { z } from 'zod';
import { CATEGORY_IDS } from '../../core/index.ts';
import { isoDate, queryList, shortText } from '../http/validate.ts';

export const sentimentEnum = z.enum(['neg', 'neu', 'pos']);
export const categoryEnum = z.enum(CATEGORY_IDS);
/** Platform names are lower-case words. */
export const sourceName = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'a platform name like weibo');

/** Mention filters shared by search, export and analytics (query string). */
export const mentionFilterFields = {
  /** Canonical brand names. */
  brand: queryList(shortText).optional(),
  source: queryList(sourceName).optional(),
  sentiment: queryList(sentimentEnum).optional(),
  category: queryList(categoryEnum).optional(),
  /** Provinces, e.g. 广东. */
  region: queryList(shortText).optional(),
  /** Published at or after (ISO 8601). */
  from: isoDate.optional(),
  /** Published before (ISO 8601). */
  to: isoDate.optional(),
  riskMin: z.coerce.number().int().min(0).max(100).optional(),
  riskMax: z.coerce.number().int().min(0).max(100).optional(),
  /** Author id or exact author name. */
  author: shortText.optional(),
  /** Free text, segmented and matched against the mention tokens (all words must occur). */
  q: z.string().trim().min(1).max(200).optional(),
  /** Campaign id: mentions containing any of its keywords or hashtags. */
  campaign: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
};

export const mentionSearchQuery = z.strictObject({
  ...mentionFilterFields,
  /** Page size, 1–200. Default 50. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from `nextCursor`. */
  cursor: z.string().max(200).optional(),
  /** `newest` (default) or `oldest` first; ties broken by id. */
  order: z.enum(['newest', 'oldest']).default('newest'),
});
export type MentionSearchQuery = z.output<typeof mentionSearchQuery>;
export type MentionFilterQuery = Partial<Pick<MentionSearchQuery, keyof typeof mentionFilterFields>>;

export const mentionSummary = z.object({
  id: z.number().int(),
  source: z.string(),
  sourceId: z.string().nullable(),
  externalId: z.string(),
  url: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  authorFollowers: z.number().nullable(),
  authorVerified: z.boolean(),
  title: z.string().nullable(),
  text: z.string(),
  publishedAt: z.string().describe('ISO 8601 UTC'),
  crawledAt: z.string(),
  region: z.string().nullable(),
  reposts: z.number(),
  comments: z.number(),
  likes: z.number(),
  sentiment: sentimentEnum.nullable(),
  sentimentScore: z.number().nullable(),
  brands: z.array(z.string()),
  categories: z.array(z.string()),
  keywords: z.array(z.string()),
  risk: z.number().nullable(),
  clusterId: z.number().nullable(),
  corrected: z.boolean(),
});

export const mentionPage = z.object({
  items: z.array(mentionSummary),
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});

export const mentionDetail = z.object({
  mention: mentionSummary.extend({
    analyzedAt: z.string().nullable(),
    sentimentConfidence: z.number().nullable(),
    brandSentiments: z.array(z.object({ brand: z.string(), label: sentimentEnum, score: z.number() })),
    explain: z.array(z.object({ kind: z.string(), text: z.string(), weight: z.number() })),
    raw: z.unknown().optional().describe('Crawled payload (admin only)'),
  }),
  cluster: z.array(mentionSummary),
  case: z
    .object({
      id: z.number(),
      status: z.string(),
      priority: z.string().optional(),
      assigneeId: z.number().nullable().optional(),
    })
    .nullable(),
});

export const correctionBody = z
  .strictObject({
    sentiment: sentimentEnum.optional(),
    categories: z.array(categoryEnum).max(10).optional(),
  })
  .refine((b) => b.sentiment !== undefined || b.categories !== undefined, 'give sentiment or categories');

export const correctionResult = z.object({
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
