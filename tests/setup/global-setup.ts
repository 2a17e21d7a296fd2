import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, type PrivateRedis, startPrivateRedis } from '../../core/index.ts';
import { type PgCluster, startPgCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's private redis-server. Tests isolate themselves with key/queue prefixes. */
    redisUrl: string;
    /** Admin URL of the PostgreSQL server; each test file creates its own database on it. */
    pgUrl: string;
  }
}

let redis: PrivateRedis | undefined;
let cluster: PgCluster | undefined;
let redisDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const { env } = loadConfig({ file: {} });
  redisDir = mkdtempSync(join(tmpdir(), 'koubei-test-redis-'));
  const [r, c] = await Promise.all([
    startPrivateRedis({ dir: redisDir, appendOnly: false }),
    env.TEST_DATABASE_URL ? Promise.resolve(undefined) : startPgCluster(),
  ]);
  redis = r;
  cluster = c;
  project.provide('redisUrl', r.url);
  project.provide('pgUrl', env.TEST_DATABASE_URL ?? c?.url ?? '');
}

export async function teardown(): Promise<void> {
  await Promise.all([redis?.stop(), cluster?.stop()]);
  if (redisDir) rmSync(redisDir, { recursive: true, force: true });
}
