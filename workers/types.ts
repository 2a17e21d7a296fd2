import type { NOTIFY_EVENTS } from '../core/index.ts';

/** The five queues, in pipeline order. */
export const QUEUE_NAMES = ['ingest', 'analyze', 'route', 'sla', 'notify'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Pipeline roles a process can run: one per queue. */
export type PipelineRole = QueueName;

/** Who did something to a case. */
export interface Actor {
  type: 'user' | 'system' | 'api_key';
  /** User id, API key id or system component name (`route`, `sla`). */
  id: string;
}

/** The system actor of a pipeline component. */
export const systemActor = (id: string): Actor => ({ type: 'system', id });

/** Ingest job: a batch of crawled mentions as JSON (dates are ISO strings after serialisation). */
export interface IngestJobData {
  mentions: unknown[];
}

/** Analyze and route jobs: mention ids. */
export interface MentionIdsJobData {
  mentionIds: number[];
}

/** SLA timer kinds. Reminders are named by their percentage, e.g. `reminder50`. */
export type SlaKind = `reminder${number}` | 'escalation' | 'breach';

/** One SLA timer job. */
export interface SlaJobData {
  caseId: number;
  kind: SlaKind;
  /** Due time in ms since the epoch. */
  dueAt: number;
}

export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** A notification, channel-independent; channels format it. */
export interface Notification {
  event: NotifyEvent;
  /** Unique per event occurrence (e.g. `case.opened-12`): one message per channel per key. */
  key: string;
  title: string;
  /** Body lines (plain text; channels add their own markup). */
  lines: string[];
  caseId?: number;
  /** A link into the dashboard, when known. */
  url?: string;
  /** Structured facts for the generic webhook. */
  data?: Record<string, unknown>;
}

/** Notify jobs: fan a notification out to channels, or send it to one channel. */
export type NotifyJobData =
  | { type: 'dispatch'; notification: Notification }
  | {
      type: 'send';
      notification: Notification;
      channelId: string;
      /** The rate-limit slot this job waits for (Redis clock, ms), good for the attempt that reserved it. */
      slot?: { at: number; attempt: number };
    };

/** What the SSE stream receives: new cases, case changes and alerts. */
export interface CaseEventMessage {
  kind: 'case.opened' | 'case.changed' | 'alert';
  caseId: number | null;
  /** The case event type (`opened`, `assign`, `status`, `breach`…) or alert kind. */
  type: string;
  /** ISO time. */
  at: string;
  status?: string;
  priority?: string;
  assigneeId?: number | null;
  data?: Record<string, unknown>;
}
