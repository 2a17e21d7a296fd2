import type { ApiContext } from '../http/context.ts';
import type { Route } from '../http/route.ts';
import { analyticsRoutes } from './analytics.ts';
import { authRoutes } from './auth.ts';
import { campaignRoutes } from './campaigns.ts';
import { configRoutes } from './config.ts';
import { caseRoutes } from './cases.ts';
import { exportRoutes } from './exports.ts';
import { mentionRoutes } from './mentions.ts';
import { sourceRoutes } from './sources.ts';
import { streamRoutes } from './stream.ts';
import { userRoutes } from './users.ts';

/** Every route of /api/v1, in mount order (specific paths before parameterised ones). */
export function allRoutes(ctx: ApiContext): Route[] {
  return [
    ...authRoutes(ctx),
    ...mentionRoutes(ctx),
    ...analyticsRoutes(ctx),
    ...caseRoutes(ctx),
    ...campaignRoutes(ctx),
    ...sourceRoutes(ctx),
    ...configRoutes(ctx),
    ...userRoutes(ctx),
    ...streamRoutes(ctx),
    ...exportRoutes(ctx),
  ];
}
