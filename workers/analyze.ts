import type { Job } from 'bullmq';
import { ValidationError } from '../core/index.ts';
import type { Analysis, AnalyzeItem } from '../nlp/index.ts';
import {
  findMentionsByExternalIds,
  getMentionsForAnalysis,
  type MentionAnalysisRow,
  type MentionRef,
  type MentionForAnalysis,
  saveMentionAnalyses,
} from '../store/index.ts';
import type { ClusterInput } from './clusters.ts';
import { markRollupHours } from './rollups.ts';
import { isRouteCandidate, type StageContext } from './context.ts';
import { digestKeys, jobId } from './job-ids.ts';
import type { MentionIdsJobData } from './types.ts';

/**
 * Analyze: run nlp on each mention not analyzed yet, place it in its near-duplicate cluster (a
 * repost joins its parent's cluster; otherwise SimHash within distance 3 in the recent window), save
 * the results in one statement, and hand the mentions negative toward our brands to the route queue.
 */

/** The route job id of a set of mention ids. */
export function routeJobId(ids: readonly number[]): string {
  return ids.length === 1 ? jobId('route', ids[0] ?? 0) : jobId('route', 'b', digestKeys(ids.map(String)));
}

function analysisText(m: MentionForAnalysis): string {
  return m.title && !m.text.startsWith(m.title) ? `${m.title}\n${m.text}` : m.text;
}

function nlpItem(m: MentionForAnalysis): AnalyzeItem {
  const ageHours = Math.max(0, (m.crawledAt.getTime() - m.publishedAt.getTime()) / 3_600_000);
  return {
    text: analysisText(m),
    meta: {
      ...(m.authorFollowers !== null ? { followers: m.authorFollowers } : {}),
      reposts: m.reposts,
      comments: m.comments,
      likes: m.likes,
      ageHours,
      html: false,
    },
  };
}

/** Clusters for the batch: parents from the database first, then parents within the batch. */
async function assignClusters(
  ctx: StageContext,
  todo: MentionForAnalysis[],
  analyses: Analysis[],
): Promise<{ cluster: number[]; parent: (MentionRef | null)[] }> {
  const parentKeys = todo
    .filter((m) => m.parentExternalId)
    .map((m) => ({ source: m.source, externalId: m.parentExternalId ?? '' }));
  const parents = new Map(
    (await findMentionsByExternalIds(ctx.db, parentKeys)).map((p) => [`${p.source}\u0000${p.externalId}`, p]),
  );
  const parentOf = todo.map((m) =>
    m.parentExternalId ? (parents.get(`${m.source}\u0000${m.parentExternalId}`) ?? null) : null,
  );
  const index = new Map(todo.map((m, i) => [m.id, i]));
  const input = (i: number, forced: number | null): ClusterInput => ({
    mentionId: todo[i]?.id ?? 0,
    simhash: analyses[i]?.simhash ?? 0n,
    publishedAt: todo[i]?.publishedAt ?? new Date(0),
    forcedCluster: forced,
  });
  // A parent analyzed in this very batch has no cluster in the database yet: place it first.
  const inBatch = (i: number) => {
    const p = parentOf[i];
    return p !== null && p !== undefined && p.clusterId === null && index.has(p.id);
  };
  const first = todo.map((_, i) => i).filter((i) => !inBatch(i));
  const second = todo.map((_, i) => i).filter(inBatch);
  const cluster: number[] = new Array(todo.length).fill(0);
  const firstRes = await ctx.clusters.assign(
    first.map((i) => input(i, parentOf[i] ? (parentOf[i]?.clusterId ?? parentOf[i]?.id ?? null) : null)),
  );
  first.forEach((i, k) => {
    cluster[i] = firstRes[k] ?? todo[i]?.id ?? 0;
  });
  const secondRes = await ctx.clusters.assign(
    second.map((i) => input(i, cluster[index.get(parentOf[i]?.id ?? -1) ?? -1] ?? null)),
  );
  second.forEach((i, k) => {
    cluster[i] = secondRes[k] ?? todo[i]?.id ?? 0;
  });
  return { cluster, parent: parentOf };
}

function toRow(
  m: MentionForAnalysis,
  a: Analysis,
  clusterId: number,
  parent: MentionRef | null,
): MentionAnalysisRow {
  return {
    id: m.id,
    sentiment: a.sentiment.label,
    sentimentScore: a.sentiment.score,
    sentimentConfidence: a.sentiment.confidence,
    brandSentiments: a.brandSentiments,
    brands: a.brands,
    categories: a.categories,
    keywords: a.keywords,
    risk: a.risk,
    explain: a.explain,
    tokens: a.tokens,
    simhash: a.simhash,
    clusterId,
    parentId: parent?.id ?? null,
  };
}

/** Process one analyze job. */
export async function processAnalyze(
  ctx: StageContext,
  job: Job<MentionIdsJobData>,
): Promise<{ analyzed: number; forwarded: number }> {
  const ids = job.data?.mentionIds;
  if (!Array.isArray(ids) || ids.length === 0) throw new ValidationError('analyze job without mention ids');
  const rows = await getMentionsForAnalysis(ctx.db, ids);
  const todo = rows
    .filter((m) => m.analyzedAt === null)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id - b.id);
  const analyses = await ctx.analyzer.analyzeMany(todo.map(nlpItem));
  const { cluster, parent } = await assignClusters(ctx, todo, analyses);
  const results = todo.map((m, i) =>
    toRow(m, analyses[i] as Analysis, cluster[i] ?? m.id, parent[i] ?? null),
  );
  await saveMentionAnalyses(ctx.db, results);
  // Every row, not just `todo`: a retry after a crash between these two writes must still roll up.
  await markRollupHours(
    ctx.queues.redis,
    ctx.queues.prefix,
    rows.map((m) => m.publishedAt),
  );
  const fresh = new Map(results.map((r) => [r.id, r]));
  const candidates = rows
    .filter((m) => {
      const r = fresh.get(m.id);
      return r
        ? isRouteCandidate({ analyzedAt: new Date(), brandSentiments: r.brandSentiments }, ctx.ownBrands)
        : isRouteCandidate(m, ctx.ownBrands);
    })
    .map((m) => m.id);
  if (candidates.length)
    await ctx.queues.route.add('mentions', { mentionIds: candidates }, { jobId: routeJobId(candidates) });
  return { analyzed: todo.length, forwarded: candidates.length };
}
