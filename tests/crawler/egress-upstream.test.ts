import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../core/index.ts';
import { crawlSource } from '../../crawler/index.ts';
import { type EgressProxy, startEgressProxy } from '../../crawler/net/egress-proxy.ts';
import { collector, FAST } from './helpers.ts';
import { startRedirectSite, tunnel, viaProxy } from './proxy-client.ts';

/** What the made-up names resolve to, for the egress proxy's check. */
const DNS: Record<string, string[]> = {
  'weibo.example': ['93.184.216.34'],
  'intranet.example': ['10.0.0.5'],
};

/**
 * A company proxy that checks nothing: it forwards plain HTTP and tunnels CONNECT to whatever it is
 * asked for (every made-up name lands on the test site). It records each target, and the credentials.
 */
function startOpenProxy(sitePort: () => number) {
  const asked: string[] = [];
  const auth: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '');
    asked.push(url.host);
    auth.push(req.headers['proxy-authorization'] ?? '');
    const up = httpRequest(
      { host: '127.0.0.1', port: sitePort(), path: `${url.pathname}${url.search}`, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    asked.push(req.url ?? '');
    auth.push(req.headers['proxy-authorization'] ?? '');
    const s = connect({ host: '127.0.0.1', port: sitePort() }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      s.write(head);
      s.pipe(client);
      client.pipe(s);
    });
    s.on('error', () => client.destroy());
    client.on('error', () => s.destroy());
  });
  return { server, asked, auth };
}

describe('egress proxy chained through a source’s own proxies', () => {
  let site: Server;
  let sitePort = 0;
  const seen: string[] = [];
  const open = startOpenProxy(() => sitePort);
  let openUrl = '';
  let egress: EgressProxy;
  const resolveHost = async (host: string): Promise<string[]> => DNS[host] ?? [];

  beforeAll(async () => {
    ({ server: site, port: sitePort } = await startRedirectSite(seen));
    await new Promise<void>((ok) => open.server.listen(0, '127.0.0.1', ok));
    openUrl = `http://agent:s%3Acret@127.0.0.1:${(open.server.address() as AddressInfo).port}`;
    egress = await startEgressProxy({ resolveHost, upstream: [openUrl] });
  });
  afterAll(async () => {
    await egress.close();
    await new Promise((ok) => open.server.close(ok));
    await new Promise((ok) => site.close(ok));
  });

  it('forwards and tunnels checked hosts through the upstream, with its credentials', async () => {
    open.asked.length = 0;
    open.auth.length = 0;
    expect((await viaProxy(egress.url, 'http://weibo.example/page?q=1')).body).toBe('hello weibo.example');
    const t = await tunnel(egress.url, 'weibo.example:443');
    expect(t).toMatch(/^HTTP\/1\.1 200 Connection Established/);
    expect(t).toContain('hello weibo.example');
    // A name that does not resolve here is the upstream's to resolve.
    expect((await viaProxy(egress.url, 'http://only-upstream-knows.example/')).body).toBe(
      'hello only-upstream-knows.example',
    );
    expect(open.asked).toEqual(['weibo.example', 'weibo.example:443', 'only-upstream-knows.example']);
    const basic = `Basic ${Buffer.from('agent:s:cret').toString('base64')}`;
    expect(open.auth).toEqual([basic, basic, basic]);
  });

  it('refuses private hosts before the upstream ever hears of them', async () => {
    open.asked.length = 0;
    await expect(viaProxy(egress.url, 'http://intranet.example/admin')).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(await tunnel(egress.url, '10.1.2.3:22')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(await tunnel(egress.url, 'localhost:6379')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(open.asked).toEqual([]);
  });

  it('refuses Chromium’s own services, so they never leave through the source’s proxy', async () => {
    open.asked.length = 0;
    expect(await tunnel(egress.url, 'accounts.google.com:443')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(await tunnel(egress.url, 'redirector.gvt1.com:443')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(await tunnel(egress.url, 'CLIENTS2.google.com.:443')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    await expect(viaProxy(egress.url, 'http://update.googleapis.com/service/update2')).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(open.asked).toEqual([]);
    // A look-alike name is not a browser service.
    expect(await tunnel(egress.url, 'notgvt1.com:443')).toMatch(/^HTTP\/1\.1 200/);
    expect(open.asked).toEqual(['notgvt1.com:443']);
  });

  it('in Chromium, a redirect to a private host is refused although the source has its own proxy', async () => {
    for (const path of ['/to-intranet', '/to-loopback']) {
      seen.length = 0;
      open.asked.length = 0;
      const res = await crawlSource({
        ...FAST,
        maxRequestRetries: 0,
        requestTimeoutSecs: 5,
        source: sourceSchema.parse({
          id: `upstream-${path.slice(1)}`,
          kind: 'weibo',
          browser: true,
          baseUrl: `http://weibo.example${path}`,
          queries: ['联通'],
          proxyUrls: [openUrl],
          maxConcurrency: 1,
          maxPagesPerRun: 1,
        }),
        sink: collector().sink,
        resolveHost,
      });
      // The first hop went through the company proxy; the redirect target never reached it.
      expect(open.asked.some((h) => h.startsWith('weibo.example'))).toBe(true);
      // Nothing else did: neither the redirect targets nor Chromium's own calls (accounts.google.com).
      expect(open.asked.filter((h) => !h.startsWith('weibo.example'))).toEqual([]);
      expect(seen.some((s) => s.includes('/admin') || s.includes('/secret'))).toBe(false);
      expect(res.blockSignal).toBeNull();
    }
  }, 180_000);
});
