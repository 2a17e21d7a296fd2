import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, type DbKind, openDatabase, runMigrations } from '../../store/index.ts';

/** Both database kinds: every store test runs on PGlite and on a PostgreSQL server. */
export const DB_KINDS: DbKind[] = ['pglite', 'postgres'];

/** A migrated, isolated database for one test file. */
export interface TestDb extends DbHandle {
  /** Close and drop the database. */
  cleanup(): Promise<void>;
}

function withDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh database of `kind`: an in-memory PGlite, or a new database on the suite's server
 * (dropped on cleanup). Migrations are applied, exactly as at start-up.
 */
export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'pglite') {
    const h = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(h);
    return { ...h, cleanup: () => h.close() };
  }
  const adminUrl = inject('pgUrl');
  const name = `koubei_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const h = await openDatabase({ url, poolSize: 5 });
  await runMigrations(h);
  return {
    ...h,
    async cleanup() {
      await h.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh empty database on the server (not migrated), with its URL, for tests of start-up itself. */
export async function createEmptyServerDb(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const adminUrl = inject('pgUrl');
  const name = `koubei_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    async cleanup() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
