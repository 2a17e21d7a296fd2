import { describe, expect, it } from 'vitest';
import { deltaOf, MIN_PREVIOUS_SAMPLE } from '../../dashboards/src/views/overview/kpi-delta.ts';

describe('overview KPI change vs the previous period', () => {
  it('shows no change without a previous value', () => {
    expect(deltaOf(12.5, null, 100)).toBe('none');
    expect(deltaOf(null, 3, 100)).toBe('none');
  });

  it('does not compare a rate that rests on too few previous mentions (one post is not a trend)', () => {
    // One negative mention last week: net sentiment -100, this week +9.6 would read as "+109.6".
    expect(deltaOf(9.6, -100, 1)).toBe('small');
    expect(deltaOf(9.6, -100, MIN_PREVIOUS_SAMPLE - 1)).toBe('small');
    expect(deltaOf(9.6, -10, MIN_PREVIOUS_SAMPLE)).toBeCloseTo(19.6);
  });

  it('compares counts whatever the sample', () => {
    expect(deltaOf(519, 1)).toBe(518);
  });
});
