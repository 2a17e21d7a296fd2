import { sql } from 'drizzle-orm';
import type { SourceConfig } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { sources } from '../schema/index.ts';

/** The source config as stored: everything but account cookies and proxy credentials. */
function publicConfig(s: SourceConfig): Record<string, unknown> {
  const { accounts, proxyUrls, ...rest } = s;
  return { ...rest, accounts: accounts.map((a) => ({ id: a.id })), proxies: proxyUrls.length };
}

/** Upsert a health record for each configured source. Health fields are left untouched. */
export async function syncSources(db: Db, configured: SourceConfig[]): Promise<void> {
  for (const s of configured) {
    await db
      .insert(sources)
      .values({ id: s.id, kind: s.kind, enabled: s.enabled, config: publicConfig(s) })
      .onConflictDoUpdate({
        target: sources.id,
        set: { kind: s.kind, config: publicConfig(s), updatedAt: sql`now()` },
      });
  }
}
