/** Inverse-variance pooling (equal-effects or random-effects) with metafor's conventions. */
import { pnorm, pt, qnorm } from './distributions.ts';
import { dlTau2 } from './dl.ts';
import { heterogeneity } from './heterogeneity.ts';
import { knappHartung } from './knapp-hartung.ts';
import { predictionInterval } from './prediction-interval.ts';
import { remlTau2 } from './reml.ts';
import { validatePoolInput } from './validate.ts';
import { inverseVarianceWeights, weightedMean, weightedRss } from './weights.ts';
import type { EffectData, PoolMethod, PoolOptions, PoolResult, PoolTest, Tau2Fit } from './types.ts';

function fitTau2(data: EffectData, options: PoolOptions): Tau2Fit | undefined {
  if (options.method === 'DL') return dlTau2(data.yi, data.vi);
  if (options.method === 'REML') return remlTau2(data.yi, data.vi, { tol: options.tol, maxIter: options.maxIter });
  return undefined;
}

/** The test actually used: 'knha' needs k ≥ 2 (else 'z', with a warning) and is meant for random effects (warns with EE). */
function resolveTest(test: PoolTest, method: PoolMethod, k: number, warnings: string[]): PoolTest {
  if (test === 'knha' && k < 2) {
    warnings.push('Knapp-Hartung needs at least 2 studies (t on k − 1 = 0 df); used the z test instead');
    return 'z';
  }
  if (test === 'knha' && method === 'EE') {
    warnings.push('the Knapp-Hartung method is meant for random-effects models, not EE');
  }
  return test;
}

/** Variance of the pooled estimate, the critical value, and the t df ('knha' only): 1/Σw with the normal, or Knapp–Hartung. */
function inference(yi: readonly number[], w: readonly number[], sumW: number, test: PoolTest, level: number, warnings: string[]) {
  const variance = 1 / sumW;
  if (test !== 'knha') {
    const alpha = 1 - level;
    return { variance, crit: qnorm(1 - alpha / 2), df: undefined };
  }
  const kh = knappHartung(weightedRss(yi, w), yi.length - 1, level);
  if (kh.scale === 0) warnings.push('all estimates are equal: the Knapp-Hartung factor is 0, so the interval has zero width');
  return { variance: variance * kh.scale, crit: kh.crit, df: kh.df };
}

/**
 * Pools effect sizes with weights 1/(vᵢ + tau²), tau² from `method` ('EE' fixes it at 0). Test 'z' uses
 * the normal; 'knha' is Knapp–Hartung (knapp-hartung.ts: t on k − 1 df for the CI, p-value and the
 * prediction interval, prediction-interval.ts). k = 1: estimate = yᵢ, tau² = 0, Q = 0, I² = 0, H² = 1,
 * PI = CI, and 'knha' falls back to 'z' with a warning. Throws `PoolInputError` on unusable input.
 */
export function pool(data: EffectData, options: PoolOptions): PoolResult {
  const resolved = validatePoolInput(data, options);
  const { method, level } = resolved;
  const { yi, vi } = data;
  const k = yi.length;
  const warnings: string[] = [];
  const test = resolveTest(resolved.test, method, k, warnings);
  const fit = k < 2 ? undefined : fitTau2(data, { ...options, method });
  if (fit) warnings.push(...fit.warnings);
  const tau2 = fit?.tau2 ?? 0;
  const w = inverseVarianceWeights(vi, tau2);
  const sumW = w.reduce((s, x) => s + x, 0);
  const estimate = weightedMean(yi, w);
  const { variance, crit, df } = inference(yi, w, sumW, test, level, warnings);
  const se = Math.sqrt(variance);
  const stat = estimate / se;
  const pval = df === undefined ? 2 * pnorm(-Math.abs(stat)) : 2 * pt(-Math.abs(stat), df);
  const het = heterogeneity(yi, vi, tau2, method);

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
    ...predictionInterval(estimate, variance, tau2, crit),
    weights: w.map((x) => 100 * (x / sumW)),
    ...(method === 'REML' ? { converged: fit?.converged ?? true, iterations: fit?.iterations ?? 0 } : {}),
    warnings,
  };
}
