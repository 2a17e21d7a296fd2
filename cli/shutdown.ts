import type { Logger } from '../core/index.ts';

/** A step of shutdown, run in reverse order of registration. */
export type ShutdownStep = { name: string; run: () => Promise<void> };

/**
 * Graceful shutdown: on SIGINT/SIGTERM run the registered steps in reverse (stop crawling, stop
 * taking HTTP requests, let workers finish in-flight jobs, close the database, stop Redis).
 * A repeated signal more than 3 s after the first forces exit; signals within 3 s count as one,
 * because npm and the terminal may both deliver the same Ctrl-C.
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private started: number | null = null;
  private done: Promise<void> | null = null;

  constructor(private readonly logger: Logger) {}

  /** True once shutdown has begun. */
  get stopping(): boolean {
    return this.started !== null;
  }

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Run every step once; later calls return the same promise. */
  run(reason: string): Promise<void> {
    if (!this.done) {
      this.started = Date.now();
      this.logger.info({ reason }, 'shutting down');
      this.done = (async () => {
        for (const step of [...this.steps].reverse()) {
          try {
            await step.run();
          } catch (err) {
            this.logger.error({ err, step: step.name }, 'shutdown step failed');
          }
        }
      })();
    }
    return this.done;
  }

  /** Install signal handlers that shut down and then exit. */
  installSignalHandlers(exit: (code: number) => void = (c) => process.exit(c)): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.started !== null && Date.now() - this.started > 3_000) {
        this.logger.warn({ signal }, 'second signal: exiting now');
        exit(130);
        return;
      }
      void this.run(signal).then(() => exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // A bug must not leave the private redis-server behind: log it, stop cleanly, exit 1.
    const onFatal = (err: unknown) => {
      this.logger.fatal({ err }, 'unexpected error; shutting down');
      void this.run('fatal error').then(() => exit(1));
    };
    process.on('uncaughtException', onFatal);
    process.on('unhandledRejection', onFatal);
  }
}
