import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * HTML → plain text for display and analysis. Line breaks survive (`<br>`, block elements), emoticon
 * images become their `alt` text (`<img alt="[怒]">` → `[怒]`), Weibo's trailing "全文" link and
 * s.weibo.com's 展开/收起全文 toggles are dropped, scripts and styles vanish. The result is untrusted text,
 * never HTML.
 */

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'section',
  'article',
  'pre',
  'dd',
  'dt',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);
/** Marks a hard line break inside the buffer, so whitespace collapsing cannot eat it. */
const BR = '\u0000';

/** Options for {@link htmlToText}. */
export interface HtmlToTextOptions {
  /** CSS selectors removed before conversion (e.g. Discuz quote blocks). Default none. */
  remove?: string[];
}

function isToggleLink(el: Element): boolean {
  const action = el.attribs['action-type'] ?? '';
  if (action === 'fl_unfold' || action === 'fl_fold') return true;
  return false;
}

function imageText(el: Element): string {
  const alt = (el.attribs.alt ?? el.attribs.title ?? '').trim();
  // Only emoticon-style alts ("[怒]"); photo alts like "图片" would be noise.
  return /^\[[^[\]]{1,8}\]$/.test(alt) ? alt : '';
}

function walk(nodes: AnyNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push((node as unknown as { data: string }).data.replaceAll(BR, '').replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      out.push(BR);
      continue;
    }
    if (name === 'img') {
      out.push(imageText(el));
      continue;
    }
    if (name === 'a' && isToggleLink(el)) continue;
    const block = BLOCKS.has(name);
    if (block) out.push('\n');
    walk(el.children, out);
    if (block) out.push('\n');
  }
}

/** Tidy the raw buffer: soft newlines collapse, hard `<br>` breaks stay, lines are trimmed. */
function tidy(buffer: string): string {
  const lines = buffer
    .replace(/\n+/g, '\n')
    .replace(new RegExp(BR, 'g'), '\n')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim());
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  return text.trim();
}

/** Drop a trailing "全文" link (and the "..." before it) that marks a truncated Weibo post. */
function stripFullTextLink($: cheerio.CheerioAPI): void {
  const last = $('a').last();
  if (last.length && /^\s*全文\s*$/.test(last.text())) last.remove();
}

/** Remove control characters (except newline and tab) and zero-width marks from untrusted text. */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
}

/** Convert an HTML fragment to plain text. Plain text input comes back tidied. */
export function htmlToText(html: string, opts: HtmlToTextOptions = {}): string {
  if (!/[<&]/.test(html))
    return cleanText(tidy(html.replaceAll(BR, '').replace(/\r\n?/g, '\n').replace(/\n/g, BR)));
  const $ = cheerio.load(html, null, false);
  for (const sel of opts.remove ?? []) $(sel).remove();
  stripFullTextLink($);
  const out: string[] = [];
  walk($.root().contents().toArray(), out);
  return cleanText(
    tidy(out.join(''))
      .replace(/收起全文$/, '')
      .trim(),
  );
}
