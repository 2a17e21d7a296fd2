import { describe, expect, it } from 'vitest';
import { idCardChecksumOk, luhnOk, maskPii } from '../../nlp/pii.ts';

describe('PII masking', () => {
  it('masks mainland mobile numbers, with or without +86 and separators', () => {
    const r = maskPii('我的号码13812345678，备用 +86 139-1234-5678，座机010-12345678', 'salt');
    expect(r.text).toBe('我的号码138****5678，备用 139****5678，座机010-12345678');
    expect(r.found.map((f) => f.kind)).toEqual(['phone', 'phone']);
    expect(r.blanked).not.toMatch(/138|139-1234/);
    expect(r.blanked).toContain('010-12345678');
  });

  it('masks 18-digit ID card numbers by format and checks the checksum', () => {
    expect(idCardChecksumOk('11010519491231002X')).toBe(true);
    expect(idCardChecksumOk('110105194912310021')).toBe(false);
    const r = maskPii('身份证11010519491231002x请核实', 's');
    expect(r.text).toBe('身份证110105********002X请核实');
    expect(r.found[0]?.kind).toBe('id_card');
    expect(maskPii('订单号123456789012345678', 's').found).toHaveLength(0);
  });

  it('masks bank card numbers that pass the Luhn check', () => {
    expect(luhnOk('6222020200112345670')).toBe(false);
    expect(luhnOk('4111111111111111')).toBe(true);
    const r = maskPii('扣款卡号 4111 1111 1111 1111，另一个 1234567890123456', 's');
    expect(r.text).toBe('扣款卡号 4111********1111，另一个 1234567890123456');
  });

  it('masks e-mail addresses but not Weibo mentions', () => {
    const r = maskPii('请回复到 zhang.san@qq.com //@客服小王:收到', 's');
    expect(r.text).toBe('请回复到 z***@qq.com //@客服小王:收到');
  });

  it('is not confused by private-use characters in the input', () => {
    expect(maskPii('\uE0000\uE001 13812345678', 's').text).toBe('0 138****5678');
  });

  it('keeps a salted sha256 of each value for dedup', () => {
    const a = maskPii('13812345678', 'salt-a').found[0]?.hash;
    const a2 = maskPii('电话 138 1234 5678', 'salt-a').found[0]?.hash;
    const b = maskPii('13812345678', 'salt-b').found[0]?.hash;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a2).toBe(a);
    expect(b).not.toBe(a);
  });
});
