import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawler/index.ts';
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

describe('zhihu adapter (API v4 replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  beforeAll(async () => {
    rep = await startTestReplicas();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'zhihu', { queries: ['联通'] }),
      sink: got.sink,
      maxCommentPages: 10,
    });
    expect(res.status).toBe('ok');
  });
  afterAll(async () => {
    await rep.close();
  });

  it('pages through search_v3 and keeps answers and articles only', () => {
    const expected = matchingPosts(rep, 'zhihu', '联通');
    expect(expected.length).toBeGreaterThan(20);
    for (const p of expected) expect(got.byId.has(`${p.extra.zhihuType}:${p.id}`), p.id).toBe(true);
    const top = got.all.filter((m) => !m.externalId.startsWith('comment:'));
    expect(top).toHaveLength(expected.length);
  });

  it('normalizes answers and articles field by field', () => {
    const answer = matchingPosts(rep, 'zhihu', '联通').find((p) => p.extra.zhihuType === 'answer');
    expect(got.byId.get(`answer:${answer?.id}`)).toMatchObject({
      source: 'zhihu',
      url: `${rep.baseUrls.zhihu}/question/${answer?.extra.questionId}/answer/${answer?.id}`,
      author: { name: answer?.author.name },
      title: answer?.title,
      text: answer?.text,
      engagement: { likes: answer?.likes },
      threadId: `question:${answer?.extra.questionId}`,
    });
    expect(got.byId.get(`answer:${answer?.id}`)?.publishedAt.getTime()).toBe(
      toSecond(answer?.publishedAt ?? 0),
    );
    const article = matchingPosts(rep, 'zhihu', '联通').find((p) => p.extra.zhihuType === 'article');
    expect(got.byId.get(`article:${article?.id}`)).toMatchObject({
      url: `${rep.baseUrls.zhihu}/p/${article?.id}`,
      title: article?.title,
      text: article?.text,
    });
  });

  it('collects root and child comments with their "IP 属地" region', () => {
    const withComments = matchingPosts(rep, 'zhihu', '联通').filter(
      (p) => rep.runtime.store.children('zhihu', p.id, NOW).length > 0,
    );
    expect(withComments.length).toBeGreaterThan(0);
    for (const p of withComments) {
      for (const c of rep.runtime.store.children('zhihu', p.id, NOW)) {
        const m = got.byId.get(`comment:${c.id}`);
        expect(m, c.id).toMatchObject({
          text: c.text,
          region: c.author.province,
          parentExternalId: `${p.extra.zhihuType}:${p.id}`,
        });
        for (const r of rep.runtime.store.children('zhihu', c.id, NOW))
          expect(got.byId.get(`comment:${r.id}`)?.parentExternalId).toBe(`comment:${c.id}`);
      }
    }
  });

  it('treats the 404 of an item without comments as empty', async () => {
    const quiet = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'zhihu', { id: 'zhihu-404', queries: ['联通'] }),
      sink: quiet.sink,
      maxPages: 1,
    });
    expect(res.status).toBe('ok');
    expect(res.errors).toEqual([]);
  });
});
