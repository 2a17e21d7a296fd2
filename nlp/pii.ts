import { createHash } from 'node:crypto';
import type { PiiFound } from './types.ts';

/**
 * PII masking for display: mainland mobile numbers (138****5678), 18-digit ID card numbers
 * (format-checked: region, birth date, checksum character; the ISO 7064 checksum is reported),
 * bank card numbers (16–19 digits passing the Luhn check, optionally grouped by 4) and e-mail
 * addresses. Each value found is also returned as sha256(salt:kind:value) for dedup.
 */

/** Result of {@link maskPii}. */
export interface MaskResult {
  /** The text with each value masked (display form). */
  text: string;
  /** The text with each value replaced by a space (analysis form: no PII reaches tokens or features). */
  blanked: string;
  found: PiiFound[];
}

const ID_CARD =
  /(?<![0-9A-Za-z])([1-9]\d{5})((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\d{3})([0-9Xx])(?![0-9A-Za-z])/g;
const BANK_CARD = /(?<![\d*])([3-6]\d{3})[ -]?(\d{4})[ -]?(\d{4})[ -]?(\d{4})(?:[ -]?(\d{1,3}))?(?![\d*])/g;
const PHONE = /(?<![\d*])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\d*])/g;
const EMAIL = /(?<![\w.%+-])([A-Za-z0-9][\w.%+-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 checksum of an 18-character ID card number. */
export function idCardChecksumOk(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === id[17]?.toUpperCase();
}

/** True when `s` has `n` digits in a row, ignoring spaces and hyphens between them (cheap pre-check). */
function hasDigitRun(s: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= n) return true;
    } else if (c !== 32 && c !== 45) run = 0;
  }
  return false;
}

/** The Luhn check used by bank card numbers. */
export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function hashValue(salt: string, kind: PiiFound['kind'], value: string): string {
  return createHash('sha256').update(`${salt}:${kind}:${value}`).digest('hex');
}

/** Mask PII in `text`; `salt` keys the hashes (pass the configured KOUBEI_PII_SALT). */
export function maskPii(text: string, salt: string): MaskResult {
  const found: PiiFound[] = [];
  const add = (kind: PiiFound['kind'], value: string, masked: string): string => {
    found.push({ kind, masked, hash: hashValue(salt, kind, value) });
    return `\uE000${found.length - 1}\uE001`;
  };
  // The masks are placed through private-use markers; drop any such characters from the input first.
  let out = /[\uE000\uE001]/.test(text) ? text.replace(/[\uE000\uE001]/g, '') : text;
  if (hasDigitRun(out, 11)) {
    out = out.replace(ID_CARD, (m) =>
      add('id_card', m.toUpperCase(), `${m.slice(0, 6)}********${m.slice(14).toUpperCase()}`),
    );
    out = out.replace(BANK_CARD, (m) => {
      const digits = m.replace(/\D/g, '');
      if (digits.length < 16 || digits.length > 19 || !luhnOk(digits)) return m;
      return add(
        'bank_card',
        digits,
        `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`,
      );
    });
    out = out.replace(PHONE, (_m, a: string, b: string, c: string) =>
      add('phone', a + b + c, `${a}****${c}`),
    );
  }
  if (out.includes('@')) {
    out = out.replace(EMAIL, (_m, user: string, domain: string) =>
      add('email', `${user}@${domain}`.toLowerCase(), `${user[0] ?? ''}***@${domain}`),
    );
  }
  if (!found.length) return { text, blanked: text, found };
  const marker = /\uE000(\d+)\uE001/g;
  return {
    text: out.replace(marker, (_m, i: string) => found[Number(i)]?.masked ?? ''),
    blanked: out.replace(marker, ' '),
    found,
  };
}
