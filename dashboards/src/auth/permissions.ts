import type { MessageKey } from '../i18n.ts';
import type { Role } from '../api/types.ts';

/** The dashboard's views. */
export type ViewId = 'overview' | 'inbox' | 'campaigns' | 'explorer' | 'sources' | 'settings';

/** Actions gated by role, beyond seeing a view. */
export type Action =
  | 'case.work' // claim, respond, change status of a case
  | 'case.assign' // assign cases to others, reopen, bulk actions
  | 'mention.correct'
  | 'mention.export'
  | 'campaign.write' // create, edit and delete campaigns
  | 'job.retry';

/**
 * Who sees what. The API enforces the same table; hiding a view here is for clarity, not security.
 * admin: all. pr_lead: inbox (+ assign), overview, explorer, sources. pr_agent: inbox.
 * brand_manager: overview, explorer with corrections, campaigns. marketing: campaigns, overview.
 * viewer: overview, read-only.
 */
const VIEWS: Record<Role, ViewId[]> = {
  admin: ['overview', 'inbox', 'campaigns', 'explorer', 'sources', 'settings'],
  pr_lead: ['inbox', 'overview', 'explorer', 'sources'],
  pr_agent: ['inbox'],
  brand_manager: ['overview', 'explorer', 'campaigns'],
  marketing: ['campaigns', 'overview'],
  viewer: ['overview'],
};

/**
 * Mirrors api/permissions.ts: cases.work, cases.manage, mentions.correct, exports.mentions,
 * campaigns.write, jobs.manage.
 */
const ACTIONS: Record<Role, Action[]> = {
  admin: ['case.work', 'case.assign', 'mention.correct', 'mention.export', 'campaign.write', 'job.retry'],
  pr_lead: ['case.work', 'case.assign', 'mention.correct', 'mention.export'],
  pr_agent: ['case.work'],
  brand_manager: ['mention.correct', 'mention.export', 'campaign.write'],
  marketing: ['mention.export', 'campaign.write'],
  viewer: [],
};

export const VIEW_LABEL: Record<ViewId, MessageKey> = {
  overview: 'nav.overview',
  inbox: 'nav.inbox',
  campaigns: 'nav.campaigns',
  explorer: 'nav.explorer',
  sources: 'nav.sources',
  settings: 'nav.settings',
};

/** Views in navigation order. */
const ORDER: ViewId[] = ['overview', 'inbox', 'campaigns', 'explorer', 'sources', 'settings'];

export function viewsFor(role: Role): ViewId[] {
  const allowed = VIEWS[role] ?? [];
  return ORDER.filter((v) => allowed.includes(v));
}

export function canView(role: Role, view: ViewId): boolean {
  return (VIEWS[role] ?? []).includes(view);
}

/** The API permission behind each action (api/permissions.ts). */
const ACTION_PERMISSION: Record<Action, string> = {
  'case.work': 'cases.work',
  'case.assign': 'cases.manage',
  'mention.correct': 'mentions.correct',
  'mention.export': 'exports.mentions',
  'campaign.write': 'campaigns.write',
  'job.retry': 'jobs.manage',
};

/** May this role do this? The server's permission list wins when the session carries one. */
export function can(role: Role, action: Action, permissions?: string[]): boolean {
  if (permissions && permissions.length > 0) return permissions.includes(ACTION_PERMISSION[action]);
  return (ACTIONS[role] ?? []).includes(action);
}

/** Where a role lands after signing in: its first view (the inbox for PR). */
export function homeFor(role: Role): string {
  return `/${VIEWS[role]?.[0] ?? 'overview'}`;
}

export function isViewId(s: string | undefined): s is ViewId {
  return s !== undefined && (ORDER as string[]).includes(s);
}
