/** Inverse-variance pooling (equal-effects or random-effects) with metafor's conventions. */
import { pnorm, pt, qnorm, qt } from './distributions.ts';
import { dlTau2 } from './dl.ts';
import { heterogeneity } from './heterogeneity.ts';
import { remlTau2 } from './reml.ts';
import { validatePoolInput } from './validate.ts';
import { inverseVarianceWeights, weightedMean, weightedRss } from './weights.ts';
import type { EffectData, PoolOptions, PoolResult, Tau2Fit } from './types.ts';

function fitTau2(data: EffectData, options: PoolOptions): Tau2Fit | undefined {
  if (options.method === 'DL') return dlTau2(data.yi, data.vi);
  if (options.method === 'REML') return remlTau2(data.yi, data.vi, { tol: options.tol, maxIter: options.maxIter });
  return undefined;
}

/**
 * Pools effect sizes with weights 1/(vᵢ + tau²), tau² from `method` ('EE' fixes it at 0). Test 'z' uses
 * the normal; 'knha' scales the variance by Σwᵢ(yᵢ − μ̂)²/(k − 1) (plain Knapp-Hartung, not truncated at 1;
 * 0 when that sum is ≤ machine epsilon, as metafor) and uses t on k − 1 df for the CI, p-value and the
 * prediction interval μ̂ ± crit·sqrt(se² + tau²). k = 1: estimate = yᵢ, tau² = 0, Q = 0, I² = 0, H² = 1,
 * PI = CI, and 'knha' falls back to 'z' with a warning. Throws `PoolInputError` on unusable input.
 */
export function pool(data: EffectData, options: PoolOptions): PoolResult {
  const resolved = validatePoolInput(data, options);
  const { method, level } = resolved;
  const { yi, vi } = data;
  const k = yi.length;
  const warnings: string[] = [];
  let test = resolved.test;
  if (test === 'knha' && k < 2) {
    warnings.push('Knapp-Hartung needs at least 2 studies (t on k − 1 = 0 df); used the z test instead');
    test = 'z';
  }
  if (test === 'knha' && method === 'EE') {
    warnings.push('the Knapp-Hartung method is meant for random-effects models, not EE');
  }

  const fit = k < 2 ? undefined : fitTau2(data, { ...options, method });
  if (fit) warnings.push(...fit.warnings);
  const tau2 = fit?.tau2 ?? 0;
  const w = inverseVarianceWeights(vi, tau2);
  const sumW = w.reduce((s, x) => s + x, 0);
  const estimate = weightedMean(yi, w);
  let variance = 1 / sumW;
  const alpha = 1 - level;
  let crit = qnorm(1 - alpha / 2);
  let df: number | undefined;
  if (test === 'knha') {
    const rss = weightedRss(yi, w);
    const scale = rss <= Number.EPSILON ? 0 : rss / (k - 1);
    if (scale === 0) warnings.push('all estimates are equal: the Knapp-Hartung factor is 0, so the interval has zero width');
    variance *= scale;
    df = k - 1;
    crit = qt(1 - alpha / 2, df);
  }
  const se = Math.sqrt(variance);
  const stat = estimate / se;
  const pval = df === undefined ? 2 * pnorm(-Math.abs(stat)) : 2 * pt(-Math.abs(stat), df);
  const het = heterogeneity(yi, vi, tau2, method);
  const piHalf = crit * Math.sqrt(variance + tau2);

  return {
    k,
    method,
    test,
    level,
    estimate,
    se,
    ...(df === undefined ? { zval: stat } : { tval: stat, df }),
    pval,
    ciLow: estimate - crit * se,
    ciHigh: estimate + crit * se,
    tau2,
    ...(fit?.se === undefined ? {} : { tau2Se: fit.se }),
    tau: Math.sqrt(tau2),
    vt: het.vt,
    I2: het.I2,
    H2: het.H2,
    Q: het.Q,
    QDf: het.QDf,
    QPval: het.QPval,
    piLow: estimate - piHalf,
    piHigh: estimate + piHalf,
    weights: w.map((x) => 100 * (x / sumW)),
    ...(method === 'REML' ? { converged: fit?.converged ?? true, iterations: fit?.iterations ?? 0 } : {}),
    warnings,
  };
}
