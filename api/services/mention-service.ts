import type { Response } from 'express';
import { NotFoundError, ValidationError } from '../../core/index.ts';
import { cut, toHalfWidth, toSimplified } from '../../nlp/index.ts';
import {
  applyMentionRollup,
  correctMention,
  type Db,
  getCampaign,
  getCaseForMention,
  getMention,
  listClusterMentions,
  listTrainingCorrections,
  type MentionFilter,
  searchMentions,
} from '../../store/index.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { writeChunk } from '../http/stream.ts';
import { can } from '../permissions.ts';
import type { MentionFilterQuery, MentionSearchQuery } from '../schemas/mentions.ts';
import type { AuthContext } from './auth-service.ts';

const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/** Segment free text the way the analyzer segments mentions (simplified, half-width, jieba). */
export function queryWords(q: string): string[] {
  const words = cut(toSimplified(toHalfWidth(q)))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w && !PUNCT.test(w));
  return [...new Set(words)].slice(0, 20);
}

/** Turn validated query-string filters into a store filter (looks up the campaign's terms). */
export async function toMentionFilter(db: Db, q: MentionFilterQuery): Promise<MentionFilter> {
  if (q.from && q.to && q.from >= q.to)
    throw new ValidationError('from must be before to', [{ path: 'query.from', message: 'after to' }], {
      code: 'range-order',
    });
  if (q.riskMin !== undefined && q.riskMax !== undefined && q.riskMin > q.riskMax) {
    throw new ValidationError('riskMin must not exceed riskMax', [
      { path: 'query.riskMin', message: 'above riskMax' },
    ]);
  }
  const f: MentionFilter = {
    brands: q.brand,
    sources: q.source,
    sentiments: q.sentiment,
    categories: q.category,
    regions: q.region,
    from: q.from,
    to: q.to,
    riskMin: q.riskMin,
    riskMax: q.riskMax,
    author: q.author,
  };
  if (q.q) {
    const words = queryWords(q.q);
    // Nothing searchable (only punctuation): match nothing rather than everything.
    if (words.length) f.words = words;
    else f.none = true;
  }
  if (q.campaign !== undefined) {
    const c = await getCampaign(db, q.campaign);
    if (!c) throw new NotFoundError(`campaign ${q.campaign} does not exist`);
    f.terms = [...c.keywords, ...c.hashtags];
    if (f.terms.length === 0) f.none = true;
  }
  return f;
}

/** One page of search results with the cursor of the next page. */
export async function searchMentionPage(db: Db, q: MentionSearchQuery) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const filter = await toMentionFilter(db, q);
  const rows = await searchMentions(db, {
    filter,
    limit: q.limit + 1,
    order: q.order === 'oldest' ? 'asc' : 'desc',
    ...(after ? { after: { publishedAt: after.at, id: after.id } } : {}),
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ at: last.publishedAt, id: last.id }) : null;
  return { items, nextCursor };
}

/** A mention with its analysis, cluster and case, shaped for the caller's role. */
export async function mentionDetail(db: Db, id: number, auth: AuthContext) {
  const m = await getMention(db, id);
  if (!m) throw new NotFoundError(`mention ${id} does not exist`);
  const { raw, piiHashes: _p, simhash: _s, tokens: _t, parentId: _pi, ...rest } = m;
  const cluster = m.clusterId !== null ? await listClusterMentions(db, m.clusterId, m.id) : [];
  const c = await getCaseForMention(db, m.id);
  // Roles that cannot read cases see only that one exists and its status.
  const caseInfo = c ? (can(auth.role, 'cases.read') ? c : { id: c.id, status: c.status }) : null;
  return {
    mention: { ...rest, ...(can(auth.role, 'mentions.raw') ? { raw } : {}) },
    cluster,
    case: caseInfo,
  };
}

/** Apply an analyst correction and refresh the rollups the mention counts in. */
export async function correct(
  db: Db,
  id: number,
  body: { sentiment?: 'neg' | 'neu' | 'pos'; categories?: string[] },
  auth: AuthContext,
) {
  const changes = await correctMention(db, {
    mentionId: id,
    userId: auth.userId,
    actorType: auth.actorType,
    actorId: auth.actorId,
    ...(body.sentiment !== undefined ? { sentiment: body.sentiment } : {}),
    ...(body.categories !== undefined ? { categories: [...new Set(body.categories)] } : {}),
  });
  await applyMentionRollup(db, [id]);
  return { changes };
}

/** Stream corrected mentions as JSON lines `{text,label,categories}` in id batches (constant memory). */
export async function streamTrainingData(db: Db, res: Response, batch = 1000): Promise<void> {
  res.status(200).type('application/x-ndjson');
  res.setHeader('Content-Disposition', 'attachment; filename="koubei-corrections.jsonl"');
  let after = 0;
  for (;;) {
    const rows = await listTrainingCorrections(db, after, batch);
    const text = rows
      .map((r) => `${JSON.stringify({ text: r.text, label: r.label, categories: r.categories })}\n`)
      .join('');
    if (text && !(await writeChunk(res, text))) return;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) break;
    after = last.mentionId;
  }
  res.end();
}
