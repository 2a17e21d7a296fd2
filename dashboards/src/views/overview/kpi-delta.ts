/**
 * Below this many mentions in the previous period a rate (net sentiment, negative share) is not
 * compared: one negative post then would read as a swing of a hundred points.
 */
export const MIN_PREVIOUS_SAMPLE = 30;

/** The change to show: none without a previous value, 'small' when a rate rests on too few mentions. */
export function deltaOf(
  now: number | null,
  prev: number | null,
  prevSample?: number,
): number | 'none' | 'small' {
  if (now === null || prev === null) return 'none';
  if (prevSample !== undefined && prevSample < MIN_PREVIOUS_SAMPLE) return 'small';
  return now - prev;
}
