/**
 * Reported estimate + confidence interval ⇄ analysis-scale `{ yi, vi }`: logit for AUC and
 * proportions, log for ratios, identity for differences and agreement coefficients.
 */
import { qnorm } from './distributions.ts';
import { MEASURE_TABLE, isMeasure, type Scale as TableScale, type Unit as TableUnit } from '../schema/measures.ts';
import type { PoolResult } from './types.ts';

/** The scale an effect is pooled on (from the measure table). */
export type Scale = TableScale;

/** The unit a value was reported in; 'percent' is divided by 100, null means "as given". */
export type Unit = TableUnit;

/** Machine-readable reason a reported effect cannot be transformed. */
export type TransformErrorCode =
  | 'unknown-measure'
  | 'missing-estimate'
  | 'missing-ci'
  | 'invalid-number'
  | 'unit-mismatch'
  | 'bad-level'
  | 'ci-reversed'
  | 'zero-width-ci'
  | 'ci-excludes-value'
  | 'out-of-range'
  | 'logit-boundary'
  | 'non-positive-ratio';

/** Thrown when a reported effect cannot be put on its analysis scale; `code` says why. */
export class TransformError extends Error {
  code: TransformErrorCode;
  constructor(code: TransformErrorCode, message: string) {
    super(message);
    this.name = 'TransformError';
    this.code = code;
  }
}

/** Pooling scale of a measure, from the measure table: 'logit' (AUC, sensitivity, …, IoU), 'log' (LR+, LR−, DOR, OR, HR, RR), 'identity' (kappa, ICC, MD, SMD). */
export function scaleFor(measure: string): Scale {
  if (!isMeasure(measure)) {
    throw new TransformError('unknown-measure', `unknown measure ${JSON.stringify(measure)}: no pooling scale is defined for it`);
  }
  return MEASURE_TABLE[measure].scale;
}

/** The link g: logit(p) = log(p/(1 − p)), log(x), or x; NaN outside the domain. */
export function toScale(scale: Scale, x: number): number {
  if (scale === 'logit') return x > 0 && x < 1 ? Math.log(x / (1 - x)) : Number.NaN;
  if (scale === 'log') return x > 0 ? Math.log(x) : Number.NaN;
  return x;
}

/** The inverse link for display: 1/(1 + e^(−x)) (a proportion in 0..1), e^x, or x. */
export function fromScale(scale: Scale, x: number): number {
  if (scale === 'logit') return 1 / (1 + Math.exp(-x));
  if (scale === 'log') return Math.exp(x);
  return x;
}

/** Normal critical value for a two-sided `level` interval, e.g. 1.959964 at 0.95. */
export function zCrit(level: number): number {
  if (!(level > 0 && level < 1)) {
    throw new TransformError('bad-level', `confidence level ${level} is outside (0, 1): give a fraction such as 0.95`);
  }
  return qnorm(1 - (1 - level) / 2);
}

/** A reported effect: point estimate, CI bounds, their unit and the CI level (default 0.95). */
export interface ReportedEffect {
  measure: string;
  estimate: number | null | undefined;
  lower: number | null | undefined;
  upper: number | null | undefined;
  unit?: Unit;
  level?: number;
}

/** An effect on its analysis scale, ready for `pool`. */
export interface ScaledEffect {
  yi: number;
  vi: number;
  se: number;
  scale: Scale;
}

const UNITS_FOR: Record<Scale, readonly Unit[]> = {
  logit: ['proportion', 'percent', null],
  log: ['ratio', null],
  identity: ['difference', 'proportion', 'percent', null],
};

function checkDomain(scale: Scale, name: string, x: number, unit: Unit | undefined): void {
  if (scale === 'logit') {
    if (x === 0 || x === 1) {
      throw new TransformError('logit-boundary', `${name} is ${x}: the logit of 0 or 1 is infinite, so it cannot be pooled on the logit scale`);
    }
    if (x < 0 || x > 1) {
      const hint = unit === 'percent' ? '' : " (if it is a percentage, pass unit 'percent')";
      throw new TransformError('out-of-range', `${name} is ${x}: a proportion must lie between 0 and 1${hint}`);
    }
  }
  if (scale === 'log' && x <= 0) {
    throw new TransformError('non-positive-ratio', `${name} is ${x}: a ratio must be positive to take its logarithm`);
  }
}

