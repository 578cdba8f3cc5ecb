/** Cochran's Q and metafor's I² and H² (its default `i2def = "1"`). */
import { pchisq } from './distributions.ts';
import { inverseVarianceWeights, projectionTraces, weightedRss } from './weights.ts';
import type { PoolMethod } from './types.ts';

/** Heterogeneity statistics of an intercept-only model. */
export interface Heterogeneity {
  Q: number;
  QDf: number;
  QPval: number;
  vt: number;
  I2: number;
  H2: number;
}

/**
 * Q with fixed-effect weights 1/vᵢ, p-value from χ² on k − 1 df, the typical within-study variance
 * vt = (k − 1)·Σw / ((Σw)² − Σw²), and for RE models I² = 100·tau²/(tau² + vt), H² = (tau² + vt)/vt;
 * for EE I² = max(0, 100·(Q − df)/Q) (0 when Q = 0) and H² = Q/df. With k = 1: Q = 0, df = 0,
 * p = 1, vt = 0, I² = 0 and H² = 1 (as metafor).
 */
export function heterogeneity(yi: readonly number[], vi: readonly number[], tau2: number, method: PoolMethod): Heterogeneity {
  const k = yi.length;
  if (k < 2) return { Q: 0, QDf: 0, QPval: 1, vt: 0, I2: 0, H2: 1 };
  const w = inverseVarianceWeights(vi);
  const Q = weightedRss(yi, w);
  const QDf = k - 1;
  const QPval = pchisq(Q, QDf, false);
  const vt = QDf / projectionTraces(w).trP;
  if (method === 'EE') {
    return { Q, QDf, QPval, vt, I2: Q > 0 ? Math.max(0, (100 * (Q - QDf)) / Q) : 0, H2: Q / QDf };
  }
  return { Q, QDf, QPval, vt, I2: (100 * tau2) / (vt + tau2), H2: tau2 / vt + 1 };
}
