import type { ExplainEntry } from '../api/types.ts';

export interface Segment {
  text: string;
  /** The explanation entry that matched this span, if any. */
  hit?: ExplainEntry;
}

/**
 * Split `text` into plain and highlighted spans for the explanation tokens. Longest tokens win
 * where they overlap. Pure string work: the result is rendered as React text nodes, never HTML.
 */
export function splitByTokens(text: string, explain: ExplainEntry[]): Segment[] {
  const tokens = explain
    .filter((e) => e.text.length > 0 && (e.kind === 'token' || e.kind === 'emoticon' || e.kind === 'rule'))
    .sort((a, b) => b.text.length - a.text.length);
  const owner: (ExplainEntry | undefined)[] = new Array(text.length).fill(undefined);
  for (const tok of tokens) {
    let from = text.indexOf(tok.text);
    while (from >= 0) {
      const end = from + tok.text.length;
      if (owner.slice(from, end).every((o) => o === undefined)) owner.fill(tok, from, end);
      from = text.indexOf(tok.text, end);
    }
  }
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || owner[i] !== owner[start]) {
      const hit = owner[start];
      out.push(hit ? { text: text.slice(start, i), hit } : { text: text.slice(start, i) });
      start = i;
    }
  }
  return out;
}

/** Mention text with the sentiment explanation highlighted (red: pushes negative, green: positive). */
export function HighlightedText({ text, explain }: { text: string; explain: ExplainEntry[] }) {
  const segments = splitByTokens(text, explain);
  return (
    <p className="mention-text" data-testid="mention-text">
      {segments.map((s, i) =>
        s.hit ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder.
            key={i}
            className={s.hit.weight < 0 ? 'hl hl-neg' : 'hl hl-pos'}
            title={`${s.hit.kind} ${s.hit.weight.toFixed(2)}`}
          >
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder.
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
