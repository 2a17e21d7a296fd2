/**
 * crawler/: source adapters on Crawlee and local replicas of every site. Emits NormalizedMention.
 */
export type { Engagement, MentionAuthor, NormalizedMention } from './types.ts';
