import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../core/index.ts';
import { analyze, createAnalyzer, defaultAnalyzer } from '../../nlp/index.ts';

const complaint =
  '<p>@中国联通 你们的5G套餐太坑了！！！每个月莫名其妙多扣20元视频彩铃费，打10010客服推三阻四。</p><p>我的手机号13812345678，再不处理就向工信部投诉、找媒体曝光[怒]</p>';

describe('analyze', () => {
  it('returns the fields the mentions table stores', () => {
    const a = analyze(complaint, { followers: 20_000, reposts: 150, comments: 40, ageHours: 2 });
    expect(a.sentiment.label).toBe('neg');
    expect(a.sentiment.score).toBeLessThan(0);
    expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment.confidence).toBeGreaterThan(0);
    expect(a.sentiment.confidence).toBeLessThanOrEqual(1);
    expect(a.brands).toEqual(['中国联通']);
    expect(a.brandSentiments[0]).toMatchObject({ brand: '中国联通', label: 'neg' });
    expect(a.categories).toContain('billing');
    expect(analyze('移动给我开了视频彩铃，每月扣10块').categories).toContain('vas_spam');
    for (const c of a.categories) expect(CATEGORY_IDS).toContain(c);
    expect(a.keywords.length).toBeGreaterThan(0);
    expect(a.risk).toBeGreaterThan(60);
    expect(a.text).toContain('138****5678');
    expect(a.text).not.toContain('<p>');
    expect(a.text.split('\n')).toHaveLength(2);
    expect(a.piiHashes).toHaveLength(1);
    expect(a.tokens).toContain('视频彩铃');
    expect(a.tokens).not.toContain('13812345678');
    expect(typeof a.simhash).toBe('bigint');
    for (const e of a.explain) expect(['token', 'rule', 'emoticon', 'model']).toContain(e.kind);
    expect(a.explain.some((e) => e.text.startsWith('escalation:'))).toBe(true);
  });

  it('is deterministic and sorts explanations by how far they moved the score', () => {
    const a = analyze('电信的网速真快，客服也耐心');
    expect(analyze('电信的网速真快，客服也耐心')).toEqual(a);
    const w = a.explain.map((e) => Math.abs(e.weight));
    expect([...w].sort((x, y) => y - x)).toEqual(w);
  });

  it('reads general reviews too', () => {
    expect(analyze('房间干净，早餐丰富，服务员很热情，下次还住这家').sentiment.score).toBeGreaterThan(0);
    expect(analyze('手机用了三天就黑屏，客服不给退货，差评').sentiment.score).toBeLessThan(0);
    expect(analyze('这家酒店隔音太差，一晚上没睡好').categories).toEqual([]);
  });

  it('gives neutral questions a neu label', () => {
    expect(analyze('请问联通和电信的宽带哪个好？刚搬家，求推荐').sentiment.label).toBe('neu');
  });

  it('salts PII hashes per analyzer', () => {
    const a = createAnalyzer({ model: defaultAnalyzer().model, piiSalt: 'one-salt-0123456789' });
    const b = createAnalyzer({ model: defaultAnalyzer().model, piiSalt: 'two-salt-0123456789' });
    expect(a.analyze('电话13912345678').piiHashes).toEqual(a.analyze('号码 139 1234 5678').piiHashes);
    expect(a.analyze('电话13912345678').piiHashes).not.toEqual(b.analyze('电话13912345678').piiHashes);
  });

  it('rejects non-string text and survives empty and huge text', () => {
    expect(() => analyze(42 as unknown as string)).toThrow('text must be a string');
    expect(analyze('').brands).toEqual([]);
    expect(analyze('卡'.repeat(100_000)).text.length).toBe(20_000);
  });
});
