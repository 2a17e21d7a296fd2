import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import {
  collector,
  FAST,
  matchingPosts,
  NOW,
  replicaSource,
  startTestReplicas,
  toSecond,
} from './helpers.ts';

describe('weibo adapter (m.weibo.cn replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  const state = memoryCrawlState();
  beforeAll(async () => {
    rep = await startTestReplicas();
    const source = replicaSource(rep, 'weibo', { queries: ['联通'] });
    const res = await crawlSource({ ...FAST, source, state, sink: got.sink, maxCommentPages: 10 });
    expect(res.status).toBe('ok');
  });
  afterAll(async () => {
    await rep.close();
  });

  it('pages through every search result, including posts nested in card_group', () => {
    const expected = matchingPosts(rep, 'weibo', '联通').map((p) => p.id);
    expect(expected.length).toBeGreaterThan(20);
    for (const id of expected) expect(got.byId.has(id), id).toBe(true);
  });

  it('normalizes a post field by field', () => {
    const post = matchingPosts(rep, 'weibo', '联通').find(
      (p) => !p.extra.repostOf && !p.extra.stringCounts && p.author.followers < 10_000,
    );
    expect(post).toBeDefined();
    const m = got.byId.get(post?.id ?? '');
    expect(m).toMatchObject({
      source: 'weibo',
      externalId: post?.id,
      sourceId: 'weibo-test',
      url: `${rep.baseUrls.weibo}/detail/${post?.id}`,
      author: {
        id: String(post?.author.id),
        name: post?.author.name,
        followers: post?.author.followers,
        verified: post?.author.verified,
      },
      title: null,
      text: post?.truth.text,
      engagement: { reposts: post?.reposts, likes: post?.likes },
      parentExternalId: null,
      threadId: post?.id,
      query: '联通',
    });
    expect(m?.publishedAt.getTime()).toBe(toSecond(post?.publishedAt ?? 0));
    expect(m?.crawledAt.getTime()).toBe(NOW);
    expect((m?.raw as { id?: string } | undefined)?.id).toBe(post?.id);
  });

  it('reads the region from region_name ("发布于 广东") or status_province', () => {
    const withRegion = [...got.byId.values()].filter(
      (m) => !m.externalId.startsWith('comment:') && m.region !== null,
    );
    expect(withRegion.length).toBeGreaterThan(10);
    for (const m of withRegion) expect(m.region).toBe(rep.runtime.truth('weibo', m.externalId)?.province);
  });

  it('fetches the full text of long posts and drops the 全文 link', () => {
    const long = matchingPosts(rep, 'weibo', '联通').filter((p) => p.truth.longText);
    expect(long.length).toBeGreaterThan(0);
    for (const p of long) {
      expect(got.byId.get(p.id)?.text).toBe(p.truth.text);
      expect(got.byId.get(p.id)?.text).not.toMatch(/全文$/);
    }
  });

  it('keeps emoticons as [怒]-style text and topics as #话题#', () => {
    const withEmoticon = [...got.byId.values()].filter((m) => /\[[\u4e00-\u9fa5]{1,4}\]/.test(m.text));
    expect(withEmoticon.length).toBeGreaterThan(0);
    for (const m of withEmoticon) expect(m.text).toBe(rep.runtime.truth('weibo', m.externalId)?.text);
  });

  it('links reposts to their originals, including deleted originals (user: null)', async () => {
    const texts = ['转发微博', '太真实了', '扩散', '+1', '同样遭遇', 'mark'];
    const reposted = collector();
    const source = replicaSource(rep, 'weibo', { id: 'weibo-reposts', queries: texts });
    expect((await crawlSource({ ...FAST, source, sink: reposted.sink, comments: false })).status).toBe('ok');
    const reposts = rep.runtime.store
      .topLevel('weibo', NOW)
      .filter((p) => p.extra.repostOf && texts.includes(p.text));
    expect(reposts.length).toBeGreaterThan(0);
    for (const p of reposts) expect(reposted.byId.get(p.id)?.parentExternalId).toBe(p.extra.repostOf);
    const deleted = reposts.filter((p) => p.extra.deletedOriginal);
    expect(deleted.length).toBeGreaterThan(0);
    // A deleted original has no author or text: it is linked, not stored as a mention.
    for (const p of deleted) expect(reposted.byId.has(p.extra.repostOf ?? '')).toBe(false);
    const live = reposts.filter((p) => !p.extra.deletedOriginal);
    expect(live.length).toBeGreaterThan(0);
    for (const p of live) {
      const original = reposted.byId.get(p.extra.repostOf ?? '');
      expect(original?.text).toBe(rep.runtime.truth('weibo', p.extra.repostOf ?? '')?.text);
      expect(original?.author.name).toBe(rep.runtime.store.get('weibo', p.extra.repostOf ?? '')?.author.name);
    }
  });

  it('converts string counts ("1万+", "3.2万") to numbers', () => {
    const stringy = [...rep.runtime.store.topLevel('weibo', NOW)].filter(
      (p) => p.extra.stringCounts && p.likes >= 10_000 && got.byId.has(p.id),
    );
    expect(stringy.length).toBeGreaterThan(0);
    for (const p of stringy)
      expect(got.byId.get(p.id)?.engagement.likes).toBe(Math.floor(p.likes / 10_000) * 10_000);
    const famous = [...got.byId.values()].find((m) => (m.author.followers ?? 0) >= 10_000);
    if (famous) expect(famous.author.followers ?? 0).toBeGreaterThanOrEqual(10_000);
  });

  it('collects hotflow comments across max_id pages, with sub-replies and IP属地', () => {
    const post = matchingPosts(rep, 'weibo', '联通').find(
      (p) => rep.runtime.store.children('weibo', p.id, NOW).length > 10,
    );
    expect(post).toBeDefined();
    const roots = rep.runtime.store.children('weibo', post?.id ?? '', NOW);
    for (const c of roots) {
      const m = got.byId.get(`comment:${c.id}`);
      expect(m, c.id).toMatchObject({
        parentExternalId: post?.id,
        threadId: post?.id,
        text: c.truth.text,
        region: c.author.province,
      });
      expect(m?.publishedAt.getTime()).toBe(toSecond(c.publishedAt));
    }
    const withReplies = [...got.byId.values()].filter((m) => m.parentExternalId?.startsWith('comment:'));
    expect(withReplies.length).toBeGreaterThan(0);
    for (const r of withReplies)
      expect(rep.runtime.truth('weibo', r.externalId)?.parentId).toBe(
        r.parentExternalId?.slice('comment:'.length),
      );
  });

  it('stops at the cursor: a second run fetches one page and delivers nothing', async () => {
    const again = collector();
    const source = replicaSource(rep, 'weibo', { queries: ['联通'] });
    const res = await crawlSource({ ...FAST, source, state, sink: again.sink });
    expect(res).toMatchObject({ status: 'ok', pages: 1, items: 0 });
    expect(res.targets).toEqual([expect.objectContaining({ key: '联通', listPages: 1, complete: true })]);
    expect(again.all).toHaveLength(0);
  });

  it('after new posts appear, the next run delivers only those and stops paging', async () => {
    const later = NOW + 30 * 60_000;
    rep.runtime.postsPerMinute = 20;
    rep.runtime.setClock(later);
    rep.runtime.tick(later);
    rep.runtime.postsPerMinute = 0;
    const fresh = matchingPosts(rep, 'weibo', '联通', later).filter((p) => p.publishedAt > NOW);
    const next = collector();
    const source = replicaSource(rep, 'weibo', { queries: ['联通'] });
    const res = await crawlSource({
      ...FAST,
      source,
      state,
      sink: next.sink,
      now: new Date(later),
      comments: false,
    });
    rep.runtime.setClock(null);
    expect(res.status).toBe('ok');
    expect(fresh.length).toBeGreaterThan(0);
    expect(res.targets[0]?.listPages).toBeLessThanOrEqual(Math.ceil(fresh.length / 10) + 1);
    const posts = next.all.filter((m) => !m.externalId.startsWith('comment:'));
    for (const p of fresh) expect(next.byId.has(p.id)).toBe(true);
    for (const m of posts)
      expect(m.publishedAt.getTime() > NOW || fresh.some((p) => p.extra.repostOf === m.externalId)).toBe(
        true,
      );
  });
});
