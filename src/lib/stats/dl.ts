/** DerSimonian-Laird method-of-moments estimator of tau². */
import { inverseVarianceWeights, projectionTraces, weightedRss } from './weights.ts';
import type { Tau2Fit } from './types.ts';

/**
 * DerSimonian-Laird: tau² = max(0, (Q − (k − 1)) / tr(P)) with w = 1/vᵢ, and metafor's standard error
 * sqrt((2(k − 1) + 4·tau²·tr(P) + 2·tau⁴·tr(P²)) / tr(P)²). Needs k ≥ 2 (k = 1 gives tau² = 0, no SE).
 */
export function dlTau2(yi: readonly number[], vi: readonly number[]): Tau2Fit {
  const k = yi.length;
  if (k < 2) return { tau2: 0, se: undefined, converged: true, iterations: 0, warnings: [] };
  const w = inverseVarianceWeights(vi);
  const { trP, trPP } = projectionTraces(w);
  const Q = weightedRss(yi, w);
  const tau2 = Math.max(0, (Q - (k - 1)) / trP);
  const se = Math.sqrt((2 * (k - 1) + 4 * tau2 * trP + 2 * tau2 * tau2 * trPP) / (trP * trP));
  return { tau2, se, converged: true, iterations: 0, warnings: [] };
}
