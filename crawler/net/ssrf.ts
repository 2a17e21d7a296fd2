import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ForbiddenError, type SourceConfig } from '../../core/index.ts';

/**
 * SSRF guard: a configured source must not point the crawler at our own network. Loopback, private,
 * link-local, unique-local and unspecified addresses are refused unless the source is a local replica.
 */

function ipv4Octets(ip: string): number[] | null {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

function privateV4(ip: string): boolean {
  const o = ipv4Octets(ip);
  if (!o) return false;
  const [a = 0, b = 0] = o;
  const c = o[2] ?? 0;
  return (
    a === 127 || // loopback 127/8
    a === 10 || // 10/8
    (a === 172 && b >= 16 && b <= 31) || // 172.16/12
    (a === 192 && b === 168) || // 192.168/16
    (a === 169 && b === 254) || // link-local 169.254/16
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT 100.64/10
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments 192.0.0/24
    (a === 198 && (b === 18 || b === 19)) || // benchmarking 198.18/15
    a >= 224 || // multicast 224/4, reserved 240/4, broadcast
    a === 0 // 0.0.0.0/8 ("this network")
  );
}

/** Expand an IPv6 address to eight 16-bit groups (handles `::` and an embedded IPv4 tail). */
function ipv6Groups(ip: string): number[] | null {
  let addr = ip.toLowerCase().split('%')[0] ?? '';
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (v4?.[1]) {
    const o = ipv4Octets(v4[1]);
    if (!o) return null;
    addr = addr.replace(
      v4[1],
      `${(((o[0] ?? 0) << 8) | (o[1] ?? 0)).toString(16)}:${(((o[2] ?? 0) << 8) | (o[3] ?? 0)).toString(16)}`,
    );
  }
  const [head = '', tail] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t].map((g) =>
    Number.parseInt(g || '0', 16),
  );
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

function privateV6(ip: string): boolean {
  const g = ipv6Groups(ip);
  if (!g) return false;
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const allZeroPrefix = g.slice(0, 5).every((x) => x === 0);
  if (allZeroPrefix && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  const v4 = `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  // IPv4-mapped ::ffff:a.b.c.d, and NAT64 64:ff9b::a.b.c.d, which reaches the IPv4 address behind it.
  if (allZeroPrefix && g5 === 0xffff) return privateV4(v4);
  if (g0 === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return privateV4(v4);
  // fc00::/7 unique-local, fe80::/10 link-local, ff00::/8 multicast
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xff00) === 0xff00;
}

/**
 * True for loopback, private, link-local, unique-local, carrier-grade NAT, multicast, reserved and
 * unspecified addresses (v4 and v6, including v4 inside IPv4-mapped and NAT64 v6 addresses).
 */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return privateV4(ip);
  if (kind === 6) return privateV6(ip);
  return false;
}

/** Resolves a host name to its addresses (injectable for tests). */
export type HostResolver = (host: string) => Promise<string[]>;

/** The system resolver: `dns.lookup`, all addresses, in the order the system gives them. */
export const dnsResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Why a host may not be reached, or the addresses it may be reached at. */
export type HostVerdict =
  | { ok: true; host: string; addresses: string[] }
  | {
      ok: false;
      host: string;
      why: 'loopback-name' | 'private-literal' | 'resolves-private';
      address: string;
    };

/**
 * The one host check every egress path shares: localhost names, private literals, and names that
 * resolve to any private address are refused. A literal is its own address. `resolve` failures reach
 * the caller (each path decides whether an unresolvable name is an error).
 */
export async function hostVerdict(
  hostname: string,
  resolve: HostResolver = dnsResolver,
): Promise<HostVerdict> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost'))
    return { ok: false, host, why: 'loopback-name', address: host };
  if (isIP(host)) {
    return isPrivateAddress(host)
      ? { ok: false, host, why: 'private-literal', address: host }
      : { ok: true, host, addresses: [host] };
  }
  const addresses = await resolve(host);
  const bad = addresses.find(isPrivateAddress);
  return bad ? { ok: false, host, why: 'resolves-private', address: bad } : { ok: true, host, addresses };
}

/** Options for {@link assertSafeUrl}. */
export interface SafeUrlOptions {
  /** Allow private and loopback addresses (local replicas). Default false. */
  allowPrivate?: boolean;
  /** DNS resolver. Default: the system resolver (`dns.lookup`, all addresses). */
  resolve?: HostResolver;
}

/** Throw {@link ForbiddenError} when `url` is not http(s) or its host is, or resolves to, a private address. */
export async function assertSafeUrl(url: string, opts: SafeUrlOptions = {}): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ForbiddenError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ForbiddenError(`only http(s) URLs may be crawled: ${parsed.protocol}`);
  if (opts.allowPrivate) return;
  const v = await hostVerdict(parsed.hostname, opts.resolve);
  if (v.ok) return;
  if (v.why === 'loopback-name') throw new ForbiddenError(`refusing to crawl loopback host ${v.host}`);
  if (v.why === 'private-literal') throw new ForbiddenError(`refusing to crawl private address ${v.host}`);
  throw new ForbiddenError(`refusing to crawl ${v.host}: it resolves to private address ${v.address}`);
}

/**
 * Refuse a source whose `baseUrl` is, or resolves to, a private or loopback address unless the source is
 * marked `replica: true`. Throws {@link ForbiddenError}.
 */
export async function assertSafeSourceUrl(
  source: Pick<SourceConfig, 'id' | 'baseUrl' | 'replica'>,
  resolve?: HostResolver,
): Promise<void> {
  try {
    await assertSafeUrl(source.baseUrl, { allowPrivate: source.replica, ...(resolve ? { resolve } : {}) });
  } catch (err) {
    if (err instanceof ForbiddenError)
      throw new ForbiddenError(
        `source ${source.id}: ${err.message}; set replica: true only for local replicas`,
      );
    throw err;
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/**
 * A `dns.lookup`-compatible function that fails for private addresses, for the HTTP client (`dnsLookup`):
 * it also covers redirects and DNS answers that change between the check and the connection.
 */
export function guardedLookup(hostname: string, options: unknown, callback?: LookupCallback): void {
  const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
  const opts = (typeof options === 'object' && options !== null ? options : {}) as {
    all?: boolean;
    family?: number;
  };
  dnsResolver(hostname)
    .then((addresses) => {
      const bad = addresses.find(isPrivateAddress);
      if (bad) {
        const err: NodeJS.ErrnoException = new Error(
          `refusing to connect to ${hostname}: private address ${bad}`,
        );
        err.code = 'EPRIVATE';
        return cb(err, '');
      }
      const list = addresses
        .map((a) => ({ address: a, family: isIP(a) }))
        .filter((a) => !opts.family || a.family === opts.family);
      if (opts.all) return cb(null, list);
      const first = list[0];
      if (!first)
        return cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      cb(null, first.address, first.family);
    })
    .catch((err: NodeJS.ErrnoException) => cb(err, ''));
}

/**
 * Whether a URL's host is private: a literal private address or localhost, or a name that resolves to
 * a private address. A name that does not resolve is not private (the request fails on its own).
 */
export async function isPrivateHost(url: URL, resolve: HostResolver = dnsResolver): Promise<boolean> {
  try {
    return !(await hostVerdict(url.hostname, resolve)).ok;
  } catch {
    return false;
  }
}

/** True when a redirect target is a literal private address or localhost (DNS names go through guardedLookup). */
export function isPrivateLiteralHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || (isIP(host) > 0 && isPrivateAddress(host));
}
