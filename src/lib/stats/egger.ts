/** Egger's regression test for funnel-plot asymmetry (small-study effects), as metafor's regtest(predictor = "sei"). */
import { qt } from './distributions.ts';
import { metaRegression } from './meta-regression.ts';
import { resolveMinStudies, tooFewStudies } from './small-study.ts';
import type { TooFewStudies } from './small-study.ts';
import { PoolInputError, validatePoolInput } from './validate.ts';
import type { EffectData, PoolTest } from './types.ts';
import { weightedLm } from './weighted-lm.ts';

/** Options: 'rma' (mixed-effects, metafor's default) or 'lm' (classic Egger); the test and level of the 'rma' fit; the study threshold. */
export interface EggerOptions {
  model?: 'rma' | 'lm';
  test?: PoolTest;
  level?: number;
  minStudies?: number;
}

/** Egger's test: the coefficient of the standard error and the limit estimate (the intercept, sei → 0). */
export interface EggerResult {
  status: 'ok';
  model: 'rma' | 'lm';
  predictor: 'sei';
  k: number;
  /** Test statistic for the sei coefficient: zval ('rma' with test 'z') or tval on `df` ('rma' with 'knha', and 'lm'). */
  zval?: number;
  tval?: number;
  df?: number;
  pval: number;
  /** Coefficient of sei (the asymmetry) and its SE. */
  slope: number;
  slopeSe: number;
  /** metafor's `est`, `ci.lb`, `ci.ub`: the intercept, the estimate for a study of infinite precision. */
  est: number;
  ciLow: number;
  ciHigh: number;
  /** Residual tau² ('rma' only). */
  tau2?: number;
  warnings: string[];
}

/**
 * Egger's regression test with the standard error as predictor. 'rma' (default): metafor's
 * regtest(rma(yi, vi, method = "REML", test), model = "rma") — the meta-regression yᵢ = b₀ + b₁·seᵢ
 * with REML tau², testing b₁ by z (or t on k − 2 with 'knha'). 'lm': regtest(..., model = "lm"), the
 * classic test — weighted least squares of yᵢ on seᵢ with weights 1/vᵢ and a multiplicative error
 * variance, t on k − 2 df (identical to regressing yᵢ/seᵢ on 1/seᵢ and testing the intercept). With
 * fewer than `minStudies` (default 10) studies returns a `TooFewStudies` result instead; throws
 * `PoolInputError` for unusable yi/vi, or when every study has the same standard error.
 */
export function eggerTest(data: EffectData, options: EggerOptions = {}): EggerResult | TooFewStudies {
  const { test, level } = validatePoolInput(data, { method: 'REML', test: options.test, level: options.level });
  const model = options.model ?? 'rma';
  if (model !== 'rma' && model !== 'lm') throw new PoolInputError(`unknown model ${JSON.stringify(model)}: use 'rma' or 'lm'`);
  const minStudies = resolveMinStudies(options.minStudies);
  const { yi, vi } = data;
  const k = yi.length;
  if (k < minStudies) return tooFewStudies(k, minStudies, "Egger's test");
  if (vi.every((v) => v === vi[0])) {
    throw new PoolInputError("every study has the same standard error: Egger's test needs studies of different precision");
  }
  const sei = vi.map(Math.sqrt);
  const X = sei.map((s) => [1, s]);
  if (model === 'lm') {
    const fit = weightedLm(yi, X, vi.map((v) => 1 / v));
    const crit = qt(1 - (1 - level) / 2, fit.df);
    const est = fit.beta[0] as number;
    const seEst = fit.se[0] as number;
    return {
      status: 'ok',
      model,
      predictor: 'sei',
      k,
      tval: fit.tval[1] as number,
      df: fit.df,
      pval: fit.pval[1] as number,
      slope: fit.beta[1] as number,
      slopeSe: fit.se[1] as number,
      est,
      ciLow: est - crit * seEst,
      ciHigh: est + crit * seEst,
      warnings: [],
    };
  }
  const fit = metaRegression({ yi, vi, X, names: ['intrcpt', 'sei'] }, { method: 'REML', test, level });
  const stat = (fit.zval ?? fit.tval) as number[];
  return {
    status: 'ok',
    model,
    predictor: 'sei',
    k,
    ...(fit.df === undefined ? { zval: stat[1] as number } : { tval: stat[1] as number, df: fit.df }),
    pval: fit.pval[1] as number,
    slope: fit.beta[1] as number,
    slopeSe: fit.se[1] as number,
    est: fit.beta[0] as number,
    ciLow: fit.ciLow[0] as number,
    ciHigh: fit.ciHigh[0] as number,
    tau2: fit.tau2,
    warnings: fit.warnings,
  };
}
