/**
 * store/: PostgreSQL through Drizzle ORM. PGlite when DATABASE_URL is unset, a server otherwise; the
 * same schema, migrations and queries on both. One query per file in store/queries.
 */
export * from './db.ts';
export * from './queries/count-users.ts';
export * from './queries/create-user.ts';
export * from './queries/get-user-by-username.ts';
export * from './queries/sync-brands.ts';
export * from './queries/sync-sources.ts';
export * from './schema/index.ts';
