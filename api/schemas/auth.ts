import { z } from 'zod';
import { ROLES } from '../../core/index.ts';

export const roleEnum = z.enum(ROLES);

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const meResponse = z.object({
  kind: z.enum(['session', 'api_key']),
  userId: z.number().nullable(),
  username: z.string(),
  /** What to call the user on screen; null when unset (show the username) and for API keys. */
  displayName: z.string().nullable(),
  role: roleEnum,
  team: z.string().nullable(),
  /** Permissions this role holds (for the SPA to hide what it cannot do). */
  permissions: z.array(z.string()),
  /** Send as X-CSRF-Token on unsafe requests (sessions only). */
  csrfToken: z.string().nullable(),
});

export const loginResponse = meResponse.extend({ expiresAt: z.string() });
