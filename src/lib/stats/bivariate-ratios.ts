/**
 * Positive and negative likelihood ratios and the diagnostic odds ratio from the bivariate summary
 * point, with Wald CIs from the delta method on the log scale.
 */
import { qnorm } from './distributions.ts';
import { expit } from './dta-input.ts';
import type { BivariateResult } from './bivariate.ts';

/** A ratio with its CI and the standard error of its logarithm. */
export interface RatioEstimate {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  seLog: number;
}

/** LR+ = sens/(1 − spec), LR− = (1 − sens)/spec, DOR = LR+/LR−. */
export interface DtaRatios {
  lrPos: RatioEstimate;
  lrNeg: RatioEstimate;
  dor: RatioEstimate;
}

/** The fit's parts the ratios need. */
export type RatioFit = Pick<BivariateResult, 'logitSens' | 'logitSpec' | 'covLogit' | 'level'>;

/**
 * With a = logit sens, b = logit spec and C = vcov(a, b): log LR+ = log expit(a) − log expit(−b), gradient
 * (1 − sens, spec); log LR− = log expit(−a) − log expit(b), gradient (−sens, −(1 − spec)); log DOR = a + b,
 * gradient (1, 1). SE(log) = sqrt(gᵀCg), CI = exp(log ± z·SE) with z = qnorm(1 − (1 − level)/2).
 */
export function dtaRatios(fit: RatioFit, level: number = fit.level): DtaRatios {
  if (!(level > 0 && level < 1)) throw new RangeError(`level ${level} is outside (0, 1)`);
  const z = qnorm(1 - (1 - level) / 2);
  const sens = expit(fit.logitSens);
  const spec = expit(fit.logitSpec);
  const [[c00, c01], [, c11]] = fit.covLogit;
  const one = (logEstimate: number, g0: number, g1: number): RatioEstimate => {
    const seLog = Math.sqrt(g0 * g0 * c00 + 2 * g0 * g1 * c01 + g1 * g1 * c11);
    return { estimate: Math.exp(logEstimate), ciLow: Math.exp(logEstimate - z * seLog), ciHigh: Math.exp(logEstimate + z * seLog), seLog };
  };
  // log expit(x) = −log(1 + e^−x), kept accurate for large |x|
  const logExpit = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
  return {
    lrPos: one(logExpit(fit.logitSens) - logExpit(-fit.logitSpec), 1 - sens, spec),
    lrNeg: one(logExpit(-fit.logitSens) - logExpit(fit.logitSpec), -sens, -(1 - spec)),
    dor: one(fit.logitSens + fit.logitSpec, 1, 1),
  };
}
