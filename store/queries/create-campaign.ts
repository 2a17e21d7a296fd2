import type { Db } from '../db.ts';
import { campaigns } from '../schema/index.ts';
import type { CampaignRow } from './list-campaigns.ts';

/** Fields of a campaign. */
export interface CampaignInput {
  name: string;
  brand: string;
  keywords: string[];
  hashtags: string[];
  startsAt: Date;
  endsAt: Date;
  baselineStartsAt: Date | null;
  baselineEndsAt: Date | null;
}

/** Insert a campaign. */
export async function createCampaign(
  db: Db,
  c: CampaignInput,
  createdBy: number | null,
): Promise<CampaignRow> {
  const rows = await db
    .insert(campaigns)
    .values({ ...c, createdBy })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}
