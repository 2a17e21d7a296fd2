import type { Config, Logger } from '../../core/index.ts';
import { type RoleName, startDemo, startRoles } from '../roles.ts';
import { createRuntime } from '../runtime.ts';

/** Start the given roles in this process and keep running until a signal arrives. */
export async function serve(roles: RoleName[], baseConfig: Config, logger: Logger): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  const config = roles.includes('demo')
    ? (await startDemo(baseConfig, logger, (fn) => stops.push(fn))).config
    : baseConfig;
  const rt = await createRuntime({ config, logger });
  for (const stop of stops) rt.shutdown.add('demo-replicas', stop);
  const started = await startRoles(rt, roles, { out: process.stdout });
  started.ready.catch((err: unknown) => {
    if (!rt.shutdown.stopping) logger.error({ err }, 'start-up failed');
  });
}
