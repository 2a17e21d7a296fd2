import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sources } from '../schema/index.ts';

/** The outcome of one crawl run of a source, for its health record. */
export interface SourceRunRecord {
  sourceId: string;
  /** When the run finished. */
  at: Date;
  /** Every page was fetched and every batch accepted. */
  ok: boolean;
  /** Short error summary when not ok (never secrets). Default null. */
  error?: string | null;
  /** The source is blocked until then (every session blocked). Default null (not blocked). */
  blockedUntil?: Date | null;
  /** The block signal (`http-432`, `ok-100`, `captcha`…). Default null. */
  blockSignal?: string | null;
  /** Mentions delivered by the run. */
  items: number;
  /** Pages fetched by the run. */
  pages: number;
}

/** Update a source's health fields after a run (the source row must exist; see syncSources). */
export async function recordSourceRun(db: Db, r: SourceRunRecord): Promise<void> {
  const common = {
    lastRunAt: r.at,
    itemsLastRun: r.items,
    pagesLastRun: r.pages,
    blockedUntil: r.blockedUntil ?? null,
    blockSignal: r.blockSignal ?? null,
    updatedAt: sql`now()`,
  };
  const set = r.ok
    ? { ...common, lastSuccessAt: r.at }
    : { ...common, lastErrorAt: r.at, lastError: (r.error ?? 'failed').slice(0, 2000) };
  await db.update(sources).set(set).where(eq(sources.id, r.sourceId));
}