/**
 * Turns an estimate and its CI into `{ yi, vi, se }`: yi = g(estimate), se = (g(upper) − g(lower)) /
 * (2·qnorm(1 − (1 − level)/2)), vi = se². Percent values are divided by 100 first. Throws
 * `TransformError` for an unknown measure, a missing estimate or CI, a unit that does not fit the
 * measure, a reversed, zero-width or value-excluding CI, values at or beyond 0/1 on the logit scale,
 * and non-positive ratios.
 */
export function effectFromCI(input: ReportedEffect): ScaledEffect {
  const scale = scaleFor(input.measure);
  const unit = input.unit ?? null;
  if (!UNITS_FOR[scale].includes(unit)) {
    throw new TransformError('unit-mismatch', `unit '${unit}' does not fit ${input.measure} (pooled on the ${scale} scale): use ${UNITS_FOR[scale].map(String).join(', ')}`);
  }
  const crit = zCrit(input.level ?? 0.95);
  const divisor = unit === 'percent' ? 100 : 1;
  const read = (name: string, value: number | null | undefined, missing: TransformErrorCode): number => {
    if (value === null || value === undefined) {
      const what = missing === 'missing-ci' ? `the confidence interval has no ${name} bound` : 'the point estimate is missing';
      throw new TransformError(missing, `${input.measure}: ${what}`);
    }
    if (!Number.isFinite(value)) throw new TransformError('invalid-number', `${input.measure}: ${name} is ${value}, not a finite number`);
    return value / divisor;
  };
  const estimate = read('estimate', input.estimate, 'missing-estimate');
  const lower = read('lower', input.lower, 'missing-ci');
  const upper = read('upper', input.upper, 'missing-ci');
  if (lower > upper) throw new TransformError('ci-reversed', `${input.measure}: lower bound ${lower} is above upper bound ${upper}`);
  if (lower === upper) throw new TransformError('zero-width-ci', `${input.measure}: the CI [${lower}, ${upper}] has zero width, so its variance would be 0`);
  if (estimate < lower || estimate > upper) {
    throw new TransformError('ci-excludes-value', `${input.measure}: the CI [${lower}, ${upper}] does not contain the estimate ${estimate}`);
  }
  checkDomain(scale, 'estimate', estimate, unit);
  checkDomain(scale, 'lower bound', lower, unit);
  checkDomain(scale, 'upper bound', upper, unit);
  const se = (toScale(scale, upper) - toScale(scale, lower)) / (2 * crit);
  return { yi: toScale(scale, estimate), vi: se * se, se, scale };
}

/** `effectFromCI` without throwing: `{ ok: true, effect }` or `{ ok: false, code, error }`. */
export function tryEffectFromCI(
  input: ReportedEffect,
): { ok: true; effect: ScaledEffect } | { ok: false; code: TransformErrorCode; error: string } {
  try {
    return { ok: true, effect: effectFromCI(input) };
  } catch (e) {
    if (e instanceof TransformError) return { ok: false, code: e.code, error: e.message };
    throw e;
  }
}

/** Back to the reported scale: estimate and Wald CI yi ± z·sqrt(vi), inverse-linked (proportions in 0..1). */
export function ciFromEffect(
  effect: { yi: number; vi: number },
  scale: Scale,
  level = 0.95,
): { estimate: number; lower: number; upper: number } {
  const half = zCrit(level) * Math.sqrt(effect.vi);
  return {
    estimate: fromScale(scale, effect.yi),
    lower: fromScale(scale, effect.yi - half),
    upper: fromScale(scale, effect.yi + half),
  };
}

/** A pooled result's estimate, CI and prediction interval on the reported scale (e.g. pooled AUC in 0..1). */
export function backTransformPooled(
  result: Pick<PoolResult, 'estimate' | 'ciLow' | 'ciHigh' | 'piLow' | 'piHigh'>,
  scale: Scale,
): { estimate: number; ciLow: number; ciHigh: number; piLow: number; piHigh: number } {
  return {
    estimate: fromScale(scale, result.estimate),
    ciLow: fromScale(scale, result.ciLow),
    ciHigh: fromScale(scale, result.ciHigh),
    piLow: fromScale(scale, result.piLow),
    piHigh: fromScale(scale, result.piHigh),
  };
}
