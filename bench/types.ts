import type { Config, Logger } from '../core/index.ts';

/** One measured figure, as written to bench/results/latest.json. */
export interface BenchResult {
  /** Stable name, e.g. `nlp.analyze.throughput`. */
  name: string;
  value: number;
  unit: string;
  /** The figure the issue asks for, or null when there is none. */
  target: number | null;
  better: 'higher' | 'lower';
  /** Extra context (sample size, database kind). */
  note?: string;
}

/** What every bench group receives. */
export interface BenchContext {
  config: Config;
  logger: Logger;
  /** Scale factor from `--scale` (default 1); groups shrink their data sets with it for quick runs. */
  scale: number;
}

/** A named group of measurements, selectable with `npm run bench -- --only <name>`. */
export interface BenchGroup {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
