import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { brandsBody, configResponse, notificationsBody, routingBody, slaBody } from '../schemas/admin.ts';
import { effectiveConfig, saveBrands, saveSetting, unmaskChannels } from '../services/config-service.ts';

/** Configuration (brands, SLA, routing, channels): read by leads, edited by admins, audited. */
export function configRoutes(ctx: ApiContext): Route[] {
  const db = () => ctx.db();
  const config = ctx.deps.config;
  const read = () => effectiveConfig(db(), config);
  return [
    route({
      method: 'get',
      path: '/api/v1/config',
      tag: 'Config',
      access: 'config.read',
      summary: 'Effective brands, SLA policy, routing rules and notification channels (secrets masked)',
      response: configResponse,
      handler: read,
    }),
    route({
      method: 'put',
      path: '/api/v1/config/brands',
      tag: 'Config',
      access: 'config.write',
      summary: 'Replace brands and aliases (audited)',
      body: brandsBody,
      response: configResponse,
      handler: async ({ body, auth }) => {
        await saveBrands(db(), body.brands, auth);
        return read();
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/config/sla',
      tag: 'Config',
      access: 'config.write',
      summary: 'Replace the SLA policy (audited)',
      body: slaBody,
      response: configResponse,
      handler: async ({ body, auth }) => {
        await saveSetting(db(), 'sla', body, auth);
        return read();
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/config/routing',
      tag: 'Config',
      access: 'config.write',
      summary: 'Replace teams and routing rules (audited)',
      body: routingBody,
      response: configResponse,
      handler: async ({ body, auth }) => {
        await saveSetting(db(), 'routing', body, auth);
        return read();
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/config/notifications',
      tag: 'Config',
      access: 'config.write',
      summary: 'Replace notification channels (audited; send a masked secret back to keep it)',
      body: notificationsBody,
      response: configResponse,
      handler: async ({ body, auth }) => {
        const channels = await unmaskChannels(db(), config, body.channels);
        await saveSetting(db(), 'notifications', { channels }, auth);
        return read();
      },
    }),
  ];
}
