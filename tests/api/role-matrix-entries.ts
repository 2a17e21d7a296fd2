import { DEFAULT_BRANDS, ROLES, type Role } from '../../core/index.ts';

const ALL: Role[] = [...ROLES];
const CORRECTORS: Role[] = ['admin', 'pr_lead', 'brand_manager'];
const CASE_WORKERS: Role[] = ['admin', 'pr_lead', 'pr_agent'];
const CASE_MANAGERS: Role[] = ['admin', 'pr_lead'];
const CAMPAIGN_WRITERS: Role[] = ['admin', 'brand_manager', 'marketing'];
const LEADS: Role[] = ['admin', 'pr_lead'];
const ADMIN: Role[] = ['admin'];
const SLA: Role[] = ['admin', 'pr_lead', 'pr_agent', 'brand_manager', 'viewer'];
const EXPORTERS: Role[] = ['admin', 'pr_lead', 'brand_manager', 'marketing'];

/** One row of the matrix: a concrete call, who may make it, and what they get. */
export interface Entry {
  method: string;
  /** The documented path template (for coverage). */
  template: string;
  path: () => string;
  body?: () => unknown;
  /** Roles allowed; `public` means anyone, `authenticated` any signed-in role. */
  allowed: Role[] | 'public' | 'authenticated';
  /** Status for allowed callers. */
  ok: number[];
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** Ids the entries point at, filled in by the test's setup. */
export const ids = { mention: 0, case: 0, campaign: 0, user: 0 };
const range = `from=${new Date(Date.now() - 3 * 86_400_000).toISOString()}`;

/** A valid campaign body with a unique name. */
export const campaignBody = () => ({
  name: `c-${unique()}`,
  brand: '中国联通',
  keywords: ['大王卡'],
  startsAt: new Date(Date.now() - 86_400_000).toISOString(),
  endsAt: new Date().toISOString(),
});

/**
 * Every route, who may call it and what they get. Destructive calls target ids that do not exist,
 * so allowed roles see 404 and the matrix can run for every role in turn.
 */
export const ENTRIES: Entry[] = [
  {
    method: 'POST',
    template: '/api/v1/auth/login',
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'nobody', password: 'x' }),
    allowed: 'public',
    ok: [401],
  },
  {
    method: 'GET',
    template: '/api/v1/auth/me',
    path: () => '/api/v1/auth/me',
    allowed: 'authenticated',
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/mentions',
    path: () => '/api/v1/mentions?limit=5',
    allowed: ALL,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/mentions/corrections/export',
    path: () => '/api/v1/mentions/corrections/export',
    allowed: CORRECTORS,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/mentions/{id}',
    path: () => `/api/v1/mentions/${ids.mention}`,
    allowed: ALL,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/mentions/{id}/corrections',
    path: () => `/api/v1/mentions/${ids.mention}/corrections`,
    body: () => ({ sentiment: 'neg' }),
    allowed: CORRECTORS,
    ok: [201],
  },
  ...[
    'overview',
    'volume',
    'net-sentiment',
    'share-of-voice',
    'categories',
    'sources',
    'regions',
    'keywords',
    'authors',
    'top-negative',
  ].map(
    (a): Entry => ({
      method: 'GET',
      template: `/api/v1/analytics/${a}`,
      path: () => `/api/v1/analytics/${a}?${range}`,
      allowed: ALL,
      ok: [200],
    }),
  ),
  {
    method: 'GET',
    template: '/api/v1/analytics/sla',
    path: () => `/api/v1/analytics/sla?${range}`,
    allowed: SLA,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/cases',
    path: () => '/api/v1/cases',
    allowed: CASE_WORKERS,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/assignees',
    path: () => '/api/v1/assignees',
    allowed: CASE_WORKERS,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/bulk/assign',
    path: () => '/api/v1/cases/bulk/assign',
    body: () => ({ caseIds: [999999], assigneeId: null }),
    allowed: CASE_MANAGERS,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/bulk/claim',
    path: () => '/api/v1/cases/bulk/claim',
    body: () => ({ caseIds: [999999] }),
    allowed: CASE_WORKERS,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/bulk/transition',
    path: () => '/api/v1/cases/bulk/transition',
    body: () => ({ caseIds: [999999], status: 'closed' }),
    allowed: CASE_MANAGERS,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/cases/{id}',
    path: () => `/api/v1/cases/${ids.case}`,
    allowed: CASE_WORKERS,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/assign',
    path: () => '/api/v1/cases/999999/assign',
    body: () => ({ assigneeId: null }),
    allowed: CASE_MANAGERS,
    ok: [404],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/claim',
    path: () => '/api/v1/cases/999999/claim',
    allowed: CASE_WORKERS,
    ok: [404],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/transition',
    path: () => '/api/v1/cases/999999/transition',
    body: () => ({ status: 'closed' }),
    allowed: CASE_WORKERS,
    ok: [404],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/comments',
    path: () => `/api/v1/cases/${ids.case}/comments`,
    body: () => ({ text: 'note' }),
    allowed: CASE_WORKERS,
    ok: [201],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/responses',
    path: () => '/api/v1/cases/999999/responses',
    body: () => ({ channel: 'phone', text: 'hi' }),
    allowed: CASE_WORKERS,
    ok: [404],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/merge',
    path: () => '/api/v1/cases/999999/merge',
    body: () => ({ intoCaseId: ids.case }),
    allowed: CASE_MANAGERS,
    ok: [404],
  },
  {
    method: 'POST',
    template: '/api/v1/cases/{id}/reopen',
    path: () => '/api/v1/cases/999999/reopen',
    body: () => ({}),
    allowed: CASE_MANAGERS,
    ok: [404],
  },
  {
    method: 'GET',
    template: '/api/v1/campaigns',
    path: () => '/api/v1/campaigns',
    allowed: ALL,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/campaigns',
    path: () => '/api/v1/campaigns',
    body: campaignBody,
    allowed: CAMPAIGN_WRITERS,
    ok: [201],
  },
  {
    method: 'GET',
    template: '/api/v1/campaigns/{id}',
    path: () => `/api/v1/campaigns/${ids.campaign}`,
    allowed: ALL,
    ok: [200],
  },
  {
    method: 'PUT',
    template: '/api/v1/campaigns/{id}',
    path: () => `/api/v1/campaigns/${ids.campaign}`,
    body: campaignBody,
    allowed: CAMPAIGN_WRITERS,
    ok: [200],
  },
  {
    method: 'DELETE',
    template: '/api/v1/campaigns/{id}',
    path: () => '/api/v1/campaigns/999999',
    allowed: CAMPAIGN_WRITERS,
    ok: [404],
  },
  {
    method: 'GET',
    template: '/api/v1/campaigns/{id}/impact',
    path: () => `/api/v1/campaigns/${ids.campaign}/impact`,
    allowed: ALL,
    ok: [200],
  },
  { method: 'GET', template: '/api/v1/sources', path: () => '/api/v1/sources', allowed: LEADS, ok: [200] },
  {
    method: 'PATCH',
    template: '/api/v1/sources/{id}',
    path: () => '/api/v1/sources/weibo-main',
    body: () => ({ enabled: true }),
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/sources/{id}/crawl',
    path: () => '/api/v1/sources/weibo-main/crawl',
    allowed: ADMIN,
    ok: [202],
  },
  {
    method: 'GET',
    template: '/api/v1/jobs/dead-letters',
    path: () => '/api/v1/jobs/dead-letters',
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/jobs/dead-letters/{queue}/{jobId}/retry',
    path: () => '/api/v1/jobs/dead-letters/analyze/nope/retry',
    allowed: ADMIN,
    ok: [404],
  },
  { method: 'GET', template: '/api/v1/config', path: () => '/api/v1/config', allowed: LEADS, ok: [200] },
  {
    method: 'PUT',
    template: '/api/v1/config/brands',
    path: () => '/api/v1/config/brands',
    body: () => ({ brands: DEFAULT_BRANDS }),
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'PUT',
    template: '/api/v1/config/sla',
    path: () => '/api/v1/config/sla',
    body: () => ({ firstResponseHours: 12 }),
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'PUT',
    template: '/api/v1/config/routing',
    path: () => '/api/v1/config/routing',
    body: () => ({}),
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'PUT',
    template: '/api/v1/config/notifications',
    path: () => '/api/v1/config/notifications',
    body: () => ({ channels: [] }),
    allowed: ADMIN,
    ok: [200],
  },
  { method: 'GET', template: '/api/v1/users', path: () => '/api/v1/users', allowed: ADMIN, ok: [200] },
  {
    method: 'POST',
    template: '/api/v1/users',
    path: () => '/api/v1/users',
    body: () => ({ username: `u${unique()}`, password: 'long enough pw', role: 'viewer' }),
    allowed: ADMIN,
    ok: [201],
  },
  {
    method: 'GET',
    template: '/api/v1/users/{id}',
    path: () => `/api/v1/users/${ids.user}`,
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'PATCH',
    template: '/api/v1/users/{id}',
    path: () => `/api/v1/users/${ids.user}`,
    body: () => ({ onDuty: true }),
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'DELETE',
    template: '/api/v1/users/{id}',
    path: () => '/api/v1/users/999999',
    allowed: ADMIN,
    ok: [404],
  },
  {
    method: 'GET',
    template: '/api/v1/api-keys',
    path: () => '/api/v1/api-keys',
    allowed: ADMIN,
    ok: [200],
  },
  {
    method: 'POST',
    template: '/api/v1/api-keys',
    path: () => '/api/v1/api-keys',
    body: () => ({ name: 'ci', role: 'viewer' }),
    allowed: ADMIN,
    ok: [201],
  },
  {
    method: 'DELETE',
    template: '/api/v1/api-keys/{id}',
    path: () => '/api/v1/api-keys/999999',
    allowed: ADMIN,
    ok: [404],
  },
  {
    method: 'GET',
    template: '/api/v1/stream',
    path: () => '/api/v1/stream',
    allowed: 'authenticated',
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/exports/mentions.csv',
    path: () => `/api/v1/exports/mentions.csv?${range}`,
    allowed: EXPORTERS,
    ok: [200],
  },
  {
    method: 'GET',
    template: '/api/v1/exports/cases.csv',
    path: () => '/api/v1/exports/cases.csv',
    allowed: LEADS,
    ok: [200],
  },
  // Last: it ends the caller's session.
  {
    method: 'POST',
    template: '/api/v1/auth/logout',
    path: () => '/api/v1/auth/logout',
    allowed: 'authenticated',
    ok: [204],
  },
];
