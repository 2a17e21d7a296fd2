import { z } from 'zod';
import { brandSchema, channelSchema, routingSchema, slaSchema } from '../../core/index.ts';
import { roleEnum } from './auth.ts';

export const brandsBody = z
  .strictObject({ brands: z.array(brandSchema).min(1).max(50) })
  .refine((b) => b.brands.some((x) => x.own), {
    message: 'mark at least one brand own: true',
    path: ['brands'],
  })
  .refine((b) => new Set(b.brands.map((x) => x.name)).size === b.brands.length, {
    message: 'brand names must be unique',
    path: ['brands'],
  });

export const slaBody = slaSchema;

export const routingBody = routingSchema.refine(
  (r) => r.rules.every((rule) => r.teams.some((t) => t.id === rule.team)),
  { message: 'every rule must name a team defined under teams', path: ['rules'] },
);

export const notificationsBody = z.strictObject({ channels: z.array(channelSchema).max(50) });

export const configResponse = z.object({
  brands: z.array(z.record(z.string(), z.unknown())),
  sla: z.record(z.string(), z.unknown()),
  routing: z.record(z.string(), z.unknown()),
  notifications: z.object({ channels: z.array(z.record(z.string(), z.unknown())) }),
  /** Which sections come from admin edits (settings table) rather than the config file. */
  overridden: z.array(z.string()),
});

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{2,64}$/, 'letters, digits, _ . @ - (2–64)');
const password = z.string().min(8).max(1000);

export const userCreateBody = z.strictObject({
  username,
  password,
  role: roleEnum,
  displayName: z.string().trim().min(1).max(100).optional(),
  team: z.string().trim().min(1).max(100).optional(),
});

export const userPatchBody = z
  .strictObject({
    password: password.optional(),
    role: roleEnum.optional(),
    displayName: z.string().trim().min(1).max(100).nullable().optional(),
    team: z.string().trim().min(1).max(100).nullable().optional(),
    onDuty: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

export const publicUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: roleEnum,
  team: z.string().nullable(),
  onDuty: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const userList = z.object({ items: z.array(publicUser) });

export const apiKeyCreateBody = z.strictObject({ name: z.string().trim().min(1).max(100), role: roleEnum });
export const apiKeyInfo = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  role: roleEnum,
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiKeyList = z.object({ items: z.array(apiKeyInfo) });
/** The created key; `key` is shown this once and never again. */
export const apiKeyCreated = apiKeyInfo.extend({ key: z.string() });
