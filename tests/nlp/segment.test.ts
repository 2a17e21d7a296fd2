import { describe, expect, it } from 'vitest';
import { isStopword, STOPWORDS } from '../../nlp/lexicon/stopwords.ts';
import { TELECOM_WORDS } from '../../nlp/lexicon/telecom-dict.ts';
import { normalize } from '../../nlp/normalize.ts';
import { addWords, cut, tokenize } from '../../nlp/segment.ts';

describe('segmentation with the telecom user dictionary', () => {
  it('keeps telecom terms whole', () => {
    const words = cut('我想携号转网，5G套餐和千兆宽带的光猫都有问题，副卡被限速降速，打10086和10010都没用');
    for (const w of ['携号转网', '千兆宽带', '光猫', '副卡', '限速', '降速', '10086', '10010'])
      expect(words).toContain(w);
    expect(cut(normalize('5G套餐').text)).toContain('5g套餐');
  });

  it('keeps product names and operator slang whole', () => {
    const words = cut('联不通移不动信不过，动感地带和全球通还有天翼都一样，定向流量就是坑，营业厅说要销户');
    for (const w of [
      '联不通',
      '移不动',
      '信不过',
      '动感地带',
      '全球通',
      '天翼',
      '定向流量',
      '营业厅',
      '销户',
    ])
      expect(words).toContain(w);
  });

  it('adds configured words', () => {
    addWords(['小沃宽带卡']);
    expect(cut('办了张小沃宽带卡')).toContain('小沃宽带卡');
  });

  it('tokenizes around special pieces with offsets into the analysis text', () => {
    const n = normalize('@中国移动 停机了[怒] http://t.cn/x');
    const toks = tokenize(n);
    expect(toks.map((t) => t.kind)).toEqual(['mention', 'word', 'word', 'emoticon', 'url']);
    for (const t of toks) expect(n.text.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });

  it('has a stopword list and a dictionary with the issue terms', () => {
    expect(STOPWORDS.size).toBeGreaterThan(200);
    expect(isStopword('的')).toBe(true);
    expect(isStopword('，')).toBe(true);
    expect(isStopword('宽带')).toBe(false);
    for (const w of ['合约机', '靓号', '欠费', '停机', '流量卡', '10000', '10099'])
      expect(TELECOM_WORDS).toContain(w);
  });
});
