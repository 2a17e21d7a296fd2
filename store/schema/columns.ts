import { timestamp } from 'drizzle-orm/pg-core';

/** A UTC instant (`timestamptz`), as a JS Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at` defaulting to now. */
export const createdAt = () => tstz('created_at').notNull().defaultNow();
