import type { Campaign, CampaignImpact, Counts } from './analytics-types.ts';
import { get } from './client.ts';

/** The impact report plus the daily volume of the brand and each competitor over baseline and campaign. */
export interface ImpactView {
  impact: CampaignImpact;
  series: { t: string; brand: string; count: number }[];
}

/**
 * The body of `POST /campaigns` and `PUT /campaigns/:id` (api/schemas/campaigns.ts). Instants are
 * ISO strings; baseline both or neither (null: the same length just before the campaign).
 */
export type CampaignBody = Omit<Campaign, 'id'>;

type VolumeResponse = { series: (Counts & { bucket: string })[] };

/** `GET /campaigns/:id/impact`, then one volume series per brand for the chart (failures leave it out). */
export async function loadImpact(id: number, signal?: AbortSignal): Promise<ImpactView> {
  const impact = await get<CampaignImpact>(`/campaigns/${id}/impact`, undefined, signal);
  // ISO strings sort by time: the chart starts at the earlier window.
  const from = [impact.windows.baseline.from, impact.windows.campaign.from].sort()[0];
  const to = impact.windows.campaign.to;
  const names = [impact.campaign.brand, ...impact.competitors];
  const lists = await Promise.all(
    names.map((brand) =>
      get<VolumeResponse>('/analytics/volume', { brand, from, to, bucket: 'day' }, signal)
        .then((r) => r.series.map((p) => ({ t: p.bucket, brand, count: p.total })))
        .catch((err: unknown) => {
          if ((err as Error).name === 'AbortError') throw err;
          return [];
        }),
    ),
  );
  return { impact, series: lists.flat() };
}
