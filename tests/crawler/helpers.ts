import { type SourceConfig, type SourceKind, sourceSchema } from '../../core/index.ts';
import type { NormalizedMention } from '../../crawler/index.ts';
import {
  type RunningReplicas,
  type StartReplicasOptions,
  startReplicas,
} from '../../crawler/replicas/index.ts';
import { matches } from '../../crawler/replicas/sites/search.ts';
import type { ContentItem } from '../../crawler/replicas/types.ts';

/** Fixed clock: 2024-11-19 12:00:00 China time. */
export const NOW = Date.UTC(2024, 10, 19, 4, 0, 0);

/** Replicas on port 0 with a fixed seed and clock. */
export function startTestReplicas(opts: StartReplicasOptions = {}): Promise<RunningReplicas> {
  return startReplicas({ seed: 42, now: NOW, ...opts });
}

/** A replica source config: no rate limit to speak of, fast retries come from the crawl options. */
export function replicaSource(
  rep: RunningReplicas,
  kind: SourceKind,
  overrides: Partial<SourceConfig> = {},
): SourceConfig {
  return sourceSchema.parse({
    id: `${kind}-test`,
    kind,
    baseUrl: rep.baseUrls[kind],
    replica: true,
    maxRequestsPerMinute: 60_000,
    maxConcurrency: 4,
    maxPagesPerRun: 100,
    ...overrides,
  });
}

/** Crawl options that keep tests fast and deterministic. */
export const FAST = { now: new Date(NOW), retryBackoffMs: 5, requestTimeoutSecs: 10 } as const;

/** A sink that records every batch. */
export function collector(): {
  sink: (batch: NormalizedMention[]) => Promise<void>;
  all: NormalizedMention[];
  byId: Map<string, NormalizedMention>;
} {
  const all: NormalizedMention[] = [];
  const byId = new Map<string, NormalizedMention>();
  return {
    all,
    byId,
    sink: async (batch) => {
      for (const m of batch) {
        all.push(m);
        byId.set(m.externalId, m);
      }
    },
  };
}

/** Visible top-level posts of a site that match a query, newest first (what the site's search serves). */
export function matchingPosts(
  rep: RunningReplicas,
  kind: SourceKind,
  query: string,
  now = rep.runtime.now(),
): ContentItem[] {
  return rep.runtime.store.topLevel(kind, now).filter((p) => matches(p, query));
}

/** Seconds precision, as the sites print times. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Minute precision ("2024-11-19 21:07"). */
export function toMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}
