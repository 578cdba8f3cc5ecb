/**
 * 2×2 diagnostic-accuracy tables: input checks and the logit transform with the 0.5 correction that
 * every bivariate and univariate DTA pooling in this folder shares.
 */
import { PoolInputError } from './validate.ts';

/** One study's 2×2 table: true/false positives and false/true negatives (counts of people). */
export interface DtaStudy {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** What a DtaInputError is about: a 2×2 cell, an empty margin (diseased tp + fn, non-diseased tn + fp), the list of studies, or the CI level. */
export type DtaField = 'tp' | 'fp' | 'fn' | 'tn' | 'diseased' | 'nonDiseased' | 'studies' | 'level';

/** Thrown for an unusable 2×2 table; `index` is the study position and `field` the cell (or margin) at fault. */
export class DtaInputError extends PoolInputError {
  field: DtaField;
  constructor(message: string, field: DtaField, index?: number) {
    super(message, index);
    this.name = 'DtaInputError';
    this.field = field;
  }
}

/** The continuity correction: added to all four cells of a study that has a zero cell. */
export const DTA_CORRECTION = 0.5;

const CELLS = ['tp', 'fp', 'fn', 'tn'] as const;

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'number') return `not a number (${JSON.stringify(value)})`;
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/**
 * Checks 2×2 tables: a non-empty array; every cell a finite, non-negative whole number; at least one
 * person with the target condition (tp + fn > 0) and one without (tn + fp > 0) in every study. Throws a
 * `DtaInputError` naming the study index and the field.
 */
export function validateDtaStudies(studies: readonly DtaStudy[]): void {
  if (!Array.isArray(studies)) throw new DtaInputError('studies must be an array of 2×2 tables { tp, fp, fn, tn }', 'studies');
  if (studies.length === 0) throw new DtaInputError('no studies to pool: the list of 2×2 tables is empty', 'studies');
  studies.forEach((study, i) => {
    if (typeof study !== 'object' || study === null) {
      throw new DtaInputError(`study ${i} is ${describe(study)}: give an object { tp, fp, fn, tn }`, 'studies', i);
    }
    for (const cell of CELLS) {
      const value: unknown = study[cell];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new DtaInputError(`study ${i}: ${cell} is ${describe(value)}; every cell must be a finite count`, cell, i);
      }
      if (value < 0) throw new DtaInputError(`study ${i}: ${cell} is ${value}; counts cannot be negative`, cell, i);
      if (!Number.isInteger(value)) {
        throw new DtaInputError(`study ${i}: ${cell} is ${value}; counts must be whole numbers of people`, cell, i);
      }
    }
    if (study.tp + study.fn === 0) {
      throw new DtaInputError(`study ${i}: tp + fn = 0, so nobody had the target condition and sensitivity is undefined`, 'diseased', i);
    }
    if (study.tn + study.fp === 0) {
      throw new DtaInputError(`study ${i}: tn + fp = 0, so nobody was free of the target condition and specificity is undefined`, 'nonDiseased', i);
    }
  });
}

/** Per-study logits and their within-study variances (after the correction), as metafor's escalc(measure = "PLO"). */
export interface DtaLogits {
  /** logit(tp / (tp + fn)) per study. */
  logitSens: number[];
  /** 1/tp + 1/fn per study. */
  varLogitSens: number[];
  /** logit(tn / (tn + fp)) per study. */
  logitSpec: number[];
  /** 1/tn + 1/fp per study. */
  varLogitSpec: number[];
  /** Whether the study had a zero cell and got 0.5 added to all four cells. */
  corrected: boolean[];
}

/**
 * Logit sensitivity and specificity with variances 1/tp + 1/fn and 1/tn + 1/fp, after adding 0.5 to all
 * four cells of each study that has any zero cell (studies without a zero cell are left alone). Call
 * `validateDtaStudies` first.
 */
export function dtaLogits(studies: readonly DtaStudy[]): DtaLogits {
  const out: DtaLogits = { logitSens: [], varLogitSens: [], logitSpec: [], varLogitSpec: [], corrected: [] };
  for (const s of studies) {
    const zero = s.tp === 0 || s.fp === 0 || s.fn === 0 || s.tn === 0;
    const add = zero ? DTA_CORRECTION : 0;
    const tp = s.tp + add;
    const fp = s.fp + add;
    const fn = s.fn + add;
    const tn = s.tn + add;
    out.logitSens.push(Math.log(tp / fn));
    out.varLogitSens.push(1 / tp + 1 / fn);
    out.logitSpec.push(Math.log(tn / fp));
    out.varLogitSpec.push(1 / tn + 1 / fp);
    out.corrected.push(zero);
  }
  return out;
}

/** The logistic function 1/(1 + e^−x), the inverse of the logit. */
export function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
