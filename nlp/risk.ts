import type { AnalyzeMeta } from './types.ts';

/**
 * Risk score, 0–100:
 *
 *   N = max(0, −score)                                   negativity, 0..1
 *   A = min(1, log10(1 + followers) / 7)                 audience (10M followers → 1)
 *   E = min(1, log10(1 + reposts + comments/2 + likes/10) / 5)   engagement (100k → 1)
 *   V = min(1, log10(1 + engagement / max(ageHours, 0.25)) / 4)  velocity per hour (10k/h → 1; 0 if age unknown)
 *   S = min(1, 0.5 × distinct escalation words)          工信部, 12300, 315, 消协, 起诉, 律师, 曝光, 媒体, 集体投诉, 维权…
 *
 *   risk = round(100 × min(1, N × (0.45 + 0.2A + 0.2E + 0.15V) + 0.25 × S × (0.5 + 0.5N)))
 *
 * So a plainly negative post with no reach scores 45, an escalation threat adds up to 25, and reach
 * and velocity amplify negativity only: a popular happy post stays near 0.
 */
export interface RiskInput {
  /** Signed sentiment score in [-1, 1]. */
  score: number;
  /** Distinct escalation words found. */
  escalation: number;
  meta?: AnalyzeMeta;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const nonNeg = (x: number | undefined): number =>
  typeof x === 'number' && x > 0 && Number.isFinite(x) ? x : 0;

/** The parts of the risk score, each 0..1. */
export function riskParts(input: RiskInput): { N: number; A: number; E: number; V: number; S: number } {
  const m = input.meta ?? {};
  const engagement = nonNeg(m.reposts) + nonNeg(m.comments) / 2 + nonNeg(m.likes) / 10;
  const age = m.ageHours;
  return {
    N: clamp01(-input.score),
    A: clamp01(Math.log10(1 + nonNeg(m.followers)) / 7),
    E: clamp01(Math.log10(1 + engagement) / 5),
    V:
      typeof age === 'number' && age >= 0 ? clamp01(Math.log10(1 + engagement / Math.max(age, 0.25)) / 4) : 0,
    S: clamp01(0.5 * input.escalation),
  };
}

/** The risk score, 0–100 (formula above). */
export function riskScore(input: RiskInput): number {
  const { N, A, E, V, S } = riskParts(input);
  return Math.round(100 * clamp01(N * (0.45 + 0.2 * A + 0.2 * E + 0.15 * V) + 0.25 * S * (0.5 + 0.5 * N)));
}
