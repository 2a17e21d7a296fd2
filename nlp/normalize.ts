import * as OpenCC from 'opencc-js';

/** The kinds of piece the normalizer cuts a text into. */
export type PieceKind = 'text' | 'url' | 'mention' | 'hashtag' | 'emoticon' | 'emoji';

/** One run of the analysis text: plain text, or a special token kept whole. */
export interface Piece {
  kind: PieceKind;
  text: string;
}

/** Repeated punctuation, collapsed in the text and kept here as intensity features. */
export interface Intensity {
  /** Number of `!` (full- or half-width) in the text. */
  exclaim: number;
  /** Number of `?`. */
  question: number;
  /** Longest run of one punctuation mark (`！！！` is 3). */
  maxRun: number;
  /** Ellipses (`…`, `...`, `。。。`). */
  ellipsis: number;
}

/** Result of {@link normalize}. */
export interface Normalized {
  /** Plain text as written: HTML removed, line breaks kept, nothing else changed. */
  plain: string;
  /** Analysis text: half-width, simplified, lower-case (URLs and mentions keep their case), punctuation collapsed. */
  text: string;
  /** {@link text} cut into plain runs and special tokens, in order. */
  pieces: Piece[];
  emoticons: string[];
  emoji: string[];
  urls: string[];
  mentions: string[];
  hashtags: string[];
  intensity: Intensity;
}

const HTML_HINT = /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  yen: '¥',
  copy: '©',
};
const BLOCK = 'p|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer|pre';

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? m;
  });
}

/** HTML to plain text, keeping line breaks (`<br>`, block ends) and Weibo emoticon `alt` codes. */
export function htmlToText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<img\b[^>]*?\balt=(["'])(.*?)\1[^>]*>/gi, (_m, _q, alt: string) => alt)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\uE002')
    .replace(/<[^>]*>/g, '')
    // Adjacent block boundaries (</div><p>) make one line break, not a blank line.
    .replace(/[ \t]*\uE002[\s\uE002]*/g, '\n');
  return decodeEntities(s)
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width. */
export function toHalfWidth(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += s.slice(last, i) + (c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0));
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The traditional → simplified table (0: unchanged), and one bit per code unit it changes. */
interface T2s {
  table: Uint16Array;
  /** Tested first: 8 KB stays in L1, the 128 KB table does not, and most characters are not mapped. */
  bits: Uint32Array;
}

let t2s: T2s | undefined;

/**
 * Character table for traditional → simplified, built once from OpenCC (`t` → `cn`) by converting
 * each CJK code point. Analysis needs characters, not phrase-level conversion, and a table lookup
 * keeps OpenCC's large trie out of the per-post path.
 */
function t2sTable(): T2s {
  if (t2s) return t2s;
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const table = new Uint16Array(0x10000);
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  const put = (from: number, chars: string, out: string): void => {
    for (let i = 0; i < chars.length; i++) {
      const c = out.charCodeAt(i);
      if (c !== from + i) table[from + i] = c;
    }
  };
  for (const [start, end] of ranges) {
    for (let from = start; from <= end; from += 256) {
      const chars = Array.from({ length: Math.min(256, end - from + 1) }, (_, i) =>
        String.fromCharCode(from + i),
      ).join('');
      const out = convert(chars);
      if (out.length === chars.length) put(from, chars, out);
      else
        for (let i = 0; i < chars.length; i++) {
          const one = convert(chars[i] ?? '');
          if (one.length === 1) put(from + i, chars[i] ?? '', one);
        }
    }
  }
  const bits = new Uint32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) if (table[c]) bits[c >>> 5] = (bits[c >>> 5] as number) | (1 << (c & 31));
  t2s = { table, bits };
  return t2s;
}

/** Traditional to simplified Chinese, character by character (OpenCC's table), for analysis only. */
export function toSimplified(s: string): string {
  const { table, bits } = t2sTable();
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (!((bits[u >>> 5] as number) & (1 << (u & 31)))) continue;
    const c = table[u] as number;
    out += s.slice(last, i) + String.fromCharCode(c);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const SPECIAL =
  /(https?:\/\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"'<>]+|www\.[a-z0-9-]+\.[a-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"'<>]*)|(@[\p{L}\p{N}_-]{1,30})|(#[^#\n]{1,40}#)|(\[[\p{L}\p{N}]{1,8}\])|(\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*)/gu;
const KINDS: PieceKind[] = ['url', 'mention', 'hashtag', 'emoticon', 'emoji'];

/** Code units of the punctuation marks whose repeats collapse (`[!?,.~;:、]`). */
const REPEATABLE = new Uint8Array(0x10000);
for (const c of '!?,.~;:、') REPEATABLE[c.charCodeAt(0)] = 1;

/**
 * Cheap pre-check for {@link collapse}'s second pattern: a repeated punctuation mark, four equal
 * code units in a row, or any surrogate (astral Han characters span two code units).
 */
function mayRepeat(s: string): boolean {
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (c !== s.charCodeAt(i + 1)) continue;
    if (REPEATABLE[c] || (c === s.charCodeAt(i + 2) && c === s.charCodeAt(i + 3))) return true;
  }
  return false;
}

function collapse(run: string, intensity: Intensity): string {
  let s = run;
  if (s.includes('…') || s.includes('...') || s.includes('。。')) {
    s = s.replace(/(?:\.{3,}|。{2,}|…+)/g, () => {
      intensity.ellipsis++;
      return '…';
    });
  }
  if (!mayRepeat(s)) return s;
  return s.replace(
    /([!?,.~;:、])\1+|(\p{Script=Han})\2{3,}/gu,
    (m, p: string | undefined, h: string | undefined) => {
      if (p) intensity.maxRun = Math.max(intensity.maxRun, m.length);
      return p ?? `${h}${h}${h}`;
    },
  );
}

function countPunct(s: string, intensity: Intensity): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 33) intensity.exclaim++;
    else if (c === 63) intensity.question++;
  }
}

