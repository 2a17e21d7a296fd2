import { describe, expect, it } from 'vitest';
import { windowDays } from '../../dashboards/src/views/campaigns/impact-format.ts';

/** Midnight of a China Standard Time day, as the API spells its day buckets. */
const cst = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString().replace('.000Z', 'Z');

describe('campaign impact chart days', () => {
  it('covers both windows day by day, whether or not a day has mentions', () => {
    const days = windowDays(cst('2026-12-02'), cst('2026-12-08'), [{ t: cst('2026-12-06') }]);
    expect(days).toEqual(
      ['02', '03', '04', '05', '06', '07'].map((d) =>
        new Date(Date.parse(cst(`2026-12-${d}`))).toISOString(),
      ),
    );
    // A window starting mid-day starts on that day's bucket.
    expect(windowDays('2026-12-02T05:30:00Z', cst('2026-12-03'), [])).toEqual([
      new Date(Date.parse(cst('2026-12-02'))).toISOString(),
    ]);
  });
});
