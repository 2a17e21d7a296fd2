import { NotFoundError, TransientError } from '../../core/index.ts';
import { type Db, insertAuditLog, listSources, setSourceEnabled } from '../../store/index.ts';
import type { AuthContext } from './auth-service.ts';

type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

function statusOf(s: SourceRow, now: number) {
  if (!s.enabled) return 'disabled' as const;
  if (s.blockedUntil && s.blockedUntil.getTime() > now) return 'blocked' as const;
  if (!s.lastRunAt) return 'never' as const;
  if (s.lastErrorAt && (!s.lastSuccessAt || s.lastErrorAt > s.lastSuccessAt)) return 'error' as const;
  const interval = Number((s.config as { intervalSeconds?: unknown }).intervalSeconds) || 300;
  if (!s.lastSuccessAt || now - s.lastSuccessAt.getTime() > 3 * interval * 1000) return 'stale' as const;
  return 'ok' as const;
}

/** A source's health record as the API shows it. */
export function sourceHealth(s: SourceRow, now = Date.now()) {
  return {
    id: s.id,
    kind: s.kind,
    enabled: s.enabled,
    status: statusOf(s, now),
    freshnessSeconds: s.lastSuccessAt ? Math.round((now - s.lastSuccessAt.getTime()) / 1000) : null,
    lastRunAt: s.lastRunAt,
    lastSuccessAt: s.lastSuccessAt,
    lastErrorAt: s.lastErrorAt,
    lastError: s.lastError,
    blockedUntil: s.blockedUntil,
    blockSignal: s.blockSignal,
    itemsLastRun: s.itemsLastRun,
    pagesLastRun: s.pagesLastRun,
    config: s.config as Record<string, unknown>,
  };
}

/** Enable or disable a source, audited. */
export async function setEnabled(db: Db, id: string, enabled: boolean, auth: AuthContext) {
  const row = await setSourceEnabled(db, id, enabled);
  if (!row) throw new NotFoundError(`source ${id} does not exist`);
  await insertAuditLog(db, {
    actorType: auth.actorType,
    actorId: auth.actorId,
    action: enabled ? 'source.enable' : 'source.disable',
    target: `source:${id}`,
    after: { enabled },
  });
  return sourceHealth(row);
}

/** Queue a crawl of one source now through the injected trigger (503 without one). */
export async function triggerCrawl(
  db: Db,
  id: string,
  trigger: ((sourceId: string) => Promise<{ jobId?: string }>) | undefined,
  auth: AuthContext,
) {
  const exists = (await listSources(db)).some((s) => s.id === id);
  if (!exists) throw new NotFoundError(`source ${id} does not exist`);
  if (!trigger) throw new TransientError('Crawling is not available in this process');
  const r = await trigger(id);
  await insertAuditLog(db, {
    actorType: auth.actorType,
    actorId: auth.actorId,
    action: 'source.crawl',
    target: `source:${id}`,
  });
  return { queued: true, jobId: r.jobId ?? null };
}
