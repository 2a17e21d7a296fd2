import { describe, expect, it } from 'vitest';
import { riskParts, riskScore } from '../../nlp/risk.ts';

describe('risk score', () => {
  it('follows the documented formula', () => {
    expect(riskScore({ score: -1, escalation: 0 })).toBe(45);
    // 100 × (0.45 + 0.25 × 0.5), rounded
    expect(Math.abs(riskScore({ score: -1, escalation: 1 }) - 57.5)).toBeLessThanOrEqual(0.5);
    expect(riskScore({ score: -1, escalation: 2 })).toBe(70);
    expect(riskScore({ score: 0.9, escalation: 0, meta: { followers: 1e7, reposts: 1e5 } })).toBe(0);
    expect(riskScore({ score: -1, escalation: 3, meta: { followers: 1e7, reposts: 1e5, ageHours: 1 } })).toBe(
      100,
    );
  });

  it('rises with reach and velocity for negative posts', () => {
    const base = riskScore({ score: -0.8, escalation: 0 });
    const reach = riskScore({
      score: -0.8,
      escalation: 0,
      meta: { followers: 500_000, reposts: 2000, comments: 800 },
    });
    const fast = riskScore({
      score: -0.8,
      escalation: 0,
      meta: { followers: 500_000, reposts: 2000, comments: 800, ageHours: 0.5 },
    });
    expect(reach).toBeGreaterThan(base);
    expect(fast).toBeGreaterThan(reach);
    expect(
      riskParts({ score: -0.8, escalation: 0, meta: { reposts: -5, followers: Number.NaN } }),
    ).toMatchObject({ A: 0, E: 0, V: 0 });
  });

  it('stays within 0–100', () => {
    for (const score of [-1, -0.3, 0, 0.5, 1]) {
      const r = riskScore({ score, escalation: 9, meta: { followers: 1e12, reposts: 1e12, ageHours: 0 } });
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(100);
    }
  });
});
