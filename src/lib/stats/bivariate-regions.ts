/**
 * Confidence and prediction regions of the bivariate summary point in ROC space, computed on the logit
 * scale and mapped to (false-positive rate, sensitivity), as mada's ROCellipse / plot(predict = TRUE) do.
 */
import { expit } from './dta-input.ts';
import { chol2, sym2 } from './mat2.ts';
import type { BivariateResult } from './bivariate.ts';

/** A point in ROC space: false-positive rate (1 − specificity) and sensitivity. */
export interface RocPoint {
  fpr: number;
  sens: number;
}

/** A point on the logit scale: logit sensitivity and logit specificity. */
export interface LogitPoint {
  logitSens: number;
  logitSpec: number;
}

/** Options for the regions: coverage `level` (default: the fit's level) and the number of distinct `points` (default 100). */
export interface RegionOptions {
  level?: number;
  points?: number;
}

/** The fit's parts a region needs. */
export type RegionFit = Pick<BivariateResult, 'logitSens' | 'logitSpec' | 'covLogit' | 'tau2Sens' | 'tau2Spec' | 'rho' | 'level'>;

/** Radius sqrt(χ²₂(level)) = sqrt(−2·ln(1 − level)) of a bivariate-normal region (2.4477 at 0.95): ellipse::ellipse's default `t`. */
export function ellipseRadius(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level ${level} is outside (0, 1)`);
  return Math.sqrt(-2 * Math.log1p(-level));
}

/**
 * `points` points on the ellipse (x − centre)ᵀ C⁻¹ (x − centre) = r², x = centre + r·L·(cos a, sin a), L the
 * lower Cholesky factor of C, a = 0, 2π/n, …, plus the first point again at the end (a closed polygon).
 */
export function logitEllipse(centre: LogitPoint, cov: readonly (readonly number[])[], radius: number, points = 100): LogitPoint[] {
  if (!(Number.isInteger(points) && points >= 3)) throw new RangeError(`points must be a whole number ≥ 3, not ${points}`);
  const L = chol2(sym2(cov[0]?.[0] as number, cov[0]?.[1] as number, cov[1]?.[1] as number));
  const out: LogitPoint[] = [];
  for (let n = 0; n <= points; n++) {
    const a = (2 * Math.PI * (n % points)) / points;
    const c = radius * Math.cos(a);
    const s = radius * Math.sin(a);
    out.push({ logitSens: centre.logitSens + L[0] * c, logitSpec: centre.logitSpec + L[2] * c + L[3] * s });
  }
  return out;
}

/** Maps logit points to ROC space: fpr = 1 − expit(logitSpec), sens = expit(logitSens). */
export function toRoc(points: readonly LogitPoint[]): RocPoint[] {
  return points.map((p) => ({ fpr: expit(-p.logitSpec), sens: expit(p.logitSens) }));
}

function region(fit: RegionFit, cov: number[][], options: RegionOptions): RocPoint[] {
  const radius = ellipseRadius(options.level ?? fit.level);
  return toRoc(logitEllipse({ logitSens: fit.logitSens, logitSpec: fit.logitSpec }, cov, radius, options.points ?? 100));
}

/** Confidence region of the summary point: the ellipse with covariance vcov(μ̂) (`covLogit`) and radius sqrt(χ²₂(level)). */
export function confidenceRegion(fit: RegionFit, options: RegionOptions = {}): RocPoint[] {
  return region(fit, fit.covLogit.map((row) => [...row]), options);
}

/**
 * Prediction region for the (logit sensitivity, logit specificity) of a new study: covariance
 * vcov(μ̂) + Σ (Σ the between-study covariance), radius sqrt(χ²₂(level)), as mada's plot.reitsma(predict = TRUE).
 */
export function predictionRegion(fit: RegionFit, options: RegionOptions = {}): RocPoint[] {
  const c = fit.rho * Math.sqrt(fit.tau2Sens * fit.tau2Spec);
  const [[a, b], [, d]] = fit.covLogit;
  return region(fit, [[a + fit.tau2Sens, b + c], [b + c, d + fit.tau2Spec]], options);
}
