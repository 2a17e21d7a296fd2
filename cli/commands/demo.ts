import type { Config, Logger } from '../../core/index.ts';
import { runDemoReplicas } from '../../crawler/index.ts';

/** `koubei demo`: the replica sites on their own, generating posts live, until Ctrl-C. */
export async function demoCommand(config: Config, logger: Logger, port: number): Promise<void> {
  const replicas = await runDemoReplicas({
    port,
    seed: config.demo.seed,
    postsPerMinute: config.demo.postsPerMinute,
    logger,
  });
  process.stdout.write(`replica sites at ${replicas.url} (${Object.keys(replicas.baseUrls).join(', ')})\n`);
  const stop = () => void replicas.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
