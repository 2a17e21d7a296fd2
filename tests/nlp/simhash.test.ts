import { describe, expect, it } from 'vitest';
import { groupNearDuplicates, hammingDistance, simhash } from '../../nlp/simhash.ts';

const post = '联通宽带晚上八点以后就卡得不行，测速不到20M，打10010报修三次都没人上门，这就是所谓的千兆宽带？';

describe('SimHash', () => {
  it('is a signed 64-bit bigint and deterministic', () => {
    const h = simhash(post);
    expect(typeof h).toBe('bigint');
    expect(h).toBe(BigInt.asIntN(64, h));
    expect(simhash(post)).toBe(h);
  });

  it('puts reposts and light edits close, different texts far', () => {
    const repost = `${post} //@某网友:同样遭遇！`;
    const edited = post.replace('三次', '四次').replace('20M', '30M');
    const other = '今天去营业厅办了一张大王卡，工作人员态度很好，流量也够用，推荐给大家。';
    expect(hammingDistance(simhash(post), simhash(edited))).toBeLessThanOrEqual(10);
    expect(hammingDistance(simhash(post), simhash(repost))).toBeLessThanOrEqual(12);
    expect(hammingDistance(simhash(post), simhash(other))).toBeGreaterThan(18);
    expect(hammingDistance(simhash(post), simhash(`${post}！！！`))).toBe(0);
  });

  it('counts votes correctly on long texts', () => {
    // One repeated shingle: every bit of its hash wins the vote, whatever the length.
    const long = simhash('啊'.repeat(2000));
    expect(long).not.toBe(0n);
    expect(long).toBe(simhash('啊'.repeat(300)));
    expect(hammingDistance(simhash(post.repeat(20)), simhash(post.repeat(3)))).toBeLessThanOrEqual(3);
  });

  it('computes Hamming distance on signed values', () => {
    expect(hammingDistance(-1n, 0n)).toBe(64);
    expect(hammingDistance(1n, 3n)).toBe(1);
    expect(hammingDistance(-9223372036854775808n, 0n)).toBe(1);
  });

  it('groups near-duplicates transitively and keeps strangers apart', () => {
    const a = 0x0f0f0f0f0f0f0f0fn;
    const hashes = [a, a ^ 1n, a ^ 3n, ~a, a, BigInt.asIntN(64, ~a ^ 4n)];
    expect(groupNearDuplicates(hashes, 3)).toEqual([0, 0, 0, 3, 0, 3]);
  });
});
