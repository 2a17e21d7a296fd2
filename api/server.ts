import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiDeps, createApp } from './app.ts';

/** A listening API server. */
export interface ApiServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  server: Server;
  /** Stop accepting connections and wait for open requests to finish. */
  close(): Promise<void>;
}

/** Options for {@link startApiServer}. */
export interface ListenOptions {
  /** Port; 0 picks a free one. Default: `config.env.PORT`. */
  port?: number;
  /** Interface. Default: `config.env.HOST`. */
  host?: string;
}

/** Create the app and listen. */
export async function startApiServer(deps: ApiDeps, opts: ListenOptions = {}): Promise<ApiServer> {
  const app = createApp(deps);
  const server = createServer(app);
  const host = opts.host ?? deps.config.env.HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? deps.config.env.PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Long-lived streams (SSE) would hold close() forever; end them after a grace period.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
