import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { collector, FAST, replicaSource, startTestReplicas } from './helpers.ts';

/**
 * A non-replica source crawled in Chromium through a loopback forward proxy, so made-up host names
 * work without DNS: weibo.example is forwarded to the Weibo replica, and each HTML page it serves
 * also loads a script from intranet.example. What those names "resolve to" comes from the injected
 * resolver; the proxy records every host Chromium asked it for.
 */
describe('browser SSRF guard (names that resolve to private addresses)', () => {
  let rep: RunningReplicas;
  let proxy: Server;
  let proxyUrl = '';
  const asked: string[] = [];

  beforeAll(async () => {
    rep = await startTestReplicas();
    const target = new URL(rep.baseUrls.weibo);
    const prefix = target.pathname.replace(/\/$/, '');
    proxy = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://invalid');
      asked.push(url.hostname);
      if (url.hostname === 'intranet.example') {
        res.end('secret');
        return;
      }
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          // Links on the replica's pages already carry its path prefix.
          path: `${url.pathname.startsWith(`${prefix}/`) ? '' : prefix}${url.pathname}${url.search}`,
          headers: { ...req.headers, 'accept-encoding': 'identity' },
        },
        (up) => {
          const html = String(up.headers['content-type'] ?? '').includes('text/html');
          if (!html) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          // Each page also asks for a script from intranet.example, as a hostile page could.
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const body = `${Buffer.concat(chunks).toString('utf8')}<script src="http://intranet.example/admin.js"></script>`;
            const { 'content-length': _drop, ...headers } = up.headers;
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(body);
          });
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await rep.close();
  });

  async function crawlVia(intranetAddress: string) {
    asked.length = 0;
    const source = replicaSource(rep, 'weibo', {
      id: 'sweibo-ssrf',
      browser: true,
      replica: false,
      baseUrl: 'http://weibo.example/sweibo',
      proxyUrls: [proxyUrl],
      queries: ['联通'],
      maxConcurrency: 1,
      maxPagesPerRun: 2,
    });
    const dns = async (host: string) => (host === 'intranet.example' ? [intranetAddress] : ['93.184.216.34']);
    return crawlSource({ ...FAST, source, sink: collector().sink, resolveHost: dns });
  }

  it('lets the script load when its host resolves to a public address (the proxy sees it)', async () => {
    await crawlVia('93.184.216.35');
    expect(asked).toContain('weibo.example');
    expect(asked).toContain('intranet.example');
    // Nothing else left Chromium: no update or telemetry request went through the proxy either.
    expect(new Set(asked)).toEqual(new Set(['weibo.example', 'intranet.example']));
  }, 120_000);

  it('never lets Chromium reach a name that resolves to a private address', async () => {
    const res = await crawlVia('10.0.0.5');
    expect(asked).toContain('weibo.example');
    expect(asked).not.toContain('intranet.example');
    expect(res.status).toBe('ok');
    expect(res.pages).toBe(2);
  }, 120_000);
});