/** Cut the analysis text into special tokens and plain runs, collapsing repeated punctuation. */
/** Cheap test for anything {@link SPECIAL} could match, so most texts skip the full scan. */
const SPECIAL_HINT = /[@#[]|http|www\.|[\u2190-\u2bff\u3030\u303d\u3297\u3299\ud83c-\ud83e]/;

function cutPieces(text: string, out: Normalized): void {
  let last = 0;
  const pushText = (run: string): void => {
    if (!run) return;
    countPunct(run, out.intensity);
    out.pieces.push({ kind: 'text', text: collapse(run.toLowerCase(), out.intensity) });
  };
  if (!SPECIAL_HINT.test(text)) {
    pushText(text);
    return;
  }
  for (const m of text.matchAll(SPECIAL)) {
    const at = m.index;
    pushText(text.slice(last, at));
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const kind = KINDS[group] ?? 'text';
    const tok = kind === 'url' || kind === 'mention' ? m[0] : m[0].toLowerCase();
    out.pieces.push({ kind, text: tok });
    if (kind === 'url') out.urls.push(tok);
    else if (kind === 'mention') out.mentions.push(tok);
    else if (kind === 'hashtag') out.hashtags.push(tok);
    else if (kind === 'emoticon') out.emoticons.push(tok);
    else if (kind === 'emoji') out.emoji.push(tok);
    last = at + m[0].length;
  }
  pushText(text.slice(last));
}

/** Options for {@link normalize}. */
export interface NormalizeOptions {
  /** Treat the input as HTML. Default: detected (tags or entities present). */
  html?: boolean;
}

/**
 * Normalize a post for analysis. `plain` keeps the author's text (HTML removed); `text` is the
 * analysis form (half-width, simplified, lower-case, repeated punctuation collapsed) with URLs,
 * @mentions, #话题# hashtags, Weibo emoticons and emoji kept as whole pieces.
 */
export function normalize(input: string, opts: NormalizeOptions = {}): Normalized {
  const isHtml = opts.html ?? HTML_HINT.test(input);
  const plain = (isHtml ? htmlToText(input) : input).replace(/\r\n?/g, '\n');
  const analysis = toSimplified(toHalfWidth(plain));
  const out: Normalized = {
    plain,
    text: '',
    pieces: [],
    emoticons: [],
    emoji: [],
    urls: [],
    mentions: [],
    hashtags: [],
    intensity: { exclaim: 0, question: 0, maxRun: 0, ellipsis: 0 },
  };
  cutPieces(analysis, out);
  out.text = out.pieces.length === 1 ? (out.pieces[0]?.text ?? '') : out.pieces.map((p) => p.text).join('');
  return out;
}

/** Remove Weibo emoticon codes (`[哈哈]`) from a text: used to evaluate without them. */
export function stripEmoticons(text: string): string {
  return text.replace(/\[[\p{L}\p{N}]{1,8}\]/gu, '');
}
