import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { KoubeiError } from './errors.ts';
import type { Logger } from './logger.ts';
import { findExecutable, isProcessAlive } from './system.ts';

/** Options for {@link startPrivateRedis}. */
export interface PrivateRedisOptions {
  /** Directory for the AOF files and pid file. Created if missing. */
  dir: string;
  /** Port to listen on (loopback only). Default: a free port. */
  port?: number;
  /** Logger for start/stop messages. */
  logger?: Logger;
  /** Append-only persistence, so queued jobs and SLA timers survive a restart. Default true. */
  appendOnly?: boolean;
}

/** A redis-server child process that we started and must stop. */
export interface PrivateRedis {
  url: string;
  port: number;
  pid: number;
  /** SIGTERM the server and wait for it to exit (it flushes the AOF first). */
  stop(): Promise<void>;
}

/** Ask the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Kill a redis-server left behind by a crashed koubei that used this directory. */
function reapStale(pidFile: string, logger?: Logger): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid > 0 && isProcessAlive(pid)) {
    logger?.warn({ pid }, 'stopping a private redis-server left over from an earlier run');
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone between the check and the kill.
    }
  }
  rmSync(pidFile, { force: true });
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new KoubeiError(`redis-server exited with code ${child.exitCode} during start-up`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch (err) {
      lastErr = err;
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new KoubeiError(`redis-server did not answer within ${timeoutMs} ms`, { cause: lastErr });
}

/**
 * Start a private redis-server on loopback with its data in `dir`. Never touches any other Redis.
 * Callers must hold the data-directory lock, so that two servers never share one directory.
 */
export async function startPrivateRedis(opts: PrivateRedisOptions): Promise<PrivateRedis> {
  const bin = findExecutable('redis-server');
  if (!bin) {
    throw new KoubeiError(
      'redis-server is not installed. Run `apt-get install redis-server`, or set REDIS_URL.',
    );
  }
  mkdirSync(opts.dir, { recursive: true });
  const pidFile = join(opts.dir, 'redis.pid');
  reapStale(pidFile, opts.logger);
  const port = opts.port ?? (await freePort());
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--protected-mode',
    'yes',
    '--dir',
    opts.dir,
    '--appendonly',
    opts.appendOnly === false ? 'no' : 'yes',
    '--appendfsync',
    'everysec',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction', // BullMQ must never lose keys to eviction.
    '--daemonize',
    'no',
    '--logfile',
    '',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child, 15_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new KoubeiError(`Could not start redis-server: ${(err as Error).message}. ${stderr}`.trim(), {
      cause: err,
    });
  }
  const pid = child.pid ?? 0;
  writeFileSync(pidFile, String(pid));
  opts.logger?.info({ port, dir: opts.dir }, 'private redis-server started');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    port,
    pid,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(pidFile, { force: true });
      opts.logger?.info('private redis-server stopped');
    },
  };
}

/** Options for {@link createRedisConnection}. */
export interface RedisConnectionOptions {
  /** Connection name shown in `CLIENT LIST`. Default `koubei`. */
  name?: string;
  /** Logger for connection errors. */
  logger?: Logger;
  /**
   * BullMQ workers need `null` (block forever on commands while reconnecting). Default null.
   * Use a number for request/response callers such as the API's readiness check.
   */
  maxRetriesPerRequest?: number | null;
}

/**
 * The one ioredis factory, for BullMQ and everything else. Reconnects with capped exponential
 * backoff, so a Redis restart is survived instead of crashing the process.
 */
export function createRedisConnection(url: string, opts: RedisConnectionOptions = {}): Redis {
  const options: RedisOptions = {
    connectionName: opts.name ?? 'koubei',
    maxRetriesPerRequest: opts.maxRetriesPerRequest === undefined ? null : opts.maxRetriesPerRequest,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), 5_000),
    reconnectOnError: (err) => err.message.includes('READONLY'),
  };
  const client = new Redis(url, options);
  let lastLogged = 0;
  client.on('error', (err) => {
    // Log at most every 10 s: a down Redis must not flood the log.
    if (Date.now() - lastLogged > 10_000) {
      lastLogged = Date.now();
      opts.logger?.warn({ err: err.message }, 'redis connection error; retrying');
    }
  });
  return client;
}
