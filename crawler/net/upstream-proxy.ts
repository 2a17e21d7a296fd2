import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * Chaining the egress proxy through a source's own proxies (`proxyUrls`): the egress proxy still
 * checks every host Chromium asks for, then reaches it through the upstream proxy instead of
 * directly. Upstream proxies are configured by an admin, so they are dialled without a check.
 */

/** An upstream proxy, parsed once. */
export interface Upstream {
  url: URL;
  /** `Proxy-Authorization` value when the URL carries credentials. */
  auth?: string;
}

/** Parse `http://user:pass@host:port` (or https) proxy URLs. */
export function parseUpstreams(urls: readonly string[]): Upstream[] {
  return urls.map((u) => {
    const url = new URL(u);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`upstream proxy must be http(s): ${url.protocol}`);
    const user = decodeURIComponent(url.username);
    const auth = user
      ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`).toString('base64')}`
      : undefined;
    return auth ? { url, auth } : { url };
  });
}

/** Round-robin over the upstreams, one pick per connection; undefined when there are none. */
export function rotation(upstreams: readonly Upstream[]): () => Upstream | undefined {
  let next = 0;
  return () => {
    const u = upstreams[next % Math.max(1, upstreams.length)];
    next++;
    return u;
  };
}

/** A TCP (or TLS, for an https proxy) connection to the upstream proxy itself. */
export function dialUpstream(up: Upstream): Socket {
  const host = up.url.hostname.replace(/^\[|\]$/g, '');
  const tls = up.url.protocol === 'https:';
  const port = Number(up.url.port) || (tls ? 443 : 80);
  return tls ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
}

/** Largest upstream answer head read before giving up (a proxy's CONNECT answer is a few lines). */
const MAX_HEAD = 16 * 1024;

/**
 * Open a tunnel to `authority` through the upstream: send CONNECT, wait for a 2xx. Resolves with
 * the socket and any bytes the upstream sent after its answer; rejects with the upstream's status.
 */
export function tunnelThrough(up: Upstream, authority: string): Promise<{ socket: Socket; rest: Buffer }> {
  return new Promise((ok, fail) => {
    const socket = dialUpstream(up);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD) done(new Error('upstream proxy answer too long'));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1];
      if (!status?.startsWith('2')) {
        done(new Error(`upstream proxy answered ${status ?? 'garbage'}`));
        return;
      }
      socket.off('data', onData);
      socket.off('error', done);
      socket.off('end', onEnd);
      ok({ socket, rest: head.subarray(end + 4) });
    };
    const done = (err: Error): void => {
      socket.destroy();
      fail(err);
    };
    const onEnd = (): void => done(new Error('upstream proxy closed the connection'));
    socket.on('data', onData);
    socket.on('error', done);
    socket.on('end', onEnd);
    const auth = up.auth ? `Proxy-Authorization: ${up.auth}\r\n` : '';
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  });
}
