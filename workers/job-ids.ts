import { createHash } from 'node:crypto';

/**
 * Job ids are derived from natural keys, so adding the same work twice is a no-op in BullMQ.
 * BullMQ reserves `:` (its key separator), so every component is percent-encoded: anything but
 * `[A-Za-z0-9_.]` becomes `%XX` (UTF-8 bytes), and components are joined with `-`.
 */

/** Percent-encode one id component: only `[A-Za-z0-9_.]` stays as is, so `-` and `:` never appear. */
export function encodeKey(part: string | number | bigint): string {
  return Array.from(new TextEncoder().encode(String(part)), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9_.]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** A job id from a kind and natural-key parts, e.g. `ingest-weibo-post%3A1`. */
export function jobId(kind: string, ...parts: (string | number | bigint)[]): string {
  return [kind, ...parts.map(encodeKey)].join('-');
}

/** A short, stable digest of many natural keys (order-insensitive), for batch job ids. */
export function digestKeys(keys: readonly string[]): string {
  const h = createHash('sha256');
  for (const k of [...keys].sort()) h.update(k).update('\u0000');
  return h.digest('base64url').slice(0, 22).replace(/-/g, '_');
}

/** The natural key of a mention: `(source, externalId)`. */
export function mentionKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

/** SLA timer job id: case id, timer kind and due time, so a moved timer gets a new id. */
export function slaJobId(caseId: number, kind: string, dueAtMs: number): string {
  return jobId('sla', caseId, kind, dueAtMs);
}
