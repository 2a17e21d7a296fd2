import iconv from 'iconv-lite';

/**
 * Bytes → text with the right charset. Order: the source's `encoding` override, the Content-Type
 * charset, a `<meta charset>` or XML prolog in the first KiB, else UTF-8. A body that is not valid UTF-8
 * but is valid GBK (GBK bytes labelled UTF-8, a common misconfiguration) is decoded as GBK.
 */

const REPLACEMENT = /\ufffd/g;

function charsetFromContentType(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

function charsetFromDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function normalizeCharset(cs: string): string {
  const c = cs.toLowerCase();
  if (c === 'gb2312' || c === 'gbk' || c === 'x-gbk') return 'gbk';
  if (c === 'utf8') return 'utf-8';
  return c;
}

function decodeAs(bytes: Buffer, charset: string): string {
  if (charset === 'utf-8') return bytes.toString('utf8');
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** The charset used and the decoded text. */
export interface DecodedBody {
  text: string;
  charset: string;
}

/** Decode a response body. `override` is the source's configured encoding (wins over everything). */
export function decodeBody(bytes: Buffer, contentType: string | undefined, override?: string): DecodedBody {
  const declared = normalizeCharset(
    override ?? charsetFromContentType(contentType) ?? charsetFromDocument(bytes) ?? 'utf-8',
  );
  const text = decodeAs(bytes, declared).replace(/^\ufeff/, '');
  if (override || declared !== 'utf-8' || !text.includes('\ufffd')) return { text, charset: declared };
  // Declared UTF-8 but invalid: try GBK (GB18030 superset) and keep whichever decodes cleaner.
  const gbk = iconv.decode(bytes, 'gb18030');
  return count(gbk, REPLACEMENT) < count(text, REPLACEMENT)
    ? { text: gbk, charset: 'gbk' }
    : { text, charset: declared };
}

/** Encode text in a charset and percent-encode every byte outside the unreserved set (GBK query values). */
export function percentEncode(text: string, charset: string): string {
  const bytes =
    normalizeCharset(charset) === 'utf-8'
      ? Buffer.from(text, 'utf8')
      : iconv.encode(text, normalizeCharset(charset));
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
