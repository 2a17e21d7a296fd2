import { describe, expect, it } from 'vitest';
import { analyze, defaultAnalyzer } from '../../nlp/analyzer.ts';
import { countDf, idfFromCounts, parseIdf, formatIdf, textRank, tfidfKeywords } from '../../nlp/keywords.ts';
import { normalize } from '../../nlp/normalize.ts';
import { tokenize } from '../../nlp/segment.ts';

const toks = (t: string) => tokenize(normalize(t));

describe('keywords', () => {
  it('ranks rare content words above common ones with the committed IDF table', () => {
    const { idf } = defaultAnalyzer().model;
    expect(idf.idf.size).toBeGreaterThan(10_000);
    expect(idf.idf.get('光猫') ?? 0).toBeGreaterThan(idf.idf.get('手机') ?? 99);
    const k = analyze('联通的光猫又坏了，今天打客服报修，光猫已经换过两次了').keywords;
    expect(k[0]).toBe('光猫');
    expect(k).not.toContain('的');
    expect(k).not.toContain('了');
  });

  it('builds, writes and reads an IDF table', () => {
    const df = new Map<string, number>();
    for (const t of ['宽带断网', '宽带提速', '宽带限速', '话费太贵']) countDf(df, toks(t));
    const table = idfFromCounts(df, 4, 1);
    expect(table.idf.get('宽带')).toBeLessThan(table.idf.get('话费') ?? 0);
    expect(parseIdf(formatIdf(table))).toEqual(table);
    expect(tfidfKeywords(toks('宽带和话费，话费'), table, 1)).toEqual(['话费']);
  });

  it('runs TextRank over a topic', () => {
    const docs = ['宽带断网三天了，报修没人管', '宽带又断网，客服说等通知', '联通宽带断网，投诉到工信部'].map(
      toks,
    );
    const top = textRank(docs, { k: 3 }).map(([w]) => w);
    expect(top).toContain('宽带');
    expect(top).toContain('断网');
  });
});
