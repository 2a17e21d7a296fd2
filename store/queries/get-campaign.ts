import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { campaigns } from '../schema/index.ts';
import type { CampaignRow } from './list-campaigns.ts';

/** The campaign with this id, or null. */
export async function getCampaign(db: Db, id: number): Promise<CampaignRow | null> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return rows[0] ?? null;
}
