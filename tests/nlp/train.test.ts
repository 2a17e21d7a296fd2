import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer, loadModel, train } from '../../nlp/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'koubei-nlp-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = [
  ['t1', '联通宽带天天断网，客服推三阻四', 'neg', ['broadband', 'service']],
  ['t2', '移动乱扣费，视频彩铃从来没订过', 'neg', ['billing', 'vas_spam']],
  ['t3', '电信的千兆宽带很稳定，装维师傅很专业', 'pos', ['broadband']],
  ['t4', '携号转网被拒，说有合约', 'neg', ['porting']],
  ['t5', '5G信号覆盖越来越好了，网速很快', 'pos', ['five_g', 'network']],
  ['t6', '请问副卡怎么办理', 'neu', ['sim_device']],
] as const;

function corpus(): string {
  const lines = Array.from({ length: 20 }, (_, k) =>
    rows.map(([id, text, sentiment, categories]) =>
      JSON.stringify({ id: `${id}-${k}`, source: 'test', text, sentiment, brands: [], categories, tags: [] }),
    ),
  ).flat();
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n{"id":"partial","te`);
  return dir;
}

describe('train', () => {
  const small = {
    polarity: { bits: 14 },
    neutral: { bits: 12 },
    categories: { bits: 12 },
    sharedDir: join(dir, 'no-shared'),
    evaluate: false,
  } as const;

  it('is deterministic, skips missing shared data and writes a loadable model', async () => {
    const telecomDir = corpus();
    const a = await train({ ...small, telecomDir, outDir: join(dir, 'model') });
    const b = await train({ ...small, telecomDir });
    expect(Array.from(a.model.sentiment.polarity.weights)).toEqual(
      Array.from(b.model.sentiment.polarity.weights),
    );
    expect(a.model.meta.rows.telecom).toBeGreaterThan(0);
    const loaded = loadModel(join(dir, 'model'));
    const analyzer = createAnalyzer({ model: loaded });
    expect(analyzer.analyze('联通宽带天天断网').sentiment.score).toBeLessThan(0);
    expect(analyzer.analyze('联通宽带天天断网').categories).toContain('broadband');
  });

  it('learns from analyst corrections given as extra rows', async () => {
    const telecomDir = corpus();
    const text = '这个靓号套餐真是绝了';
    const extraRows = Array.from({ length: 30 }, () => ({
      text,
      label: 'neg' as const,
      categories: ['sim_device' as const],
    }));
    const before = await train({ ...small, telecomDir });
    const after = await train({ ...small, telecomDir, extraRows });
    const score = (m: typeof before) => createAnalyzer({ model: m.model }).analyze(text).sentiment.score;
    expect(score(after)).toBeLessThan(score(before));
    expect(score(after)).toBeLessThan(0);
    expect(after.model.meta.rows.extra).toBe(30);
  });
});
