import { runBench } from './run.ts';

await runBench();
