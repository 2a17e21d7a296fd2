import { Command } from 'commander';
import {
  AlreadyRunningError,
  type Config,
  ConfigError,
  createLogger,
  demoEnabled,
  type Logger,
  loadConfig,
  ValidationError,
  wantsPrettyLogs,
} from '../core/index.ts';
import { migrate } from './commands/migrate.ts';
import { serve } from './commands/serve.ts';
import type { RoleName } from './roles.ts';

/** Load config and logger, or exit 2 with the problems and their fixes. */
function boot(): { config: Config; logger: Logger } {
  try {
    const config = loadConfig();
    const logger = createLogger({
      level: config.env.LOG_LEVEL,
      pretty: wantsPrettyLogs(config, Boolean(process.stdout.isTTY)),
    });
    return { config, logger };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`koubei: ${err.report()}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Run a command body; turn the errors users can act on into one clear line. */
async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`koubei: ${err.report()}\n`);
      process.exit(2);
    }
    if (err instanceof AlreadyRunningError || err instanceof ValidationError) {
      process.stderr.write(`koubei: ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`koubei: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  }
}

function serveCommand(roles: (config: Config) => RoleName[]) {
  return () =>
    run(async () => {
      const { config, logger } = boot();
      await serve(roles(config), config, logger);
    });
}

const program = new Command('koubei')
  .description('口碑 koubei: social listening and reputation for Chinese telecom operators')
  .showHelpAfterError();

program
  .command('start')
  .description(
    'every role in one process: API and dashboard, workers, crawler, and the demo replicas when no sources are configured',
  )
  .action(serveCommand((c) => ['api', 'worker', 'crawler', ...(demoEnabled(c) ? (['demo'] as const) : [])]));
program
  .command('api')
  .description('serve the API and dashboard only')
  .action(serveCommand(() => ['api']));
program
  .command('worker')
  .description('run the pipeline workers only (ingest, analyze, route, SLA timers, notifications)')
  .action(serveCommand(() => ['worker']));
program
  .command('crawler')
  .description('run the crawl scheduler and crawl workers only')
  .action(serveCommand(() => ['crawler']));
program
  .command('crawl')
  .description('one-off backfill of one source and query back to --since, with a progress bar')
  .requiredOption(
    '--source <id>',
    'configured source id (demo-weibo, demo-tieba… with no sources configured)',
  )
  .requiredOption('--query <query>', 'keyword, or board:<id>, app:<id>, feed:<path>')
  .requiredOption('--since <date>', 'ISO date or date-time to page back to, e.g. 2026-12-01')
  .option('--max-pages <n>', 'most list pages (default 1000)')
  .action((opts: { source: string; query: string; since: string; maxPages?: string }) =>
    run(async () => {
      const { config, logger } = boot();
      const { crawlCommand } = await import('./commands/crawl.ts');
      await crawlCommand(config, logger, opts);
    }),
  );
program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(() =>
    run(async () => {
      const { config, logger } = boot();
      await migrate(config, logger);
    }),
  );

program
  .command('analyze')
  .description('read JSON lines {"id","text"} on stdin; write one analysis per line on stdout')
  .action(() =>
    run(async () => {
      const { analyzeCommand } = await import('./commands/analyze.ts');
      await analyzeCommand(boot().config);
    }),
  );
program
  .command('train')
  .description('rebuild the sentiment and category model from ../shared, our corpus and analyst corrections')
  .option('--corrections <file>', 'JSON lines of corrections exported from the API')
  .option('--out <dir>', 'where to write the model (default: nlp/model)')
  .action((opts: { corrections?: string; out?: string }) =>
    run(async () => {
      const { trainCommand } = await import('./commands/train.ts');
      await trainCommand(opts);
    }),
  );
program
  .command('demo')
  .description('run the local replica sites on their own, with live generated posts')
  .option('--port <port>', 'port (default: a free port)', '0')
  .action((opts: { port: string }) =>
    run(async () => {
      const { config, logger } = boot();
      const { demoCommand } = await import('./commands/demo.ts');
      await demoCommand(config, logger, Number(opts.port));
    }),
  );
program
  .command('bench')
  .description('run the benchmarks (--only <group>, --scale <factor>) and write bench/results/latest.json')
  .allowUnknownOption()
  .helpOption(false)
  .argument('[args...]')
  .action((args: string[]) =>
    run(async () => {
      const { runBench } = await import('../bench/index.ts');
      await runBench(args);
    }),
  );

await program.parseAsync(process.argv);
