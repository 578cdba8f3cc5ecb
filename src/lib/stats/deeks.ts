/** Deeks' funnel-plot asymmetry test for diagnostic accuracy (Deeks, Macaskill & Irwig 2005, J Clin Epidemiol 58:882). */
import { DTA_CORRECTION, DtaInputError, validateDtaStudies } from './dta-input.ts';
import type { DtaStudy } from './dta-input.ts';
import { resolveMinStudies, tooFewStudies } from './small-study.ts';
import type { TooFewStudies } from './small-study.ts';
import { weightedLm } from './weighted-lm.ts';

/** Options: the fewest studies for which the test is run (default 10). */
export interface DeeksOptions {
  minStudies?: number;
}

/** Deeks' test: the regression of ln DOR on 1/√ESS weighted by ESS, and the per-study values it used. */
export interface DeeksResult {
  status: 'ok';
  k: number;
  /** Coefficient of 1/√ESS (the asymmetry), its SE, t on `df` = k − 2, and the two-sided p-value. */
  slope: number;
  se: number;
  tval: number;
  df: number;
  pval: number;
  /** Intercept (ln DOR of a study of infinite effective size) and its SE. */
  intercept: number;
  interceptSe: number;
  /** Per study: ln DOR (after the correction), the effective sample size, whether 0.5 was added. */
  lnDOR: number[];
  ess: number[];
  corrected: boolean[];
  warnings: string[];
}

/**
 * Deeks' test: lm(lnDOR ~ I(1/sqrt(ESS)), weights = ESS) with ln DOR = ln(tp·tn/(fp·fn)) after adding
 * 0.5 to all four cells of a study with a zero cell, and ESS = 4·n₁·n₀/(n₁ + n₀) from the uncorrected
 * margins n₁ = tp + fn, n₀ = fp + tn; the slope is tested by t on k − 2 df (asymmetry if p < 0.10 in
 * Deeks et al.). With fewer than `minStudies` (default 10) studies returns a `TooFewStudies` result.
 * Throws `DtaInputError` for unusable tables (see `validateDtaStudies`) or when every study has the
 * same effective sample size.
 */
export function deeksTest(studies: readonly DtaStudy[], options: DeeksOptions = {}): DeeksResult | TooFewStudies {
  validateDtaStudies(studies);
  const minStudies = resolveMinStudies(options.minStudies);
  const k = studies.length;
  if (k < minStudies) return tooFewStudies(k, minStudies, "Deeks' test");
  const lnDOR: number[] = [];
  const ess: number[] = [];
  const corrected: boolean[] = [];
  for (const s of studies) {
    const zero = s.tp === 0 || s.fp === 0 || s.fn === 0 || s.tn === 0;
    const add = zero ? DTA_CORRECTION : 0;
    lnDOR.push(Math.log(((s.tp + add) * (s.tn + add)) / ((s.fp + add) * (s.fn + add))));
    const n1 = s.tp + s.fn;
    const n0 = s.fp + s.tn;
    ess.push((4 * n1 * n0) / (n1 + n0));
    corrected.push(zero);
  }
  if (ess.every((e) => e === ess[0])) {
    throw new DtaInputError("every study has the same effective sample size: Deeks' test needs studies of different size", 'studies');
  }
  const fit = weightedLm(
    lnDOR,
    ess.map((e) => [1, 1 / Math.sqrt(e)]),
    ess,
  );
  const n = corrected.filter(Boolean).length;
  return {
    status: 'ok',
    k,
    slope: fit.beta[1] as number,
    se: fit.se[1] as number,
    tval: fit.tval[1] as number,
    df: fit.df,
    pval: fit.pval[1] as number,
    intercept: fit.beta[0] as number,
    interceptSe: fit.se[0] as number,
    lnDOR,
    ess,
    corrected,
    warnings: n > 0 ? [`0.5 added to all four cells of ${n} of ${k} studies with a zero cell`] : [],
  };
}
