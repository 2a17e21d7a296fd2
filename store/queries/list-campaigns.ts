import { desc } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { campaigns } from '../schema/index.ts';

/** Every campaign, newest start first. */
export async function listCampaigns(db: Db) {
  return await db.select().from(campaigns).orderBy(desc(campaigns.startsAt), desc(campaigns.id));
}

/** A campaign row. */
export type CampaignRow = Awaited<ReturnType<typeof listCampaigns>>[number];
