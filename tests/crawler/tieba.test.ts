import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import type { ContentItem } from '../../crawler/replicas/types.ts';
import { parseBoardPage } from '../../crawler/sites/tieba/parse.ts';
import { collector, FAST, NOW, replicaSource, startTestReplicas, toMinute } from './helpers.ts';

/** Tieba renders emoticons as images without alt text, so they do not survive as text. */
const withoutEmoticons = (text: string) => text.replace(/\[[^[\]\s]{1,6}\]/g, '');

describe('tieba adapter (classic HTML replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  const state = memoryCrawlState();
  let hits: ContentItem[] = [];
  beforeAll(async () => {
    rep = await startTestReplicas();
    const source = replicaSource(rep, 'tieba', { queries: ['联通'], boards: ['中国移动'] });
    const res = await crawlSource({ ...FAST, source, state, sink: got.sink, maxCommentPages: 5 });
    expect(res.status).toBe('ok');
    const threads = rep.runtime.store.topLevel('tieba', NOW);
    hits = threads.filter((t) => `${t.title}\n${t.text}`.includes('联通'));
  });
  afterAll(async () => {
    await rep.close();
  });

  it('crawls every searched thread with its floors and 楼中楼 replies', () => {
    expect(hits.length).toBeGreaterThan(3);
    for (const t of hits) {
      expect(got.byId.has(`thread:${t.id}`), t.id).toBe(true);
      for (const floor of rep.runtime.store.children('tieba', t.id, NOW)) {
        expect(got.byId.has(`post:${floor.id}`), floor.id).toBe(true);
        for (const r of rep.runtime.store.children('tieba', floor.id, NOW))
          expect(got.byId.get(`reply:${r.id}`)?.parentExternalId).toBe(`post:${floor.id}`);
      }
    }
  });

  it('normalizes the thread (floor 1) and a floor field by field, with IP属地 and minute dates', () => {
    const t = hits[0];
    const m = got.byId.get(`thread:${t?.id}`);
    expect(m).toMatchObject({
      source: 'tieba',
      url: `${rep.baseUrls.tieba}/p/${t?.id}`,
      title: t?.title,
      text: withoutEmoticons(t?.text ?? ''),
      region: t?.author.province,
      parentExternalId: null,
      threadId: t?.id,
      author: { id: String(t?.author.id) },
    });
    expect(m?.title).not.toMatch(/^【/);
    expect(m?.publishedAt.getTime()).toBe(toMinute(t?.publishedAt ?? 0));
    const floor = rep.runtime.store.children('tieba', t?.id ?? '', NOW)[0];
    if (floor) {
      expect(got.byId.get(`post:${floor.id}`)).toMatchObject({
        text: withoutEmoticons(floor.text),
        region: floor.author.province,
        parentExternalId: `thread:${t?.id}`,
        threadId: t?.id,
      });
    }
  });

  it('parses unpadded 楼中楼 dates ("2024-8-6 22:11")', () => {
    const replies = got.all.filter((m) => m.externalId.startsWith('reply:'));
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies)
      expect(r.publishedAt.getTime()).toBe(
        toMinute(rep.runtime.truth('tieba', r.externalId)?.publishedAt ?? 0),
      );
  });

  it('reads a forum board (thread list inside HTML comments) and every thread on it', () => {
    const board = rep.runtime.store.topLevel('tieba', NOW).filter((t) => t.board === '中国移动');
    expect(board.length).toBeGreaterThan(0);
    for (const t of board) expect(got.byId.has(`thread:${t.id}`), t.id).toBe(true);
  });

  it('parses list dates "7-6", "2020-05" and "02:38" against now', () => {
    const html = (d: string) =>
      `<code class="pagelet_html"><!--<ul id="thread_list"><li class="j_thread_list" data-tid="1" data-field="{}"><span class="threadlist_reply_date">${d}</span></li></ul>--></code>`;
    const now = new Date(NOW);
    expect(parseBoardPage(html('7-6'), 'http://x/', now).threads[0]?.at?.toISOString()).toBe(
      '2024-07-05T16:00:00.000Z',
    );
    expect(parseBoardPage(html('2020-05'), 'http://x/', now).threads[0]?.at?.toISOString()).toBe(
      '2020-04-30T16:00:00.000Z',
    );
    expect(parseBoardPage(html('02:38'), 'http://x/', now).threads[0]?.at?.toISOString()).toBe(
      '2024-11-18T18:38:00.000Z',
    );
  });

  it('stops at the cursor on the next run', async () => {
    const again = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'tieba', { queries: ['联通'], boards: ['中国移动'] }),
      state,
      sink: again.sink,
    });
    expect(res.status).toBe('ok');
    expect(again.all).toHaveLength(0);
    expect(res.targets.map((t) => t.listPages)).toEqual([1, 1]);
  });
});
