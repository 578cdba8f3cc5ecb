/** Weighted linear regression as R's lm(y ~ X - 1, weights = w): residual variance estimated, t tests on k − p df. */
import { pt } from './distributions.ts';
import { cholInverse, cholSolve, cholesky, crossprodWeighted, crossprodWeightedVec, matVec } from './linalg.ts';

/** Coefficients of a weighted least-squares fit with summary(lm)'s standard errors and t tests. */
export interface WeightedLmFit {
  beta: number[];
  se: number[];
  tval: number[];
  pval: number[];
  /** Residual degrees of freedom k − p. */
  df: number;
  /** Residual variance Σwᵢrᵢ²/(k − p) (summary(lm)$sigma²). */
  sigma2: number;
  /** sigma2·(XᵀWX)⁻¹. */
  vb: number[][];
}

/**
 * Fits y on the rows of X with weights w by least squares: β = (XᵀWX)⁻¹XᵀWy, vb = σ̂²(XᵀWX)⁻¹ with
 * σ̂² = Σwᵢrᵢ²/(k − p), two-sided t p-values on k − p df. Needs k > p and X of full column rank
 * (throws `NotPositiveDefiniteError` from the Cholesky factorisation otherwise).
 */
export function weightedLm(y: readonly number[], X: readonly (readonly number[])[], w: readonly number[]): WeightedLmFit {
  const k = y.length;
  const p = (X[0] as readonly number[]).length;
  const L = cholesky(crossprodWeighted(X, w));
  const beta = cholSolve(L, crossprodWeightedVec(X, w, y));
  const fitted = matVec(X, beta);
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (w[i] as number) * ((y[i] as number) - (fitted[i] as number)) ** 2;
  const df = k - p;
  const sigma2 = rss / df;
  const vb = cholInverse(L).map((row) => row.map((v) => v * sigma2));
  const se = vb.map((row, j) => Math.sqrt(row[j] as number));
  const tval = beta.map((b, j) => b / (se[j] as number));
  return { beta, se, tval, pval: tval.map((t) => 2 * pt(-Math.abs(t), df)), df, sigma2, vb };
}
