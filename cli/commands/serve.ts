import type { Config, Logger } from '../../core/index.ts';
import { announce, type RoleName, startApiRole } from '../roles.ts';
import { createRuntime } from '../runtime.ts';

/** Start the given roles in this process and keep running until a signal arrives. */
export async function serve(roles: RoleName[], config: Config, logger: Logger): Promise<void> {
  const rt = await createRuntime({ config, logger });
  let url: string | undefined;
  if (roles.includes('api')) url = (await startApiRole(rt)).url;
  void announce(rt, url, process.stdout).catch((err: unknown) => {
    if (!rt.shutdown.stopping) logger.error({ err }, 'start-up failed');
  });
}
