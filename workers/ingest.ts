import type { Job } from 'bullmq';
import { ValidationError } from '../core/index.ts';
import { type IngestedMention, upsertIngestedMentions } from '../store/index.ts';
import type { StageContext } from './context.ts';
import { digestKeys, jobId } from './job-ids.ts';
import { type CleanMention, cleanMention, rawMentionKey } from './mention-input.ts';
import type { IngestJobData } from './types.ts';

/**
 * Ingest: validate, tidy and mask each crawled mention, upsert the batch on (source, external id),
 * and hand the mentions not yet analyzed to the analyze queue. A duplicate delivery finds them
 * analyzed already and stops here. A bad mention in a batch is split off into its own job, which
 * dead-letters with the validation message while the rest of the batch goes on.
 */

function toRow(m: CleanMention): IngestedMention {
  return {
    source: m.source,
    externalId: m.externalId,
    sourceId: m.sourceId || null,
    url: m.url,
    authorId: m.author.id,
    authorName: m.author.name,
    authorFollowers: m.author.followers,
    authorVerified: m.author.verified,
    title: m.title,
    text: m.text,
    piiHashes: m.piiHashes,
    raw: m.raw ?? null,
    publishedAt: m.publishedAt,
    crawledAt: m.crawledAt,
    region: m.region,
    reposts: m.engagement.reposts,
    comments: m.engagement.comments,
    likes: m.engagement.likes,
    parentExternalId: m.parentExternalId,
    threadId: m.threadId,
    query: m.query,
  };
}

/** The analyze job id of a set of mention ids. */
export function analyzeJobId(ids: readonly number[]): string {
  return ids.length === 1
    ? jobId('analyze', ids[0] ?? 0)
    : jobId('analyze', 'b', digestKeys(ids.map(String)));
}

async function splitOffBad(ctx: StageContext, bad: unknown[]): Promise<void> {
  await ctx.queues.ingest.addBulk(
    bad.map((m) => {
      const k = rawMentionKey(m);
      const id = k
        ? jobId('ingest', k.source, k.externalId)
        : jobId('ingest', 'bad', digestKeys([JSON.stringify(m) ?? '']));
      return { name: 'mentions', data: { mentions: [m] }, opts: { jobId: id } };
    }),
  );
}

/** Process one ingest job; returns counts for the job's return value. */
export async function processIngest(
  ctx: StageContext,
  job: Job<IngestJobData>,
): Promise<{ stored: number; forwarded: number; rejected: number }> {
  const input = Array.isArray(job.data?.mentions) ? job.data.mentions : [];
  if (input.length === 0) throw new ValidationError('ingest job without mentions');
  const clean: CleanMention[] = [];
  const bad: { m: unknown; err: ValidationError }[] = [];
  for (const m of input) {
    try {
      clean.push(cleanMention(m, { piiSalt: ctx.piiSalt }));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      bad.push({ m, err });
    }
  }
  const [onlyBad] = bad;
  if (input.length === 1 && onlyBad) throw onlyBad.err;
  if (bad.length)
    await splitOffBad(
      ctx,
      bad.map((b) => b.m),
    );
  const rows = await upsertIngestedMentions(ctx.db, clean.map(toRow));
  const pending = rows
    .filter((r) => !r.analyzed)
    .map((r) => r.id)
    .sort((a, b) => a - b);
  if (pending.length)
    await ctx.queues.analyze.add('mentions', { mentionIds: pending }, { jobId: analyzeJobId(pending) });
  return { stored: rows.length, forwarded: pending.length, rejected: bad.length };
}
