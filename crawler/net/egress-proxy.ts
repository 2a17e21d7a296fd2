import { createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { dnsResolver, type HostResolver, hostVerdict } from './ssrf.ts';
import { dialUpstream, parseUpstreams, rotation, tunnelThrough, type Upstream } from './upstream-proxy.ts';

/**
 * A forward proxy on loopback that Chromium sends all its traffic through, for sources that are not
 * local replicas. Each host is resolved here, refused when any of its addresses is private, and the
 * connection is made to the address that was checked. Unlike request interception it also sees
 * redirect hops and DNS answers that change between a check and the connection. A source with
 * proxies of its own gets the same checks, then reaches the host through those proxies.
 */

/** Options for {@link startEgressProxy}. */
export interface EgressProxyOptions {
  /** DNS resolver. Default: the system resolver (`dns.lookup`, all addresses). */
  resolveHost?: HostResolver;
  /**
   * Opens a TCP connection to an address that passed the check. Default `net.connect`. Tests map
   * made-up public addresses to loopback servers here.
   */
  connect?: (address: string, port: number) => Socket;
  /**
   * Proxies to reach checked hosts through (a source's `proxyUrls`, `http(s)://[user:pass@]host:port`),
   * one per connection in turn. A host that does not resolve here is left to the upstream to resolve;
   * one that resolves to a private address is still refused. Default none: connect directly.
   */
  upstream?: readonly string[];
  /** Called with each host refused as private, and why. Default none. */
  onRefused?: (host: string, reason: string) => void;
  /**
   * Names refused with all their subdomains, silently (no `onRefused`). Default
   * {@link BROWSER_SERVICE_HOSTS}: Chromium's own services, which no crawl needs and whose calls
   * would otherwise leave through the source's proxies with the crawl.
   */
  denyHosts?: readonly string[];
}

/**
 * Where Chromium calls home even with background networking off (sign-in, component and extension
 * updates, safe browsing, optimization hints, field trials). Seen on this machine: accounts.google.com.
 */
export const BROWSER_SERVICE_HOSTS: readonly string[] = [
  'accounts.google.com',
  'android.clients.google.com',
  ...[1, 2, 3, 4, 5, 6].map((n) => `clients${n}.google.com`),
  'clients2.googleusercontent.com',
  'safebrowsing.google.com',
  'sb-ssl.google.com',
  'dl.google.com',
  'tools.google.com',
  'update.googleapis.com',
  'safebrowsing.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'content-autofill.googleapis.com',
  'clientservices.googleapis.com',
  'chromesyncpasswords-pa.googleapis.com',
  'gvt1.com',
  'gvt2.com',
];

/** True when `host` is one of `names` or below one of them. */
function underAny(host: string, names: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return names.some((n) => h === n || h.endsWith(`.${n}`));
}

/** A running {@link startEgressProxy}. */
export interface EgressProxy {
  /** `http://127.0.0.1:<port>`, for Chromium's proxy setting. */
  url: string;
  /** Stop listening and cut every open connection. */
  close(): Promise<void>;
}

/** Hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1), plus the proxy's own. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

class Refused extends Error {}

/**
 * The address to connect to for `host`, or {@link Refused} when it is (or resolves to) a private one.
 * Through an upstream proxy the name itself is returned, and a name that does not resolve here passes.
 */
async function checkedAddress(host: string, resolve: HostResolver, upstream: boolean): Promise<string> {
  const v = await hostVerdict(host, (name) =>
    resolve(name).catch((err: unknown) => {
      if (upstream) return [];
      throw err;
    }),
  );
  if (!v.ok) {
    if (v.why === 'loopback-name') throw new Refused('loopback name');
    if (v.why === 'private-literal') throw new Refused(`private address ${v.address}`);
    throw new Refused(`resolves to private address ${v.address}`);
  }
  const first = upstream ? v.host : v.addresses[0];
  if (!first) throw new Error(`no address for ${v.host}`);
  return first;
}

/** `host:port` of a CONNECT request line, with bracketed IPv6 hosts. */
function splitAuthority(authority: string): { host: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  const port = Number(m?.[2]);
  return m?.[1] && port > 0 && port < 65536 ? { host: m[1], port } : null;
}

/** Headers without the hop-by-hop ones. */
function endToEnd(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/** Answer the client's CONNECT and join the two sockets; either closing closes both. */
function splice(client: Duplex, server: Socket, head: Buffer, rest: Buffer): void {
  client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  if (rest.length) client.write(rest);
  if (head.length) server.write(head);
  server.pipe(client);
  client.pipe(server);
  client.once('close', () => server.destroy());
  server.once('close', () => client.destroy());
}

/** The proxy's request handlers; {@link startEgressProxy} wires them to a server. */
class EgressHandlers {
  /** Every open socket, cut on close. */
  readonly open = new Set<Duplex>();
  private readonly resolve: HostResolver;
  private readonly dial: (address: string, port: number) => Socket;
  private readonly pick: () => Upstream | undefined;
  private readonly chained: boolean;

  constructor(private readonly opts: EgressProxyOptions) {
    this.resolve = opts.resolveHost ?? dnsResolver;
    this.dial = opts.connect ?? ((address, port) => netConnect({ host: address, port }));
    this.pick = rotation(parseUpstreams(opts.upstream ?? []));
    this.chained = Boolean(opts.upstream?.length);
  }

  track(s: Duplex): void {
    this.open.add(s);
    s.once('close', () => this.open.delete(s));
  }

  /** The checked address of `host`, or null after reporting why it was refused. */
  private async check(
    host: string,
    onRefused: (status: string, why: string) => void,
  ): Promise<string | null> {
    if (underAny(host, this.opts.denyHosts ?? BROWSER_SERVICE_HOSTS)) {
      onRefused('403 Forbidden', `refused ${host}: a browser service, not a crawl target`);
      return null;
    }
    try {
      return await checkedAddress(host, this.resolve, this.chained);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof Refused) this.opts.onRefused?.(host, reason);
      onRefused(err instanceof Refused ? '403 Forbidden' : '502 Bad Gateway', `refused ${host}: ${reason}`);
      return null;
    }
  }

  /** Plain HTTP: an absolute URL on the request line. */
  async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    if (url.protocol !== 'http:') {
      res.writeHead(400).end('only http:// is forwarded; https goes through CONNECT');
      return;
    }
    // No HTTP answer to a refusal: Chromium would show it as the site's own page (a 403 reads as a
    // block). A dropped connection fails the request as a network error, as a refused CONNECT does.
    const address = await this.check(url.hostname, () => res.socket?.destroy());
    if (address === null) return;
    const up = this.pick();
    // Through a proxy the request line carries the absolute URL; directly, only the path.
    const upstream = httpRequest({
      method: req.method ?? 'GET',
      path: up ? url.href : `${url.pathname}${url.search}`,
      headers: {
        ...endToEnd(req.headers),
        host: url.host,
        ...(up?.auth ? { 'proxy-authorization': up.auth } : {}),
      },
      createConnection: () => (up ? dialUpstream(up) : this.dial(address, Number(url.port) || 80)),
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.destroy();
    });
    req.pipe(upstream);
  }

  /** CONNECT: a tunnel to a checked host, directly or through an upstream proxy. */
  async tunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    this.track(client);
    client.on('error', () => client.destroy());
    const target = splitAuthority(req.url ?? '');
    if (!target) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const address = await this.check(target.host, (status, why) =>
      client.end(`HTTP/1.1 ${status}\r\n\r\n${why}`),
    );
    if (address === null) return;
    const up = this.pick();
    if (up)
      return this.chain(up, `${isIP(address) === 6 ? `[${address}]` : address}:${target.port}`, client, head);
    const server = this.dial(address, target.port);
    this.track(server);
    client.once('close', () => server.destroy());
    server.once('connect', () => splice(client, server, head, Buffer.alloc(0)));
    server.on('error', () => {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      server.destroy();
    });
  }

  /** A CONNECT through an upstream proxy; its refusal is the client's 502. */
  private async chain(up: Upstream, authority: string, client: Duplex, head: Buffer): Promise<void> {
    try {
      const { socket, rest } = await tunnelThrough(up, authority);
      this.track(socket);
      socket.on('error', () => socket.destroy());
      splice(client, socket, head, rest);
    } catch (err) {
      client.end(`HTTP/1.1 502 Bad Gateway\r\n\r\n${(err as Error).message}`);
    }
  }
}

/** Start the proxy on a free loopback port. */
export async function startEgressProxy(opts: EgressProxyOptions = {}): Promise<EgressProxy> {
  const h = new EgressHandlers(opts);
  const http = createServer((req, res) => void h.forward(req, res));
  http.on('connection', (s: Socket) => h.track(s));
  http.on('connect', (req, socket, head) => void h.tunnel(req, socket, head));
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        http.close(() => ok());
        for (const s of h.open) s.destroy();
      }),
  };
}
