/** The Hedges (HE) method-of-moments estimator of tau², with unit weights (metafor's method = "HE"; REML's starting value). */

/** Hedges (HE) estimator, metafor's starting value: (Σ(yᵢ − ȳ)² − (1 − 1/k)·Σvᵢ) / (k − 1), floored at 0. */
export function heTau2(yi: readonly number[], vi: readonly number[]): number {
  const k = yi.length;
  const mean = yi.reduce((s, y) => s + y, 0) / k;
  const rss = yi.reduce((s, y) => s + (y - mean) ** 2, 0);
  const trPV = vi.reduce((s, v) => s + v, 0) * (1 - 1 / k);
  return Math.max(0, (rss - trPV) / (k - 1));
}
