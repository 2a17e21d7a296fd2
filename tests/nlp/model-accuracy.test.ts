import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_DIR,
  defaultAnalyzer,
  isTelecomValidation,
  readTelecomRows,
  sentimentMetrics,
} from '../../nlp/index.ts';

interface MetricsFile {
  telecom: { accuracy: number; n: number };
}

describe('committed model on the telecom validation split', () => {
  it('is not below the accuracy recorded in nlp/model/metrics.json (quoted in nlp/README.md)', () => {
    const recorded = (
      JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'metrics.json'), 'utf8')) as MetricsFile
    ).telecom;
    const val = readTelecomRows().filter((r) => isTelecomValidation(r.id));
    expect(val.length).toBeGreaterThan(50);
    const m = sentimentMetrics(
      defaultAnalyzer(),
      val.map((r) => ({ text: r.text, label: r.sentiment })),
    );
    expect(m.accuracy).toBeGreaterThanOrEqual(recorded.accuracy);
    const readme = readFileSync(join(DEFAULT_MODEL_DIR, '..', 'README.md'), 'utf8');
    expect(readme).toContain(`${(recorded.accuracy * 100).toFixed(1)}%`);
  });

  it('uses a fixed, id-based 20% split', () => {
    expect(isTelecomValidation('cr-0001')).toBe(isTelecomValidation('cr-0001'));
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    const share = ids.filter(isTelecomValidation).length / ids.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
  });
});
