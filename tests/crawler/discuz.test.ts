import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { collector, FAST, NOW, replicaSource, startTestReplicas } from './helpers.ts';

describe('discuz adapter (GBK Discuz! X replica)', () => {
  let rep: RunningReplicas;
  let host = '';
  const got = collector();
  beforeAll(async () => {
    rep = await startTestReplicas({ discuzFloodSeconds: 15 });
    host = new URL(rep.baseUrls.discuz).host;
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'discuz', { queries: ['宽带'], boards: ['12'] }),
      sink: got.sink,
    });
    expect(res.status).toBe('ok');
  });
  afterAll(async () => {
    await rep.close();
  });

  it('decodes GBK pages: every thread of the board and its posts, text identical to the source', () => {
    const threads = rep.runtime.store.topLevel('discuz', NOW).filter((t) => t.board === '12');
    expect(threads.length).toBeGreaterThan(3);
    for (const t of threads) {
      const m = got.byId.get(`${host}:thread:${t.id}`);
      expect(m, t.id).toMatchObject({
        source: 'discuz',
        title: t.title,
        text: t.text,
        threadId: t.id,
        parentExternalId: null,
        author: { id: String(t.author.id), name: t.author.name },
      });
      for (const r of rep.runtime.store.children('discuz', t.id, NOW))
        expect(got.byId.get(`${host}:post:${r.id}`)?.text, r.id).toBe(r.text);
    }
  });

  it('follows the search redirect to searchid results (keyword sent in GBK)', () => {
    const titled = rep.runtime.store.topLevel('discuz', NOW).filter((t) => t.title.includes('宽带'));
    expect(titled.length).toBeGreaterThan(0);
    for (const t of titled) expect(got.byId.has(`${host}:thread:${t.id}`), t.id).toBe(true);
  });

  it('uses the absolute span[title] time of relative dgmdate dates', () => {
    for (const m of got.all) {
      const truth = rep.runtime.truth('discuz', m.externalId);
      expect(Math.abs((truth?.publishedAt ?? 0) - m.publishedAt.getTime()), m.externalId).toBeLessThan(
        60_000,
      );
    }
  });

  it('removes quoted blocks from the text and links the quoted post as the parent', () => {
    const quoting = rep.runtime.store
      .topLevel('discuz', NOW)
      .flatMap((t) => rep.runtime.store.children('discuz', t.id, NOW))
      .filter((r) => r.extra.quoteOf && got.byId.has(`${host}:post:${r.id}`));
    expect(quoting.length).toBeGreaterThan(0);
    for (const r of quoting) {
      const m = got.byId.get(`${host}:post:${r.id}`);
      const quoted = rep.runtime.store.get('discuz', r.extra.quoteOf ?? '');
      expect(m?.text).toBe(r.text);
      expect(m?.parentExternalId).toBe(
        quoted?.kind === 'post' ? `${host}:thread:${quoted.id}` : `${host}:post:${quoted?.id}`,
      );
    }
  });

  it('reports the search flood page as a block with the site-given wait, and keeps the cursor', async () => {
    const state = memoryCrawlState();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'discuz', { id: 'discuz-flood', queries: ['移动'] }),
      state,
      sink: collector().sink,
    });
    expect(res).toMatchObject({ status: 'blocked', blockSignal: 'flood' });
    expect(res.blockedUntil?.getTime()).toBe(NOW + 16_000);
    expect(state.cursors.size).toBe(0);
  });
});
