import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

/** A plain-HTTP request through a forward proxy (absolute URL on the request line). */
export function viaProxy(proxyUrl: string, url: string): Promise<{ status: number; body: string }> {
  const p = new URL(proxyUrl);
  return new Promise((ok, fail) => {
    const req = httpRequest({
      host: p.hostname,
      port: p.port,
      path: url,
      headers: { host: new URL(url).host },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** CONNECT through a forward proxy, then one GET inside the tunnel; everything the client received. */
export function tunnel(proxyUrl: string, authority: string): Promise<string> {
  const p = new URL(proxyUrl);
  return new Promise((ok, fail) => {
    const s = connect({ host: p.hostname, port: Number(p.port) });
    let got = '';
    s.on('data', (c: Buffer) => {
      got += c.toString('utf8');
      if (got.startsWith('HTTP/1.1 200') && !got.includes('hello'))
        s.write(`GET /t HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
    });
    s.on('end', () => ok(got));
    s.on('error', fail);
    s.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  });
}

/**
 * A site on loopback that records what it served: `/to-intranet` redirects to a name the tests
 * resolve to a private address, `/to-loopback` to the site's own `/secret`, anything else says hello.
 */
export async function startRedirectSite(seen: string[]): Promise<{ server: Server; port: number }> {
  let port = 0;
  const server = createServer((req, res) => {
    seen.push(`${req.headers.host}${req.url}`);
    if (req.url?.startsWith('/to-intranet'))
      res.writeHead(302, { location: 'http://intranet.example/admin' }).end();
    else if (req.url?.startsWith('/to-loopback'))
      res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
    else res.end(`hello ${req.headers.host}`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  return { server, port };
}
