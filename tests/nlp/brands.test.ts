import { describe, expect, it } from 'vitest';
import { DEFAULT_BRANDS } from '../../core/index.ts';
import { analyze, createAnalyzer } from '../../nlp/analyzer.ts';
import { BrandMatcher } from '../../nlp/brands.ts';
import { normalize } from '../../nlp/normalize.ts';

const matcher = new BrandMatcher(DEFAULT_BRANDS);
const brandsOf = (t: string): string[] => [...new Set(matcher.find(normalize(t).text).map((m) => m.brand))];

describe('brand detection and disambiguation', () => {
  it('finds aliases, products and hotlines', () => {
    expect(brandsOf('联不通又断网了')).toEqual(['中国联通']);
    expect(brandsOf('动感地带的套餐')).toEqual(['中国移动']);
    expect(brandsOf('天翼云盘不错')).toEqual(['中国电信']);
    expect(brandsOf('打了10086三次')).toEqual(['中国移动']);
    expect(brandsOf('10099客服')).toEqual(['中国广电']);
    expect(brandsOf('中國聯通的寬帶')).toEqual(['中国联通']);
  });

  it('does not take 电信诈骗, 移动支付, 移动互联网 or 互联互通 for operators', () => {
    expect(brandsOf('警惕电信诈骗，不要把验证码告诉别人')).toEqual([]);
    expect(brandsOf('移动支付让生活更方便')).toEqual([]);
    expect(brandsOf('移动互联网时代的营销')).toEqual([]);
    expect(brandsOf('推动互联互通')).toEqual([]);
    expect(brandsOf('电信诈骗猖獗，中国电信也该管管')).toEqual(['中国电信']);
  });

  it('does not read hotline digits inside longer numbers', () => {
    expect(brandsOf('订单号 2010010123')).toEqual([]);
    expect(brandsOf('拨打10010')).toEqual(['中国联通']);
  });

  it('needs a telecom context for the one-character alias 沃', () => {
    expect(brandsOf('去沃尔玛买东西')).toEqual([]);
    expect(brandsOf('沃的宽带套餐又涨价了')).toEqual(['中国联通']);
  });

  it('uses configured brands', () => {
    const a = createAnalyzer({
      brands: [
        {
          name: '示例通信',
          own: true,
          aliases: ['示例'],
          products: ['示例卡'],
          hotlines: ['10123'],
          exclude: ['示例代码'],
        },
      ],
    });
    expect(a.analyze('示例卡信号很差，打10123没人接').brands).toEqual(['示例通信']);
    expect(a.analyze('这段示例代码').brands).toEqual([]);
  });
});

describe('per-brand sentiment', () => {
  const of = (text: string) =>
    Object.fromEntries(analyze(text).brandSentiments.map((b) => [b.brand, b.label]));

  it('从A转到B: A negative, B positive', () => {
    expect(of('从联通转到移动，信号好多了')).toEqual({ 中国联通: 'neg', 中国移动: 'pos' });
    expect(of('把电信的号携号转网到联通了，资费便宜一半')).toEqual({ 中国电信: 'neg', 中国联通: 'pos' });
  });

  it('A比B好 / A不如B / 还是B好', () => {
    expect(of('电信的信号比移动好太多')).toEqual({ 中国电信: 'pos', 中国移动: 'neg' });
    expect(of('联通的网速不如电信')).toEqual({ 中国联通: 'neg', 中国电信: 'pos' });
    expect(of('用了一圈，还是移动靠谱，联通太坑了')).toEqual({ 中国移动: 'pos', 中国联通: 'neg' });
  });

  it('scores each brand on its own clauses', () => {
    const r = of('移动的客服态度很好，解决问题也快。联通的宽带天天断网，投诉也没用');
    expect(r).toEqual({ 中国移动: 'pos', 中国联通: 'neg' });
  });

  it('gives a single brand the text sentiment', () => {
    const a = analyze('联通宽带又断了，垃圾');
    expect(a.brandSentiments).toEqual([
      { brand: '中国联通', label: a.sentiment.label, score: a.sentiment.score },
    ]);
  });
});
