/**
 * The summary ROC curve of the Rutter–Gatsonis HSROC model, with its parameters derived from the
 * bivariate fit by the identities of Harbord et al. (2007, Biostatistics 8:239–251).
 */
import { expit } from './dta-input.ts';
import type { BivariateResult } from './bivariate.ts';
import type { RocPoint } from './bivariate-regions.ts';

/** Rutter–Gatsonis HSROC parameters: accuracy Λ, threshold Θ, shape β and the variances of α and θ. */
export interface HsrocParameters {
  Lambda: number;
  Theta: number;
  beta: number;
  sigma2Alpha: number;
  sigma2Theta: number;
}

/** The fit's parts the SROC curve needs. */
export type SrocFit = Pick<BivariateResult, 'logitSens' | 'logitSpec' | 'tau2Sens' | 'tau2Spec' | 'rho'> & {
  data?: Pick<BivariateResult['data'], 'logitSpec'>;
};

/**
 * Harbord et al. (2007): with μA, μB the pooled logit sensitivity and specificity, σA, σB their between-study
 * SDs and σAB = ρσAσB, Λ = (σB/σA)^½μA + (σA/σB)^½μB, Θ = ½[(σB/σA)^½μA − (σA/σB)^½μB], β = ln(σB/σA),
 * σ²α = 2(σAσB + σAB), σ²θ = ½(σAσB − σAB). Undefined (null) when a τ² is 0 (β would be infinite).
 */
export function hsrocParameters(fit: SrocFit): HsrocParameters | null {
  const sA = Math.sqrt(fit.tau2Sens);
  const sB = Math.sqrt(fit.tau2Spec);
  if (!(sA > 0 && sB > 0)) return null;
  const sAB = fit.rho * sA * sB;
  const r = Math.sqrt(sB / sA);
  return {
    Lambda: r * fit.logitSens + fit.logitSpec / r,
    Theta: 0.5 * (r * fit.logitSens - fit.logitSpec / r),
    beta: Math.log(sB / sA),
    sigma2Alpha: 2 * (sA * sB + sAB),
    sigma2Theta: 0.5 * (sA * sB - sAB),
  };
}

/**
 * Sensitivity on the SROC curve at false-positive rate `fpr`: logit(sens) = Λe^(−β/2) + e^(−β)·logit(fpr)
 * (Harbord et al. 2007; mada's sroc(type = "ruttergatsonis")), written as μA + (σA/σB)(logit(fpr) + μB),
 * the same line through the summary point, which also holds when σA = 0. NaN when τ²_spec = 0.
 */
export function srocSensitivity(fit: SrocFit, fpr: number): number {
  const slope = Math.sqrt(fit.tau2Sens / fit.tau2Spec);
  if (!Number.isFinite(slope)) return Number.NaN;
  return expit(fit.logitSens + slope * (Math.log(fpr / (1 - fpr)) + fit.logitSpec));
}

/** Options for the curve: the FPR range to draw over (default: the studies' range) and the number of points (default 101). */
export interface SrocOptions {
  fprRange?: readonly [number, number];
  points?: number;
}

/**
 * The SROC curve as `points` points evenly spaced in FPR over `fprRange`, by default the range of the
 * studies' FPRs as fitted (1 − specificity after the 0.5 correction, so never 0 or 1), as mada's
 * plot.reitsma draws it within the observed FPRs. Empty when τ²_spec = 0 (the curve is not defined).
 */
export function srocCurve(fit: SrocFit, options: SrocOptions = {}): RocPoint[] {
  const points = options.points ?? 101;
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`points must be a whole number ≥ 2, not ${points}`);
  let range = options.fprRange;
  if (!range) {
    const fprs = (fit.data?.logitSpec ?? []).map((b) => expit(-b));
    if (fprs.length === 0) throw new RangeError('no fprRange given and the fit carries no study data');
    range = [Math.min(...fprs), Math.max(...fprs)];
  }
  const [lo, hi] = range;
  if (!(lo > 0 && hi < 1 && lo <= hi)) throw new RangeError(`fprRange [${lo}, ${hi}] must lie inside (0, 1), low to high`);
  if (!(fit.tau2Spec > 0)) return [];
  const out: RocPoint[] = [];
  for (let n = 0; n < points; n++) {
    const fpr = lo + ((hi - lo) * n) / (points - 1);
    out.push({ fpr, sens: srocSensitivity(fit, fpr) });
  }
  return out;
}
