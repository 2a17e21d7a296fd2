/**
 * Difference-in-differences with a 95% confidence interval from the daily series.
 *
 * For each day d, D(d) = y_brand(d) − y_control(d). The estimate is
 *   DiD = mean(D over the campaign window) − mean(D over the baseline window),
 * i.e. how much the brand moved relative to competitors over the same calendar windows, which
 * removes market-wide swings both see. Days are treated as independent samples; the standard error
 * is Welch's: SE = sqrt(s²_W / n_W + s²_B / n_B), and the interval is DiD ± t(0.975, ν) × SE with
 * the Welch–Satterthwaite degrees of freedom ν. Days where a metric is undefined (no mentions for
 * net sentiment) are left out. Fewer than two days in either window gives no interval.
 */

/** The estimate with its 95% interval. */
export interface DidResult {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  stdError: number | null;
  /** Days used in the campaign window and the baseline. */
  daysWindow: number;
  daysBaseline: number;
  /** Mean daily difference in each window. */
  meanDiffWindow: number | null;
  meanDiffBaseline: number | null;
}

// Two-sided 95% Student t quantiles for 1..30 degrees of freedom; 1.96 beyond.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (table, then normal). */
export function t975(df: number): number {
  if (!Number.isFinite(df) || df >= 31) return 1.96;
  const i = Math.max(1, Math.floor(df)) - 1;
  return T975[i] ?? 1.96;
}

function meanVar(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.length > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, variance };
}

/** DiD of two series of daily differences (window, baseline). */
export function differenceInDifferences(window: number[], baseline: number[]): DidResult {
  const empty: DidResult = {
    estimate: null,
    ciLow: null,
    ciHigh: null,
    stdError: null,
    daysWindow: window.length,
    daysBaseline: baseline.length,
    meanDiffWindow: null,
    meanDiffBaseline: null,
  };
  if (window.length === 0 || baseline.length === 0) return empty;
  const w = meanVar(window);
  const b = meanVar(baseline);
  const estimate = w.mean - b.mean;
  const base = { ...empty, estimate, meanDiffWindow: w.mean, meanDiffBaseline: b.mean };
  if (window.length < 2 || baseline.length < 2) return base;
  const vw = w.variance / window.length;
  const vb = b.variance / baseline.length;
  const se = Math.sqrt(vw + vb);
  const df =
    se > 0
      ? (vw + vb) ** 2 / (vw ** 2 / (window.length - 1) + vb ** 2 / (baseline.length - 1))
      : Number.POSITIVE_INFINITY;
  const half = t975(df) * se;
  return { ...base, stdError: se, ciLow: estimate - half, ciHigh: estimate + half };
}
