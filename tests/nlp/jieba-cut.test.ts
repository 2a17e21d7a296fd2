import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { readTelecomRows } from '../../nlp/data.ts';
import { JiebaCutter } from '../../nlp/jieba-cut.ts';
import { loadHmmModel } from '../../nlp/jieba-hmm.ts';
import { loadDictText, WordTrie } from '../../nlp/jieba-trie.ts';
import { userDictText } from '../../nlp/lexicon/telecom-dict.ts';

/** A cutter over a small dictionary, for exact expectations. */
function small(words: string): JiebaCutter {
  const trie = new WordTrie();
  loadDictText(trie, words);
  return new JiebaCutter(trie, loadHmmModel());
}

describe('our jieba port', () => {
  it('picks the most probable route through the dictionary DAG', () => {
    const c = small('网球 50\n网球拍 10\n拍卖 30\n拍卖会 40\n球拍 20\n会 5');
    expect(c.cut('网球拍卖会')).toEqual(['网球', '拍卖会']);
  });

  it('re-cuts runs of unknown single characters with the HMM', () => {
    const c = small('来到 100\n网易 100\n大厦 100\n他 100\n了 100');
    expect(c.cut('他来到了网易杭研大厦')).toEqual(['他', '来到', '了', '网易', '杭研', '大厦']);
  });

  it('keeps a run of single characters that is itself a word as single characters', () => {
    // 太太 is a word, but 太/太太 on the route: the run 太 stays single (jieba's rule).
    const c = small('太 10\n太太 1\n好吃 100');
    expect(c.cut('太好吃').join('|')).toBe('太|好吃');
  });

  it('splits non-Han text around words, numbers and whitespace, as @node-rs/jieba does', () => {
    const words = '套餐 100\n每月 50\n元 10';
    const c = small(words);
    const reference = Jieba.withDict(Buffer.from(words));
    const text = '5G套餐 每月 3.5元\r\n好！！？ abc-12%';
    expect(c.cut(text)).toEqual([
      '5G',
      '套餐',
      ' ',
      '每月',
      ' ',
      '3.5',
      '元',
      '\r\n',
      '好',
      '！',
      '！',
      '？',
      ' ',
      'abc-12%',
    ]);
    expect(c.cut(text)).toEqual(reference.cut(text, true));
  });

  it('never splits a surrogate pair', () => {
    const c = small('中国 100');
    const text = '𠀀𠀁中国😀x';
    const words = c.cut(text);
    expect(words.join('')).toBe(text);
    for (const w of words)
      expect(w).toBe(String.fromCodePoint(...[...w].map((ch) => ch.codePointAt(0) ?? 0)));
    expect(words).toContain('中国');
    expect(words).toContain('😀');
  });

  it('lets added words change the cut', () => {
    const trie = new WordTrie();
    loadDictText(trie, '小沃 10\n卡 10');
    const c = new JiebaCutter(trie, loadHmmModel());
    expect(c.cut('小沃卡')).toEqual(['小沃', '卡']);
    trie.add('小沃卡', 1000);
    expect(c.cut('小沃卡')).toEqual(['小沃卡']);
    expect(trie.has('小沃卡')).toBe(true);
    expect(trie.has('沃卡')).toBe(false);
  });

  it('rejects a dictionary line with a bad frequency', () => {
    expect(() => loadDictText(new WordTrie(), '词 -3')).toThrow(/bad dictionary frequency/);
  });

  it('cuts our telecom corpus as @node-rs/jieba does', () => {
    const trie = new WordTrie();
    loadDictText(trie, new TextDecoder().decode(dict));
    loadDictText(trie, userDictText());
    const ours = new JiebaCutter(trie, loadHmmModel());
    const reference = Jieba.withDict(dict);
    reference.loadDict(Buffer.from(userDictText()));
    const texts = readTelecomRows().flatMap((r) => [r.text, r.text.toLowerCase()]);
    const differ = texts.filter((t) => ours.cut(t).join('|') !== reference.cut(t, true).join('|'));
    expect(texts.length).toBeGreaterThan(5000);
    // Float rounding can break an exact tie between two routes the other way; nothing else differs.
    expect(differ.length / texts.length).toBeLessThan(0.001);
  });
});
