import {
  accessSync,
  constants,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { KoubeiError } from './errors.ts';

/** Where Debian's packages put executables; searched instead of PATH so behaviour is the same everywhere. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The first executable named `name` in the system directories or `extraDirs`. */
export function findExecutable(name: string, extraDirs: string[] = []): string | null {
  const dirs = [...extraDirs, ...SYSTEM_DIRS];
  for (const dir of dirs) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** True when a process with this pid exists (signal 0 checks without killing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A held lock on a data directory. */
export interface DirLock {
  path: string;
  release(): void;
}

/** Thrown when another live koubei process holds the data directory. */
export class AlreadyRunningError extends KoubeiError {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `koubei is already running on data directory ${dir} (pid ${pid}). Stop it first, or set KOUBEI_DATA_DIR to another directory.`,
    );
  }
}

/**
 * Take an exclusive lock on `dir` (a pid file created with O_EXCL). A lock whose owner died is
 * taken over. Prevents two `npm start` in one directory, and so two Redis servers on one data dir.
 */
export function lockDataDir(dir: string, name = 'koubei.lock'): DirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        path,
        release: () => {
          if (existsSync(path) && readFileSync(path, 'utf8').trim() === String(process.pid))
            rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (pid > 0 && pid !== process.pid && isProcessAlive(pid)) throw new AlreadyRunningError(dir, pid);
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new KoubeiError(`Could not lock ${dir}`);
}
