import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../core/index.ts';
import { crawlSource } from '../../crawler/index.ts';
import { type EgressProxy, startEgressProxy } from '../../crawler/net/egress-proxy.ts';
import { collector, FAST } from './helpers.ts';
import { startRedirectSite, tunnel, viaProxy } from './proxy-client.ts';

/** Made-up public address that the tests' `connect` maps to the loopback server. */
const PUBLIC = '93.184.216.34';
/** What the made-up names resolve to. */
const DNS: Record<string, string[]> = {
  'weibo.example': [PUBLIC],
  'intranet.example': ['10.0.0.5'],
  'mixed.example': [PUBLIC, '192.168.1.1'],
};

/**
 * The loopback forward proxy Chromium uses for non-replica sources: every host is resolved and
 * checked there, including redirect hops that Playwright's request interception never sees.
 */
describe('egress proxy', () => {
  let site: Server;
  let sitePort = 0;
  const seen: string[] = [];
  const dialled: string[] = [];
  const asked: string[] = [];
  const refused: string[] = [];
  let proxy: EgressProxy;

  const resolveHost = async (host: string): Promise<string[]> => {
    asked.push(host);
    return DNS[host] ?? [];
  };
  const dial = (address: string, port: number): Socket => {
    dialled.push(`${address}:${port}`);
    return connect({ host: '127.0.0.1', port: address === PUBLIC ? sitePort : 9 });
  };

  beforeAll(async () => {
    ({ server: site, port: sitePort } = await startRedirectSite(seen));
    proxy = await startEgressProxy({ resolveHost, connect: dial, onRefused: (h) => refused.push(h) });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((ok) => site.close(ok));
  });

  it('forwards plain HTTP to a public host, to the address it checked', async () => {
    dialled.length = 0;
    expect(await viaProxy(proxy.url, 'http://weibo.example/page?q=1')).toEqual({
      status: 200,
      body: 'hello weibo.example',
    });
    expect(dialled).toEqual([`${PUBLIC}:80`]);
    expect(seen).toContain('weibo.example/page?q=1');
  });

  it('refuses names that resolve to a private address (any of them) and private literals', async () => {
    dialled.length = 0;
    for (const url of [
      'http://intranet.example/admin',
      'http://mixed.example/',
      'http://127.0.0.1:6379/',
      'http://[::1]/',
      'http://localhost/',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      // Dropped without an answer, so a browser fails the request instead of rendering an error page.
      await expect(viaProxy(proxy.url, url), url).rejects.toThrow(/socket hang up|ECONNRESET/);
    }
    expect(dialled).toEqual([]);
    expect(refused).toEqual([
      'intranet.example',
      'mixed.example',
      '127.0.0.1',
      '[::1]',
      'localhost',
      '169.254.169.254',
    ]);
  });

  it('tunnels CONNECT to a public host and refuses one to a private host', async () => {
    dialled.length = 0;
    const ok = await tunnel(proxy.url, 'weibo.example:443');
    expect(ok).toMatch(/^HTTP\/1\.1 200 Connection Established/);
    expect(ok).toContain('hello weibo.example');
    expect(await tunnel(proxy.url, 'intranet.example:443')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(await tunnel(proxy.url, '10.1.2.3:22')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(await tunnel(proxy.url, 'no-port')).toMatch(/^HTTP\/1\.1 400/);
    expect(dialled).toEqual([`${PUBLIC}:443`]);
  });

  describe('in Chromium, for a non-replica browser source', () => {
    async function crawlFrom(path: string) {
      seen.length = 0;
      asked.length = 0;
      dialled.length = 0;
      const source = sourceSchema.parse({
        id: `egress-${path.slice(1)}`,
        kind: 'weibo',
        browser: true,
        baseUrl: `http://weibo.example${path}`,
        queries: ['联通'],
        maxConcurrency: 1,
        maxPagesPerRun: 1,
      });
      return crawlSource({
        ...FAST,
        maxRequestRetries: 0,
        requestTimeoutSecs: 5,
        source,
        sink: collector().sink,
        resolveHost,
        egressConnect: dial,
      });
    }

    it('refuses a redirect to a name that resolves to a private address', async () => {
      const res = await crawlFrom('/to-intranet');
      expect(seen.some((s) => s.startsWith('weibo.example/to-intranet'))).toBe(true);
      // Only the egress proxy can have asked: Playwright's route never sees the redirect hop.
      expect(asked).toContain('intranet.example');
      expect(dialled.every((d) => d.startsWith(`${PUBLIC}:`))).toBe(true);
      // A failed request, not a block: the site did nothing wrong that a back-off would fix.
      expect(res.status).toBe('partial');
      expect(res.blockSignal).toBeNull();
      expect(res.errors).toContain(
        'egress proxy refused intranet.example: resolves to private address 10.0.0.5',
      );
    }, 120_000);

    it('refuses a redirect to a loopback address (Chromium sends loopback through the proxy too)', async () => {
      await crawlFrom('/to-loopback');
      expect(seen.some((s) => s.startsWith('weibo.example/to-loopback'))).toBe(true);
      expect(seen.some((s) => s.includes('/secret'))).toBe(false);
      expect(dialled.every((d) => d.startsWith(`${PUBLIC}:`))).toBe(true);
    }, 120_000);
  });
});
