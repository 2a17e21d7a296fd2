import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { campaigns } from '../schema/index.ts';

/** Delete a campaign; true when one was deleted. */
export async function deleteCampaign(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(campaigns).where(eq(campaigns.id, id)).returning({ id: campaigns.id });
  return rows.length > 0;
}
