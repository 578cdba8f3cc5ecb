/** Weighted least squares on a design matrix X, and the hat-matrix traces REML needs (meta-regression's building blocks). */
import { cholesky, cholSolve, crossprodWeighted, crossprodWeightedVec, forwardSolve, matVec } from './linalg.ts';
import type { Matrix } from './linalg.ts';

/** Weighted least-squares pieces at weights w: Cholesky factor of XᵀWX, coefficients, residuals and the rows of W^½XL⁻ᵀ. */
export function weightedFit(X: readonly (readonly number[])[], w: readonly number[], y: readonly number[]) {
  const L = cholesky(crossprodWeighted(X, w));
  const beta = cholSolve(L, crossprodWeightedVec(X, w, y));
  const fitted = matVec(X, beta);
  const residuals = y.map((yi, i) => yi - (fitted[i] as number));
  let rss = 0;
  for (let i = 0; i < y.length; i++) rss += (w[i] as number) * (residuals[i] as number) ** 2;
  return { L, beta, residuals, rss };
}

/** Rows zᵢ = √wᵢ·L⁻¹xᵢ, so that the hat matrix of the weighted fit is H = Z·Zᵀ. */
export function hatRows(X: readonly (readonly number[])[], w: readonly number[], L: Matrix): number[][] {
  return X.map((xi, i) => {
    const s = Math.sqrt(w[i] as number);
    return forwardSolve(L, xi).map((e) => e * s);
  });
}

/** Σ aᵢbᵢ. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Traces of P = W − WX(XᵀWX)⁻¹XᵀW and of P², summed as non-negative terms:
 * tr P = Σwᵢ(1 − hᵢᵢ), tr P² = Σᵢⱼ wᵢwⱼ(δᵢⱼ − hᵢⱼ)².
 */
export function projectionTracesX(w: readonly number[], z: readonly (readonly number[])[]): { trP: number; trPP: number } {
  const k = w.length;
  let trP = 0;
  let trPP = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i] as number;
    const zi = z[i] as readonly number[];
    const di = wi * (1 - dot(zi, zi));
    trP += di;
    trPP += di * di;
    for (let j = i + 1; j < k; j++) {
      const hij = dot(zi, z[j] as readonly number[]);
      trPP += 2 * wi * (w[j] as number) * hij * hij;
    }
  }
  return { trP, trPP };
}
