import { CASE_WORKER_ROLES, ROLES, type Role } from '../core/index.ts';

/**
 * The one permission table of the API. Every route names one permission (or is public / needs only
 * a signed-in caller); the server checks it on every request, for sessions and API keys alike.
 *
 * | permission           | admin | pr_lead | pr_agent | brand_manager | marketing | viewer |
 * |----------------------|:-----:|:-------:|:--------:|:-------------:|:---------:|:------:|
 * | mentions.read        |   x   |    x    |    x     |       x       |     x     |   x    |
 * | mentions.raw         |   x   |         |          |               |           |        |
 * | mentions.correct     |   x   |    x    |          |       x       |           |        |
 * | analytics.read       |   x   |    x    |    x     |       x       |     x     |   x    |
 * | analytics.sla        |   x   |    x    |    x     |       x       |           |   x    |
 * | cases.read           |   x   |    x    |    x     |               |           |        |
 * | cases.work           |   x   |    x    |    x     |               |           |        |
 * | cases.manage         |   x   |    x    |          |               |           |        |
 * | campaigns.read       |   x   |    x    |    x     |       x       |     x     |   x    |
 * | campaigns.write      |   x   |         |          |       x       |     x     |        |
 * | sources.read         |   x   |    x    |          |               |           |        |
 * | sources.manage       |   x   |         |          |               |           |        |
 * | jobs.manage          |   x   |         |          |               |           |        |
 * | config.read          |   x   |    x    |          |               |           |        |
 * | config.write         |   x   |         |          |               |           |        |
 * | users.manage         |   x   |         |          |               |           |        |
 * | keys.manage          |   x   |         |          |               |           |        |
 * | exports.mentions     |   x   |    x    |          |       x       |     x     |        |
 * | exports.cases        |   x   |    x    |          |               |           |        |
 *
 * `cases.work` is claim, transition, comment and record a response; assigning to someone else,
 * merging, reopening and bulk actions need `cases.manage`. `cases.read` also gives the assignee list
 * (`GET /api/v1/assignees`: enabled `cases.work` holders, id, username, display name, team and role
 * only); the full user list stays `users.manage`. `mentions.correct` also covers the training-data
 * export of corrections.
 *
 * Live stream (`GET /api/v1/stream`, any signed-in caller), what each role receives:
 *
 * | event          | admin, pr_lead, pr_agent | brand_manager                          | marketing, viewer |
 * |----------------|--------------------------|----------------------------------------|-------------------|
 * | case.opened    | full message             | redacted: caseId, type, at, priority, status | —           |
 * | case.changed   | full message             | redacted (as above)                    | —                 |
 * | alert          | full message             | full message                           | full message      |
 */
export const PERMISSIONS = {
  'mentions.read': [...ROLES],
  'mentions.raw': ['admin'],
  'mentions.correct': ['admin', 'pr_lead', 'brand_manager'],
  'analytics.read': [...ROLES],
  'analytics.sla': ['admin', 'pr_lead', 'pr_agent', 'brand_manager', 'viewer'],
  'cases.read': ['admin', 'pr_lead', 'pr_agent'],
  'cases.work': [...CASE_WORKER_ROLES],
  'cases.manage': ['admin', 'pr_lead'],
  'campaigns.read': [...ROLES],
  'campaigns.write': ['admin', 'brand_manager', 'marketing'],
  'sources.read': ['admin', 'pr_lead'],
  'sources.manage': ['admin'],
  'jobs.manage': ['admin'],
  'config.read': ['admin', 'pr_lead'],
  'config.write': ['admin'],
  'users.manage': ['admin'],
  'keys.manage': ['admin'],
  'exports.mentions': ['admin', 'pr_lead', 'brand_manager', 'marketing'],
  'exports.cases': ['admin', 'pr_lead'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who may call a route: a permission, any signed-in caller, or anyone. */
export type Access = Permission | 'authenticated' | 'public';

/** True when `role` holds `permission`. */
export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** What a role receives of a case event on the live stream. */
export type CaseEventVisibility = 'full' | 'redacted' | 'none';

/** The stream matrix above, for case events. */
export function caseEventVisibility(role: string): CaseEventVisibility {
  if (can(role, 'cases.read')) return 'full';
  return role === 'brand_manager' ? 'redacted' : 'none';
}
