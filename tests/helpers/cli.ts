import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const KOUBEI_BIN = join(import.meta.dirname, '..', '..', 'bin', 'koubei');

/** A running `koubei` child process with its captured output. */
export interface KoubeiProcess {
  child: ChildProcess;
  output(): string;
  /** Resolve with the first match of `re` in the output, or reject after `timeoutMs`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolve with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Environment for a child: ours minus anything that would point it at shared services. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'KOUBEI_CONFIG', 'PORT', 'KOUBEI_DATA_DIR']) delete env[k];
  return { ...env, ...extra };
}

/** Spawn `bin/koubei <args>` in `cwd`. */
export function spawnKoubei(
  args: string[],
  opts: { cwd: string; env: Record<string, string> },
): KoubeiProcess {
  const child = spawn(KOUBEI_BIN, args, {
    cwd: opts.cwd,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(re);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${re}; output so far:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        void exited.then(() => setTimeout(check, 10));
      });
    },
  };
}
