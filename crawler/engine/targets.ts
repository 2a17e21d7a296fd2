import type { SourceConfig } from '../../core/index.ts';
import type { CrawlTarget } from './types.ts';

/** Every target of a source: its queries, boards, app ids and feeds. */
export function targetsOf(source: SourceConfig): CrawlTarget[] {
  return [
    ...source.queries.map((q): CrawlTarget => ({ key: q, kind: 'search', value: q })),
    ...source.boards.map((b): CrawlTarget => ({ key: `board:${b}`, kind: 'board', value: b })),
    ...source.appIds.map((a): CrawlTarget => ({ key: `app:${a}`, kind: 'app', value: a })),
    ...source.feeds.map((f): CrawlTarget => ({ key: `feed:${f}`, kind: 'feed', value: f })),
  ];
}

/** A target from its cursor key (`board:12` → a board; anything else is a keyword query). */
export function targetFromKey(key: string): CrawlTarget {
  const m = /^(board|app|feed):(.+)$/.exec(key);
  if (m?.[1] && m[2]) return { key, kind: m[1] as CrawlTarget['kind'], value: m[2] };
  return { key, kind: 'search', value: key };
}
