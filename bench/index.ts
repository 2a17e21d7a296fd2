/**
 * bench/: `npm run bench` groups. Each file in bench/groups/ default-exports a BenchGroup; the runner
 * writes bench/results/latest.json and prints a table.
 */
export { runBench } from './run.ts';
export type { BenchContext, BenchGroup, BenchResult } from './types.ts';
