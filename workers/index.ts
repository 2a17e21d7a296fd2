/**
 * workers/: the BullMQ pipeline (crawl results → ingest → analyze → route, plus sla and notify),
 * the case service the API calls, case-event pub/sub for SSE, and Bull Board. See workers/README.md.
 */
export { createBullBoardRouter, type BullBoardOptions } from './bull-board.ts';
export { TRANSITIONS, ACTIVE_STATUSES } from './case-lifecycle.ts';
export { type BulkResult, type CaseService, createCaseService, type ResponseInput } from './case-service.ts';
export type { CaseSla, CaseView } from './case-view.ts';
export { isInputFailure, isTransientFailure } from './failures.ts';
export { encodeKey, jobId, slaJobId } from './job-ids.ts';
export {
  dingtalkSign,
  feishuSign,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhookSignature,
} from './notify-channels.ts';
export {
  acquireSendSlot,
  channelWindows,
  pauseChannel,
  type RateWindow,
  type SendSlot,
  throttleMs,
} from './notify-rate.ts';
export { channelTakes } from './notify-worker.ts';
export { type Pipeline, type PipelineOptions, startPipeline } from './pipeline.ts';
export { type CreateQueuesOptions, createQueues, type DeadLetter, type Queues } from './queues.ts';
export {
  allowedMs,
  firstResponseDueAt,
  foundLate,
  foundLateMs,
  PRIORITY_THRESHOLDS,
  priorityFromRisk,
  slaTimers,
} from './sla-policy.ts';
export { reconcileSlaTimers } from './sla-timers.ts';
export {
  CATEGORY_LABELS,
  RESPONSE_TEMPLATES,
  type ResponseTemplate,
  type SuggestedTemplate,
} from './templates.ts';
export * from './types.ts';
export { effectiveConfig, type WatchSettingsOptions, watchSettings } from './live-settings.ts';
export { markRollupHours, type RollupFlusherOptions, rollupDirtyKey, startRollupFlusher } from './rollups.ts';
