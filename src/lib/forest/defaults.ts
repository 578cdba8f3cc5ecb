/** Measure-aware defaults of the forest plot: axis type, line of no effect, natural bounds. */
import type { Measure } from '../schema/index.ts';
import { AGREEMENT_MEASURES, MEASURE_TABLE, PROPORTION_MEASURES, RATIO_MEASURES } from '../schema/measures.ts';

const RATIOS = RATIO_MEASURES as ReadonlySet<Measure>;
const PROPORTIONS = PROPORTION_MEASURES as ReadonlySet<Measure>;

/** Whether the measure is a ratio (LR+, LR−, DOR, OR, HR, RR), plotted on a log axis by default. */
export function isRatio(measure: Measure): boolean {
  return RATIOS.has(measure);
}

/** Default axis type: log for ratios, linear otherwise. */
export function defaultScale(measure: Measure): 'linear' | 'log' {
  return isRatio(measure) ? 'log' : 'linear';
}

/** Default line of no effect from the measure table: 0.5 (or 50 on a percent scale) for AUC, 1 for ratios, 0 for MD and SMD, else none. */
export function defaultNull(measure: Measure, percent: boolean): number | null {
  const v = MEASURE_TABLE[measure].nullValue;
  if (v === null) return null;
  return percent && PROPORTIONS.has(measure) ? v * 100 : v;
}

/**
 * Natural bounds the automatic domain is clamped to: [0, 1] for proportions such as AUC
 * (or [0, 100] when the numbers are percentages), [-1, 1] for kappa and ICC, none otherwise.
 * `values` are all numbers to be plotted; bounds they do not fit are not applied.
 */
export function naturalBounds(measure: Measure, values: readonly number[]): [number, number] | null {
  const fits = (lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);
  if (PROPORTIONS.has(measure)) {
    if (fits(0, 1)) return [0, 1];
    if (fits(0, 100)) return [0, 100];
    return null;
  }
  if (AGREEMENT_MEASURES.has(measure) && fits(-1, 1)) return [-1, 1];
  return null;
}
