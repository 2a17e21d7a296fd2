import { join } from 'node:path';
import { type Config, type Logger, lockDataDir } from '../../core/index.ts';
import { openDatabase, runMigrations } from '../../store/index.ts';

/** Apply pending migrations and exit. */
export async function migrate(config: Config, logger: Logger): Promise<void> {
  const lock = config.env.DATABASE_URL ? undefined : lockDataDir(config.dataDir);
  try {
    const handle = await openDatabase(
      config.env.DATABASE_URL
        ? { url: config.env.DATABASE_URL, logger }
        : { dataDir: join(config.dataDir, 'pglite'), logger },
    );
    try {
      await runMigrations(handle);
      logger.info({ kind: handle.kind }, 'migrations applied');
    } finally {
      await handle.close();
    }
  } finally {
    lock?.release();
  }
}
