import type { AddressInfo } from 'node:net';
import express from 'express';
import { type Logger, SOURCE_KINDS, type SourceKind } from '../../core/index.ts';
import { controlRouter } from './control.ts';
import { ReplicaRuntime, type ReplicaOptions } from './runtime.ts';
import { mountSite, robotsRules, type SiteModule } from './site-kit.ts';
import { appstoreSite } from './sites/appstore.ts';
import { discuzSite } from './sites/discuz.ts';
import { heimaoSite } from './sites/heimao.ts';
import { rssSite } from './sites/rss.ts';
import { tiebaSite } from './sites/tieba.ts';
import { weiboSite } from './sites/weibo.ts';
import { zhihuSite } from './sites/zhihu.ts';

/** Every replica site, in SOURCE_KINDS order. */
export const SITES: readonly SiteModule[] = [
  weiboSite,
  tiebaSite,
  zhihuSite,
  discuzSite,
  heimaoSite,
  appstoreSite,
  rssSite,
];

/** An Express app serving every replica, with its runtime (store, generator, faults, truth). */
export interface ReplicaApp {
  app: express.Express;
  runtime: ReplicaRuntime;
}

/** Build the replica app (does not listen). */
export function createReplicaApp(opts: ReplicaOptions = {}): ReplicaApp {
  const runtime = new ReplicaRuntime(opts);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(controlRouter(runtime));
  app.get('/robots.txt', (_req, res) => {
    res
      .type('text/plain')
      .send(['User-agent: *', ...SOURCE_KINDS.flatMap((k) => robotsRules(runtime, k)), ''].join('\n'));
  });
  app.get('/', (_req, res) => {
    const links = SOURCE_KINDS.map((k) => `<li><a href="/${k}/">${k}</a></li>`).join('');
    res
      .type('html')
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><title>koubei replicas</title></head><body><ul>${links}</ul></body></html>`,
      );
  });
  for (const site of SITES) mountSite(app, site, runtime);
  return { app, runtime };
}

/** Options for {@link startReplicas}. */
export interface StartReplicasOptions extends ReplicaOptions {
  /** Port. Default 0 (any free port). */
  port?: number;
  /** Interface. Default `127.0.0.1` (loopback only). */
  host?: string;
}

/** A listening replica server. */
export interface RunningReplicas {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** Base URL per source kind, e.g. `http://127.0.0.1:1234/weibo`. */
  baseUrls: Record<SourceKind, string>;
  /** The s.weibo.com-style search page that needs a browser: `{url}/weibo/sweibo/weibo?q=`. */
  browserSearchUrl: string;
  runtime: ReplicaRuntime;
  close(): Promise<void>;
}

/** Start the replicas on a port (0 = any free port). Live generation runs when postsPerMinute > 0. */
export async function startReplicas(opts: StartReplicasOptions = {}): Promise<RunningReplicas> {
  const { app, runtime } = createReplicaApp(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  if (opts.live ?? runtime.postsPerMinute > 0) runtime.startLive();
  const baseUrls = Object.fromEntries(SOURCE_KINDS.map((k) => [k, `${url}/${k}`])) as Record<
    SourceKind,
    string
  >;
  return {
    url,
    baseUrls,
    browserSearchUrl: `${url}/weibo/sweibo/weibo`,
    runtime,
    close: async () => {
      runtime.stopLive();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Options for {@link runDemoReplicas}. */
export interface DemoReplicaOptions {
  /** Port. Default 0 (any free port). */
  port?: number;
  /** Generator seed. Default 42. */
  seed?: number;
  /** Live posts per minute across all sites. Default 30. */
  postsPerMinute?: number;
  /** Logger for start-up and scenario lines. Default: silent. */
  logger?: Logger;
}

/** For `koubei demo`: replicas with live generation on the real clock. */
export async function runDemoReplicas(opts: DemoReplicaOptions = {}): Promise<RunningReplicas> {
  const running = await startReplicas({
    port: opts.port ?? 0,
    seed: opts.seed ?? 42,
    postsPerMinute: opts.postsPerMinute ?? 30,
    live: true,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  opts.logger?.info({ url: running.url, items: running.runtime.store.size }, 'replica sites listening');
  return running;
}
