import type { SourceConfig } from '../../core/index.ts';
import {
  type CrawlCursor,
  type CrawlCursorUpdate,
  type Db,
  getCrawlCursor,
  listSourceSessions,
  type QuarantineInput,
  quarantineResponse,
  recordSourceRun,
  recordSourceSession,
  type SourceRunRecord,
  type SourceSessionUpdate,
  saveCrawlCursor,
  syncSources,
} from '../../store/index.ts';

/** A stored account session state. */
export interface SessionState {
  accountId: string;
  blockedUntil: Date | null;
  errorCount: number;
}

/** Where a crawl keeps its cursors, health, sessions and quarantine. */
export interface CrawlStateStore {
  /** Make sure the source has a health row (cursors reference it). */
  ensureSource(source: SourceConfig): Promise<void>;
  getCursor(sourceId: string, key: string): Promise<CrawlCursor>;
  saveCursor(update: CrawlCursorUpdate): Promise<void>;
  getSessions(sourceId: string): Promise<SessionState[]>;
  recordSession(update: SourceSessionUpdate): Promise<void>;
  recordRun(record: SourceRunRecord): Promise<void>;
  quarantine(input: QuarantineInput): Promise<void>;
}

/** The database-backed state (crawl_cursors, sources, source_sessions, quarantine). */
export function dbCrawlState(db: Db): CrawlStateStore {
  return {
    ensureSource: (source) => syncSources(db, [source]),
    getCursor: (sourceId, key) => getCrawlCursor(db, sourceId, key),
    saveCursor: (u) => saveCrawlCursor(db, u),
    async getSessions(sourceId) {
      const rows = await listSourceSessions(db, sourceId);
      return rows.map((r) => ({
        accountId: r.accountId,
        blockedUntil: r.blockedUntil,
        errorCount: r.errorCount,
      }));
    },
    recordSession: (u) => recordSourceSession(db, u),
    recordRun: (r) => recordSourceRun(db, r),
    async quarantine(q) {
      await quarantineResponse(db, q);
    },
  };
}

/** An in-memory state, for runs without a database (bench, one-off crawls). Inspectable. */
export interface MemoryCrawlState extends CrawlStateStore {
  cursors: Map<string, CrawlCursor>;
  sessions: Map<string, SessionState>;
  runs: SourceRunRecord[];
  quarantined: QuarantineInput[];
}

/** Create an in-memory {@link CrawlStateStore}. */
export function memoryCrawlState(): MemoryCrawlState {
  const cursors = new Map<string, CrawlCursor>();
  const sessions = new Map<string, SessionState>();
  const runs: SourceRunRecord[] = [];
  const quarantined: QuarantineInput[] = [];
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  return {
    cursors,
    sessions,
    runs,
    quarantined,
    async ensureSource() {},
    async getCursor(sourceId, q) {
      return (
        cursors.get(key(sourceId, q)) ?? {
          sourceId,
          query: q,
          highWaterAt: null,
          highWaterIds: [],
          cursor: {},
          updatedAt: null,
        }
      );
    },
    async saveCursor(u) {
      const old = cursors.get(key(u.sourceId, u.query));
      const newer = !old?.highWaterAt || (u.highWaterAt !== null && u.highWaterAt > old.highWaterAt);
      const same = old?.highWaterAt && u.highWaterAt && old.highWaterAt.getTime() === u.highWaterAt.getTime();
      const at = newer ? u.highWaterAt : (old?.highWaterAt ?? null);
      const ids = newer
        ? u.highWaterIds
        : same
          ? [...new Set([...(old?.highWaterIds ?? []), ...u.highWaterIds])]
          : (old?.highWaterIds ?? []);
      cursors.set(key(u.sourceId, u.query), {
        sourceId: u.sourceId,
        query: u.query,
        highWaterAt: at,
        highWaterIds: ids,
        cursor: u.cursor ?? {},
        updatedAt: new Date(),
      });
    },
    async getSessions(sourceId) {
      return [...sessions.entries()].filter(([k]) => k.startsWith(`${sourceId}\u0000`)).map(([, v]) => v);
    },
    async recordSession(u) {
      const k = key(u.sourceId, u.accountId);
      const s = sessions.get(k) ?? { accountId: u.accountId, blockedUntil: null, errorCount: 0 };
      if (u.blockedUntil !== undefined) s.blockedUntil = u.blockedUntil;
      if (u.error) s.errorCount++;
      else if (u.resetErrors) s.errorCount = 0;
      sessions.set(k, s);
    },
    async recordRun(r) {
      runs.push(r);
    },
    async quarantine(q) {
      quarantined.push(q);
    },
  };
}
