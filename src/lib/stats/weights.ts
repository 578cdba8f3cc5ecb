/**
 * Inverse-variance weights and the sums of the intercept-only projection matrix
 * P = W − w·wᵀ/Σw that the tau² estimators need (no k × k matrix is ever built).
 */

/** Inverse-variance weights 1/(vᵢ + tau²). */
export function inverseVarianceWeights(vi: readonly number[], tau2 = 0): number[] {
  return vi.map((v) => 1 / (v + tau2));
}

/** Weighted mean Σwᵢyᵢ / Σwᵢ, computed on centred values for numerical stability. */
export function weightedMean(yi: readonly number[], w: readonly number[]): number {
  const centre = yi.reduce((s, y) => s + y, 0) / yi.length;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < yi.length; i++) {
    const wi = w[i] as number;
    sw += wi;
    swy += wi * ((yi[i] as number) - centre);
  }
  return centre + swy / sw;
}

/** Weighted residual sum of squares Σwᵢ(yᵢ − μ̂)² around the weighted mean (Cochran's Q when w = 1/vᵢ). */
export function weightedRss(yi: readonly number[], w: readonly number[]): number {
  const mu = weightedMean(yi, w);
  let rss = 0;
  for (let i = 0; i < yi.length; i++) rss += (w[i] as number) * ((yi[i] as number) - mu) ** 2;
  return Math.max(0, rss);
}

/**
 * Traces of P and P² for P = W − w·wᵀ/Σw, summed as non-negative terms to avoid cancellation:
 * tr(P) = Σwᵢ(1 − wᵢ/Σw), tr(P²) = Σwᵢ²(1 − wᵢ/Σw)² + ((Σw²)² − Σw⁴)/(Σw)².
 */
export function projectionTraces(w: readonly number[]): { sumW: number; trP: number; trPP: number } {
  let sumW = 0;
  let s2 = 0;
  let s4 = 0;
  for (const wi of w) {
    sumW += wi;
    s2 += wi * wi;
    s4 += wi ** 4;
  }
  let trP = 0;
  let diag = 0;
  for (const wi of w) {
    const pii = wi * ((sumW - wi) / sumW);
    trP += pii;
    diag += pii * pii;
  }
  const offDiag = Math.max(0, s2 * s2 - s4) / (sumW * sumW);
  return { sumW, trP, trPP: diag + offDiag };
}
