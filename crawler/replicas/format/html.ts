import iconv from 'iconv-lite';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** Escape text for XML (RSS/Atom). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Plain text to HTML with `<br />` line breaks (escaped). */
export function textToHtml(text: string, br = '<br />'): string {
  return escapeHtml(text).replace(/\n/g, br);
}

/** Percent-encode a string's bytes in the given charset (`gbk` gives `%C1%AA%CD%A8` for 联通). */
export function percentEncode(text: string, charset: 'gbk' | 'utf-8'): string {
  const bytes = charset === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decode a percent-encoded (form-style, `+` = space) value whose bytes are in `charset`. */
export function percentDecode(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
  }
  return iconv.decode(Buffer.from(bytes), charset);
}

/** Parse a raw query string decoding values in `charset` (first value wins). */
export function parseQuery(rawUrl: string, charset: string): Map<string, string> {
  const q = rawUrl.indexOf('?');
  const out = new Map<string, string>();
  if (q < 0) return out;
  for (const part of rawUrl
    .slice(q + 1)
    .split('#')[0]
    ?.split('&') ?? []) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = percentDecode(eq < 0 ? part : part.slice(0, eq), 'utf-8');
    const v = eq < 0 ? '' : percentDecode(part.slice(eq + 1), charset);
    if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** Encode a page for the wire. */
export function encodeBody(body: string, charset: 'gbk' | 'utf-8'): Buffer {
  return charset === 'gbk' ? iconv.encode(body, 'gbk') : Buffer.from(body, 'utf8');
}
