import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AlreadyRunningError,
  createRedisConnection,
  isProcessAlive,
  lockDataDir,
  startPrivateRedis,
} from '../../core/index.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'koubei-redis-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('private redis-server', () => {
  it('starts on loopback with append-only persistence and stops with its pid file', async () => {
    const dir = tmp();
    const redis = await startPrivateRedis({ dir });
    const client = createRedisConnection(redis.url);
    await client.set('k', 'v');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    client.disconnect();
    expect(existsSync(join(dir, 'redis.pid'))).toBe(true);
    await redis.stop();
    expect(isProcessAlive(redis.pid)).toBe(false);
    expect(existsSync(join(dir, 'redis.pid'))).toBe(false);
  });

  it('keeps data across a restart on the same directory', async () => {
    const dir = tmp();
    const first = await startPrivateRedis({ dir });
    const c1 = createRedisConnection(first.url);
    await c1.set('survives', '1');
    c1.disconnect();
    await first.stop();
    const second = await startPrivateRedis({ dir });
    const c2 = createRedisConnection(second.url);
    expect(await c2.get('survives')).toBe('1');
    c2.disconnect();
    await second.stop();
  });
});

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and takes over a stale lock', () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    // Another live process (our parent) holds the lock: write its pid into the lock file.
    lock.release();
    writeFileSync(join(dir, 'koubei.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(AlreadyRunningError);
    writeFileSync(join(dir, 'koubei.lock'), '999999999');
    const taken = lockDataDir(dir);
    taken.release();
    expect(existsSync(join(dir, 'koubei.lock'))).toBe(false);
  });
});
