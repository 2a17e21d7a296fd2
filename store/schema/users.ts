import { boolean, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.ts';

/** Dashboard users. Passwords are argon2 hashes. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  passwordHash: text('password_hash').notNull(),
  /** admin, pr_lead, pr_agent, brand_manager, marketing, viewer. */
  role: text('role').notNull(),
  team: text('team'),
  onDuty: boolean('on_duty').notNull().default(true),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  lastLoginAt: tstz('last_login_at'),
});

/** Integration API keys. Only a hash is stored; the key is shown once. */
export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** The first characters of the key, to identify it in lists and logs. */
  prefix: text('prefix').notNull().unique(),
  keyHash: text('key_hash').notNull(),
  role: text('role').notNull(),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
  lastUsedAt: tstz('last_used_at'),
  revokedAt: tstz('revoked_at'),
});

/** Dashboard sessions. The cookie holds a random token; only its hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
