/**
 * Pooling of 2×2 diagnostic-accuracy tables as a DTA review reports it: the bivariate model when it can
 * be fitted, otherwise a documented fallback to separate univariate REML random-effects models.
 */
import { BIVARIATE_MAX_ITER, poolBivariate } from './bivariate.ts';
import type { BivariateOptions, BivariateResult } from './bivariate.ts';
import { DtaInputError, dtaLogits, validateDtaStudies } from './dta-input.ts';
import type { DtaLogits, DtaStudy } from './dta-input.ts';
import { pool } from './pool.ts';
import type { PoolResult } from './types.ts';

/** Fewest studies for the bivariate model (it estimates 5 parameters: 2 means, 2 variances, 1 correlation). */
export const DTA_MIN_STUDIES = 4;
/** |ρ| above this counts as the boundary ±1. */
export const DTA_RHO_LIMIT = 0.999;

/** Why the bivariate model was not used. */
export type DtaFallbackReason = 'too-few-studies' | 'zero-cells' | 'not-converged' | 'rho-boundary';

/** The bivariate fit, or the univariate fallback with its reason and a sentence for the page. */
export type DtaPooled =
  | { model: 'bivariate'; result: BivariateResult }
  | {
      model: 'univariate';
      reason: DtaFallbackReason;
      message: string;
      /** Univariate REML pooling of logit sensitivity (estimate, CI on the logit scale). */
      sens: PoolResult;
      /** Univariate REML pooling of logit specificity. */
      spec: PoolResult;
      data: DtaLogits;
    };

const FALLBACK = 'so sensitivity and specificity were pooled separately, each with a univariate REML random-effects model on the logit scale (0.5 added to all four cells of studies with a zero cell).';

const CELL_WORDS: Record<'tp' | 'fp' | 'fn' | 'tn', string> = {
  tp: 'true positives (tp)',
  fp: 'false positives (fp)',
  fn: 'false negatives (fn)',
  tn: 'true negatives (tn)',
};

function univariate(studies: readonly DtaStudy[], reason: DtaFallbackReason, why: string, level: number): DtaPooled {
  const data = dtaLogits(studies);
  const sens = pool({ yi: data.logitSens, vi: data.varLogitSens }, { method: 'REML', level });
  const spec = pool({ yi: data.logitSpec, vi: data.varLogitSpec }, { method: 'REML', level });
  return { model: 'univariate', reason, message: `${why}, ${FALLBACK}`, sens, spec, data };
}

/**
 * Pools 2×2 tables with `poolBivariate`, falling back to univariate REML (`pool`, method 'REML') on logit
 * sensitivity and logit specificity, with the same 0.5 correction, when: k < 4 ('too-few-studies'); one
 * cell is 0 in every study, so one margin carries no information but the correction ('zero-cells'); REML
 * does not converge ('not-converged'); or |ρ| > 0.999 ('rho-boundary'). Invalid tables (negative,
 * fractional or non-finite counts, tp + fn = 0 or tn + fp = 0) throw `DtaInputError` naming study and field.
 */
export function poolDta(studies: readonly DtaStudy[], options: BivariateOptions = {}): DtaPooled {
  validateDtaStudies(studies);
  const level = options.level ?? 0.95;
  const k = studies.length;
  if (k < DTA_MIN_STUDIES) {
    const n = k === 1 ? 'Only 1 study' : `Only ${k} studies`;
    return univariate(studies, 'too-few-studies', `${n}: the bivariate model needs at least ${DTA_MIN_STUDIES}`, level);
  }
  for (const cell of ['tp', 'fp', 'fn', 'tn'] as const) {
    if (studies.every((s) => s[cell] === 0)) {
      return univariate(studies, 'zero-cells', `The number of ${CELL_WORDS[cell]} is 0 in every study, which leaves the bivariate model nothing but the 0.5 correction to estimate that variance from`, level);
    }
  }
  let result: BivariateResult;
  try {
    result = poolBivariate(studies, options);
  } catch (e) {
    if (e instanceof DtaInputError) throw e;
    return univariate(studies, 'not-converged', `The bivariate model could not be fitted (${e instanceof Error ? e.message : String(e)})`, level);
  }
  if (!result.converged) {
    return univariate(studies, 'not-converged', `The bivariate model's REML estimation did not converge in ${options.maxIter ?? BIVARIATE_MAX_ITER} Fisher-scoring iterations`, level);
  }
  if (Math.abs(result.rho) > DTA_RHO_LIMIT) {
    return univariate(studies, 'rho-boundary', `The bivariate model estimated the correlation between sensitivity and specificity at ${result.rho > 0 ? '+1' : '−1'} (ρ = ${result.rho.toFixed(4)}), a sign that the data cannot support it`, level);
  }
  return { model: 'bivariate', result };
}
