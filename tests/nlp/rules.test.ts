import { describe, expect, it } from 'vitest';
import { analyze } from '../../nlp/analyzer.ts';
import { splitClauses } from '../../nlp/clauses.ts';
import { normalize } from '../../nlp/normalize.ts';
import { applyRules } from '../../nlp/rules.ts';
import { tokenize } from '../../nlp/segment.ts';

function rules(text: string) {
  const n = normalize(text);
  const tokens = tokenize(n);
  const clauses = splitClauses(tokens);
  return { tokens, clauses, rules: applyRules(n, tokens, clauses) };
}

const ruleTexts = (text: string): string[] =>
  analyze(text)
    .explain.filter((e) => e.kind === 'rule')
    .map((e) => e.text);

describe('negation', () => {
  it('flips a praised word and marks the scope', () => {
    expect(rules('信号好').rules.lex).toBeGreaterThan(0);
    const r = rules('客服并不专业');
    expect(r.rules.lex).toBeLessThan(0);
    expect(r.rules.hits[0]?.negated).toBe(true);
    expect(rules('网速不稳定，没有改善').rules.lex).toBeLessThan(0);
  });

  it('softens "不是很好" and "不太满意" compared with "很不好"', () => {
    const soft = rules('服务不是很好').rules.lex;
    const hard = rules('服务很不好').rules.lex;
    expect(soft).toBeLessThan(0);
    expect(hard).toBeLessThan(soft);
    expect(rules('不太满意').rules.lex).toBeLessThan(0);
  });

  it('reads negated complaints as mild praise and scores negated praise negative', () => {
    expect(rules('资费不贵').rules.lex).toBeGreaterThan(0);
    expect(analyze('联通客服并不专业，也不耐心').sentiment.score).toBeLessThan(0);
    expect(analyze('这次移动的宽带师傅没让我失望').sentiment.score).toBeGreaterThan(0);
  });
});

describe('degree adverbs', () => {
  it('scale the lexicon score', () => {
    const very = rules('网速太慢').rules.lex;
    const bit = rules('网速有点慢').rules.lex;
    expect(very).toBeLessThan(bit);
    expect(bit).toBeLessThan(0);
  });
});

describe('contrast', () => {
  it('weights the clause after 但是/不过/可是 up and the one before down', () => {
    const { clauses } = rules('套餐很便宜，但是信号太差了');
    expect(clauses.map((c) => c.weight)).toEqual([0.5, 1.5]);
    expect(analyze('套餐很便宜，但是信号太差了').sentiment.score).toBeLessThan(0);
    expect(analyze('虽然贵了点，不过电信的网速确实快，很稳定').sentiment.score).toBeGreaterThan(0);
    expect(ruleTexts('价格还行，可是客服态度太差')).toContain('contrast:可是');
  });
});

describe('sarcasm and rhetorical questions', () => {
  it('reads 呵呵, 真是服了 and 好一个 as negative', () => {
    for (const t of [
      '好一个千兆宽带，晚上测速不到50M',
      '联通的服务真好呵呵',
      '又扣了我二十块，真是服了',
      '这网速真是感人',
    ]) {
      expect(analyze(t).sentiment.score, t).toBeLessThan(0);
      expect(
        ruleTexts(t).some((r) => r.startsWith('sarcasm:')),
        t,
      ).toBe(true);
    }
  });

  it('reads rhetorical questions as negative', () => {
    const t = '凭什么不经同意就给我开通业务？难道用户就活该被坑吗';
    expect(analyze(t).sentiment.score).toBeLessThan(0);
    expect(ruleTexts(t).some((r) => r.startsWith('rhetorical:'))).toBe(true);
  });
});

describe('politely phrased complaints', () => {
  it('are negative even with 谢谢 and 麻烦', () => {
    for (const t of [
      '麻烦尽快处理一下我家的宽带故障，谢谢',
      '您好，请给个说法，为什么每个月多扣10元',
      '希望贵公司尽快核实并退还多收的费用',
    ]) {
      expect(analyze(t).sentiment.score, t).toBeLessThan(0);
      expect(
        ruleTexts(t).some((r) => r.startsWith('polite-complaint:')),
        t,
      ).toBe(true);
    }
  });
});

describe('emoticons and emoji', () => {
  it('move the score and are explained as emoticons', () => {
    expect(analyze('又停机了[怒][怒]').sentiment.score).toBeLessThan(0);
    expect(analyze('今天好开心[哈哈]').sentiment.score).toBeGreaterThan(0);
    expect(
      analyze('今天好开心[哈哈]').explain.some((e) => e.kind === 'emoticon' && e.text === '[哈哈]'),
    ).toBe(true);
    expect(analyze('宽带修好了👍👍').sentiment.score).toBeGreaterThan(0);
  });
});
