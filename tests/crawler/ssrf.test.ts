import { describe, expect, it } from 'vitest';
import { ForbiddenError, sourceSchema } from '../../core/index.ts';
import {
  assertSafeSourceUrl,
  crawlSource,
  isPrivateAddress,
  isPrivateHost,
  memoryCrawlState,
} from '../../crawler/index.ts';

const source = (baseUrl: string, replica = false) =>
  sourceSchema.parse({ id: 'x', kind: 'rss', baseUrl, replica, feeds: ['a.xml'] });
/** A resolver that never touches the network. */
const fakeDns = (answers: Record<string, string[]>) => async (host: string) =>
  answers[host] ?? ['93.184.216.34'];

describe('SSRF guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.9.9.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['8.8.8.8', false],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['2001:4860:4860::8888', false],
    ['100.64.0.1', true],
    ['100.127.255.254', true],
    ['100.128.0.1', false],
    ['198.18.0.1', true],
    ['192.0.0.8', true],
    ['224.0.0.251', true],
    ['255.255.255.255', true],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::8.8.8.8', false],
    ['ff02::1', true],
    ['not-an-ip', false],
  ])('%s private: %s', (ip, priv) => {
    expect(isPrivateAddress(ip)).toBe(priv);
  });

  it('judges a browser request by its literal host or what its name resolves to', async () => {
    const dns = fakeDns({ 'intranet.example': ['93.184.216.34', '10.0.0.7'], 'v6.example': ['fd00::1'] });
    expect(await isPrivateHost(new URL('http://intranet.example/a'), dns)).toBe(true);
    expect(await isPrivateHost(new URL('http://v6.example/'), dns)).toBe(true);
    expect(await isPrivateHost(new URL('https://weibo.example/'), dns)).toBe(false);
    expect(await isPrivateHost(new URL('http://127.0.0.1:9/'), dns)).toBe(true);
    expect(await isPrivateHost(new URL('http://[::1]/'), dns)).toBe(true);
    expect(await isPrivateHost(new URL('http://a.localhost/'), dns)).toBe(true);
    expect(await isPrivateHost(new URL('http://8.8.8.8/'), dns)).toBe(false);
    const failing = async () => {
      throw Object.assign(new Error('no such host'), { code: 'ENOTFOUND' });
    };
    expect(await isPrivateHost(new URL('http://nowhere.example/'), failing)).toBe(false);
  });

  it('refuses literal private hosts and localhost unless replica: true', async () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://10.0.0.5/',
      'http://localhost:3000/',
      'http://169.254.169.254/latest/',
    ]) {
      await expect(assertSafeSourceUrl(source(url), fakeDns({}))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(assertSafeSourceUrl(source(url, true), fakeDns({}))).resolves.toBeUndefined();
    }
  });

  it('refuses names that resolve to a private address (any of them), allows public ones', async () => {
    const dns = fakeDns({
      'intranet.example': ['93.184.216.34', '192.168.0.10'],
      'news.example': ['93.184.216.34'],
    });
    await expect(assertSafeSourceUrl(source('https://intranet.example/'), dns)).rejects.toThrow(
      /192\.168\.0\.10/,
    );
    await expect(assertSafeSourceUrl(source('https://news.example/'), dns)).resolves.toBeUndefined();
  });

  it('crawlSource refuses the run and records why, without sending a request', async () => {
    const state = memoryCrawlState();
    const res = await crawlSource({
      source: source('http://127.0.0.1:9/'),
      state,
      sink: async () => {},
      resolveHost: fakeDns({}),
    });
    expect(res).toMatchObject({ status: 'refused', pages: 0 });
    expect(state.runs[0]).toMatchObject({ ok: false, error: expect.stringMatching(/private address/) });
  });
});
