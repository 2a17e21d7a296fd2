import type { Config, Logger } from '../core/index.ts';
import type { BatchAnalyzer } from '../nlp/index.ts';
import type { Db, MentionRow } from '../store/index.ts';
import type { ClusterIndex } from './clusters.ts';
import type { Queues } from './queues.ts';

/** What the case service and the pipeline stages share. */
export interface CaseDeps {
  config: Config;
  logger: Logger;
  db: Db;
  queues: Queues;
}

/** Everything a pipeline stage needs, built once per process. */
export interface StageContext extends CaseDeps {
  /** Analysis for the analyze stage (in worker threads unless `queues.analyzeThreads` is 0). */
  analyzer: BatchAnalyzer;
  piiSalt: string;
  clusters: ClusterIndex;
  /** Names of the brands we own (negative mentions of these open cases). */
  ownBrands: ReadonlySet<string>;
}

/** True when an analyzed mention is negative toward one of our own brands, so it needs a case. */
export function isRouteCandidate(
  m: Pick<MentionRow, 'analyzedAt' | 'brandSentiments'>,
  ownBrands: ReadonlySet<string>,
): boolean {
  return m.analyzedAt !== null && m.brandSentiments.some((b) => b.label === 'neg' && ownBrands.has(b.brand));
}
