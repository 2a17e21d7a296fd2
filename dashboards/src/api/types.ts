/**
 * Response shapes of the REST API under /api/v1, as the dashboard reads them. Times are ISO 8601
 * strings (UTC). These mirror the API's zod schemas; keep them in step with api/.
 */

export const ROLES = ['admin', 'pr_lead', 'pr_agent', 'brand_manager', 'marketing', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Mirrors CATEGORY_IDS in core/config-schema.ts (a test checks they agree). */
export const CATEGORY_IDS = [
  'network',
  'broadband',
  'billing',
  'plan_data',
  'service',
  'porting',
  'vas_spam',
  'sim_device',
  'privacy_fraud',
  'five_g',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Mirrors SOURCE_KINDS in core/config-schema.ts. */
export const SOURCE_KINDS = ['weibo', 'tieba', 'zhihu', 'discuz', 'heimao', 'appstore', 'rss'] as const;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'responded', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Sentiment = 'neg' | 'neu' | 'pos';

/** The signed-in caller, as `GET /auth/me` and `POST /auth/login` return it. */
export interface Me {
  kind: 'session' | 'api_key';
  userId: number | null;
  username: string;
  /** Null when unset: show the username. */
  displayName: string | null;
  role: Role;
  team: string | null;
  /** Permissions of the role (api/permissions.ts). */
  permissions: string[];
  csrfToken: string | null;
  expiresAt?: string;
}

/** The dashboard's view of the signed-in user. */
export interface User {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  team: string | null;
  permissions: string[];
}

export interface ExplainEntry {
  kind: 'token' | 'rule' | 'emoticon' | 'model';
  text: string;
  weight: number;
}

export interface Mention {
  id: number;
  source: string;
  url: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  authorVerified: boolean;
  title: string | null;
  /** Plain text with PII masked by the server. Untrusted: render as text only. */
  text: string;
  publishedAt: string;
  region: string | null;
  reposts: number;
  comments: number;
  likes: number;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  brands: string[];
  categories: string[];
  keywords: string[];
  risk: number | null;
  /** Only on the detail answers (mention detail, case detail). */
  explain?: ExplainEntry[];
  corrected: boolean;
  clusterId?: number | null;
}

/** `GET /mentions/:id`. */
export interface MentionDetail {
  mention: Mention & {
    explain: ExplainEntry[];
    brandSentiments?: { brand: string; label: Sentiment; score: number }[];
  };
  cluster: Mention[];
  case: { id: number; status: string; priority?: string; assigneeId?: number | null } | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, null at the end. */
  nextCursor: string | null;
  total?: number;
}

/** A monitored brand, in the config file's shape (`brands:` in koubei.config.yaml). */
export interface Brand {
  name: string;
  /** Our own brand (negative mentions open cases) or a competitor. */
  own: boolean;
  aliases: string[];
  products: string[];
  hotlines: string[];
  exclude: string[];
  color?: string | null;
}

export interface CaseSummary {
  id: number;
  status: CaseStatus;
  priority: string;
  brand: string;
  title: string;
  team: string | null;
  assigneeId: number | null;
  assigneeName?: string | null;
  risk: number;
  categories: string[];
  region: string | null;
  publishedAt: string;
  detectedAt: string;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  breachedAt: string | null;
  resolvedAt: string | null;
  version: number;
}

export interface CaseEvent {
  id: number;
  at: string;
  actorType: 'user' | 'system' | 'api_key';
  actorId: string | null;
  actorName?: string | null;
  type: string;
  before: unknown;
  after: unknown;
  data: unknown;
}

export interface CaseDetail extends CaseSummary {
  mention: Mention;
  related: Mention[];
  events: CaseEvent[];
  /** Reply templates filled for this case. */
  templates: ResponseTemplate[];
  /** Found late: the deadline runs from when we found it, not from publication. */
  foundLate: boolean;
}

export interface SlaStats {
  open: number;
  atRisk: number;
  breached: number;
  /** Share of cases answered before the deadline, 0..1, null when none are answered yet. */
  onTimeRate: number | null;
  medianFirstResponseMs: number | null;
}

export interface ResponseTemplate {
  id: string;
  name: string;
  text: string;
}

export interface Assignee {
  id: number;
  username: string;
  displayName: string | null;
  team: string | null;
  role: Role;
  onDuty?: boolean;
}
