import { createCampaign, deleteCampaign, listCampaigns, updateCampaign } from '../../store/index.ts';
import { NotFoundError } from '../../core/index.ts';
import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { idParams } from '../http/validate.ts';
import { campaign, campaignBody, campaignList, impactReport } from '../schemas/campaigns.ts';
import { campaignInput, impactReport as report, requireCampaign } from '../services/campaign-service.ts';

const TAG = 'Campaigns';
const P = '/api/v1/campaigns';

/** Campaign CRUD and the impact report. */
export function campaignRoutes(ctx: ApiContext): Route[] {
  return [
    route({
      method: 'get',
      path: P,
      tag: TAG,
      access: 'campaigns.read',
      summary: 'List campaigns',
      response: campaignList,
      handler: async () => ({ items: await listCampaigns(ctx.db()) }),
    }),
    route({
      method: 'post',
      path: P,
      tag: TAG,
      access: 'campaigns.write',
      summary: 'Create a campaign',
      body: campaignBody,
      response: campaign,
      status: 201,
      handler: ({ body, auth }) => createCampaign(ctx.db(), campaignInput(body), auth.userId),
    }),
    route({
      method: 'get',
      path: `${P}/:id`,
      tag: TAG,
      access: 'campaigns.read',
      summary: 'A campaign',
      params: idParams,
      response: campaign,
      handler: ({ params }) => requireCampaign(ctx.db(), params.id),
    }),
    route({
      method: 'put',
      path: `${P}/:id`,
      tag: TAG,
      access: 'campaigns.write',
      summary: 'Replace a campaign',
      params: idParams,
      body: campaignBody,
      response: campaign,
      handler: async ({ params, body }) => {
        const row = await updateCampaign(ctx.db(), params.id, campaignInput(body));
        if (!row) throw new NotFoundError(`campaign ${params.id} does not exist`);
        return row;
      },
    }),
    route({
      method: 'delete',
      path: `${P}/:id`,
      tag: TAG,
      access: 'campaigns.write',
      summary: 'Delete a campaign',
      params: idParams,
      status: 204,
      handler: async ({ params }) => {
        if (!(await deleteCampaign(ctx.db(), params.id)))
          throw new NotFoundError(`campaign ${params.id} does not exist`);
      },
    }),
    route({
      method: 'get',
      path: `${P}/:id/impact`,
      tag: TAG,
      access: 'campaigns.read',
      summary:
        'Impact: window vs baseline, lift vs competitors (difference-in-differences, 95% CI), top posts, categories that moved',
      params: idParams,
      response: impactReport,
      handler: async ({ params }) => report(ctx.db(), await requireCampaign(ctx.db(), params.id)),
    }),
  ];
}
