import type {
  AnalyticsFilters,
  BreakdownItem,
  Campaign,
  CampaignImpact,
  DeadLetterJob,
  SourceHealth,
} from './analytics-types.ts';
import type { CampaignBody } from './campaign.ts';
import { API_BASE, del, get, patch, post, put, request, toQueryString } from './client.ts';
import type { Assignee, Brand, Me, Mention, MentionDetail, Page } from './types.ts';

/** Every API route the dashboard calls (besides api/overview.ts and api/cases.ts), in one place. */

export const auth = {
  login: (username: string, password: string) =>
    request<Me>('POST', '/auth/login', { body: { username, password }, allow401: true }),
  logout: () => post<null>('/auth/logout'),
  /** The current session; 401 when signed out. */
  me: () => request<Me>('GET', '/auth/me', { allow401: true }),
};

const DAY = 86_400_000;

/**
 * The monitored brands, for filters. Every role may read analytics, and share of voice lists every
 * configured brand with its `own` flag, so it doubles as the brand list.
 */
export const brands = {
  list: async (): Promise<{ items: Brand[] }> => {
    const to = new Date();
    const r = await get<{ items: (BreakdownItem & { own: boolean })[] }>('/analytics/share-of-voice', {
      from: new Date(to.getTime() - 30 * DAY).toISOString(),
      to: to.toISOString(),
    });
    return {
      items: r.items.map((b) => ({
        name: b.key,
        own: b.own,
        aliases: [],
        products: [],
        hotlines: [],
        exclude: [],
      })),
    };
  },
};

export interface MentionQuery extends AnalyticsFilters {
  q?: string;
  sentiment?: string;
  region?: string;
  cursor?: string;
  limit?: number;
}

export const mentions = {
  search: (q: MentionQuery, signal?: AbortSignal) => get<Page<Mention>>('/mentions', { ...q }, signal),
  get: (id: number) => get<MentionDetail>(`/mentions/${id}`),
  correct: (id: number, body: { sentiment?: string; categories?: string[] }) =>
    post<{ changes: { field: string; before: unknown; after: unknown }[] }>(
      `/mentions/${id}/corrections`,
      body,
    ),
  /** A plain link: the browser downloads the CSV with the session cookie. */
  exportUrl: (q: MentionQuery) =>
    `${API_BASE}/exports/mentions.csv${toQueryString({ ...q, cursor: undefined, limit: undefined })}`,
};

/**
 * People a case can be assigned to (`GET /assignees`, for every role that reads cases): enabled
 * users who may work cases, by username. Errors reach the caller; they are never an empty list.
 */
export const people = {
  assignees: (signal?: AbortSignal) =>
    get<{ items: Assignee[] }>('/assignees', undefined, signal).then((r) => r.items),
};

/** Campaigns: list and impact for every role; create, replace and delete need `campaigns.write`. */
export const campaigns = {
  list: () => get<{ items: Campaign[] }>('/campaigns'),
  impact: (id: number, signal?: AbortSignal) =>
    get<CampaignImpact>(`/campaigns/${id}/impact`, undefined, signal),
  create: (body: CampaignBody) => post<Campaign>('/campaigns', body),
  /** Replaces every field (PUT): send the whole campaign. */
  update: (id: number, body: CampaignBody) => put<Campaign>(`/campaigns/${id}`, body),
  remove: (id: number) => del<null>(`/campaigns/${id}`),
};

export const sources = {
  list: () => get<{ items: SourceHealth[] }>('/sources'),
  deadLetter: () => get<{ items: DeadLetterJob[] }>('/jobs/dead-letters', { limit: 100 }),
  retry: (queue: string, jobId: string) =>
    post<null>(`/jobs/dead-letters/${encodeURIComponent(queue)}/${encodeURIComponent(jobId)}/retry`),
};

/** The effective configuration (`GET /config`), edited section by section. */
export interface EffectiveConfig {
  brands: Brand[];
  sla: Record<string, unknown>;
  routing: Record<string, unknown>;
  notifications: { channels: Record<string, unknown>[] };
  /** Sections edited by admins (stored in the database) rather than read from the config file. */
  overridden: string[];
}

export type ConfigSection = 'brands' | 'sla' | 'routing' | 'notifications';

export const config = {
  get: () => get<EffectiveConfig>('/config'),
  put: (section: ConfigSection, body: unknown) => put<EffectiveConfig>(`/config/${section}`, body),
};

export interface AdminUser {
  id: number;
  username: string;
  displayName: string | null;
  role: string;
  team: string | null;
  onDuty: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const admin = {
  users: {
    list: () => get<{ items: AdminUser[] }>('/users'),
    create: (u: { username: string; password: string; role: string; displayName?: string; team?: string }) =>
      post<AdminUser>('/users', u),
    update: (
      id: number,
      u: Partial<Pick<AdminUser, 'role' | 'team' | 'disabled' | 'onDuty' | 'displayName'>>,
    ) => patch<AdminUser>(`/users/${id}`, u),
  },
  keys: {
    list: () => get<{ items: ApiKeyInfo[] }>('/api-keys'),
    create: (name: string, role: string) => post<ApiKeyInfo & { key: string }>('/api-keys', { name, role }),
    revoke: (id: number) => del<null>(`/api-keys/${id}`),
  },
};
