import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, type FetchedPage, type HandlerCall } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { zhihuAdapter } from '../../crawler/sites/zhihu/adapter.ts';
import { collector, FAST, matchingPosts, NOW, replicaSource, startTestReplicas } from './helpers.ts';

const CST = 8 * 3_600_000;
const day = (ms: number) => Math.floor((ms + CST) / 86_400_000);

/** The instant the legacy form shown for `at` stands for (its own resolution), as the site prints it. */
function shown(at: number): number {
  const age = NOW - at;
  if (age < 60_000) return NOW; // 刚刚
  if (age < 3_600_000) return NOW - Math.floor(age / 60_000) * 60_000; // N分钟前
  if (day(NOW) === day(at)) return NOW - Math.floor(age / 3_600_000) * 3_600_000; // N小时前
  if (day(NOW) - day(at) === 1) return Math.floor(at / 60_000) * 60_000; // 昨天 HH:MM
  return day(at) * 86_400_000 - CST; // MM-DD / YYYY-MM-DD: midnight, China time
}

describe('weibo legacy relative dates (刚刚, 5分钟前, 昨天 08:00, 11-20)', () => {
  let rep: RunningReplicas;
  beforeAll(async () => {
    rep = await startTestReplicas({ weiboLegacyDates: true });
  });
  afterAll(async () => {
    await rep.close();
  });

  it('resolves every created_at against the injected now, in China time', async () => {
    const got = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'weibo', { queries: ['联通'] }),
      sink: got.sink,
      comments: false,
    });
    expect(res.status).toBe('ok');
    const posts = matchingPosts(rep, 'weibo', '联通');
    expect(posts.some((p) => NOW - p.publishedAt < 3_600_000)).toBe(true);
    expect(posts.some((p) => NOW - p.publishedAt > 3 * 86_400_000)).toBe(true);
    for (const p of posts) {
      const m = got.byId.get(p.id);
      expect(m?.publishedAt.getTime(), p.id).toBe(shown(p.publishedAt));
    }
  });
});

describe('zhihu comments 404', () => {
  it('is an empty page, not an error', async () => {
    const emitted: unknown[] = [];
    const page: FetchedPage = {
      url: 'http://z/api/v4/comment_v5/answers/1/root_comment',
      loadedUrl: 'http://z/api/v4/comment_v5/answers/1/root_comment',
      status: 404,
      contentType: 'application/json',
      text: '{"error":{"code":404,"message":"评论不存在或已被删除"}}',
      charset: 'utf-8',
      truncated: false,
    };
    const call = {
      userData: {
        kind: 'root',
        type: 'answer',
        id: '1',
        parent: 'answer:1',
        thread: 'answer:1',
        offset: '',
        page: 1,
      },
      emit: async (m: unknown[]) => void emitted.push(...m),
      enqueue: async () => {},
    } as unknown as HandlerCall;
    expect(zhihuAdapter.detectBlock(page)).toBeNull();
    await expect(zhihuAdapter.handlers.ZHIHU_COMMENTS?.(page, call)).resolves.toBeUndefined();
    expect(emitted).toEqual([]);
  });
});

describe('proxies', () => {
  let rep: RunningReplicas;
  let proxy: Server;
  const seen: string[] = [];
  beforeAll(async () => {
    rep = await startTestReplicas();
    // A minimal forward proxy on loopback: absolute-form requests are replayed to the target.
    proxy = createServer((req, res) => {
      seen.push(req.url ?? '');
      const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
    await rep.close();
  });

  it('sends requests through the configured proxyUrls', async () => {
    const port = (proxy.address() as AddressInfo).port;
    const got = collector();
    const source = replicaSource(rep, 'appstore', {
      appIds: ['900100001'],
      proxyUrls: [`http://127.0.0.1:${port}`],
    });
    const res = await crawlSource({ ...FAST, source, sink: got.sink });
    expect(res.status).toBe('ok');
    expect(got.all.length).toBeGreaterThan(0);
    expect(seen.some((u) => u.includes('/appstore/cn/rss/customerreviews/'))).toBe(true);
  });
});
