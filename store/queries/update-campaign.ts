import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { campaigns } from '../schema/index.ts';
import type { CampaignInput } from './create-campaign.ts';
import type { CampaignRow } from './list-campaigns.ts';

/** Replace a campaign's fields; the updated row, or null when absent. */
export async function updateCampaign(db: Db, id: number, c: CampaignInput): Promise<CampaignRow | null> {
  const rows = await db
    .update(campaigns)
    .set({ ...c, updatedAt: sql`now()` })
    .where(eq(campaigns.id, id))
    .returning();
  return rows[0] ?? null;
}
