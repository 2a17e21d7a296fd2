import { startApiServer } from '../api/index.ts';
import type { FirstLogin } from './first-run.ts';
import { banner, ensureFirstAdmin } from './first-run.ts';
import type { Runtime } from './runtime.ts';

/** A process role: `api`, `worker`, `crawler` or `demo`. */
export type RoleName = 'api' | 'worker' | 'crawler' | 'demo';

/** What a started role reports back. */
export interface RoleResult {
  /** URL to show the user, if the role serves one. */
  url?: string;
}

/** Serve the API and dashboard. Listens at once so /healthz and /readyz answer while the database connects. */
export async function startApiRole(rt: Runtime): Promise<RoleResult> {
  const server = await startApiServer({ config: rt.config, logger: rt.logger, readiness: rt.readiness });
  rt.shutdown.add('api-server', () => server.close());
  rt.logger.info({ url: server.url }, 'api listening');
  return { url: server.url };
}

/** After the database is ready: create the first admin and print the banner once. */
export async function announce(
  rt: Runtime,
  url: string | undefined,
  out: NodeJS.WritableStream,
): Promise<void> {
  const handle = await rt.database;
  const login: FirstLogin | null = await ensureFirstAdmin(handle.db, rt.config);
  if (url) out.write(`${banner(url, login, Boolean(rt.config.env.KOUBEI_ADMIN_PASSWORD))}\n`);
}
