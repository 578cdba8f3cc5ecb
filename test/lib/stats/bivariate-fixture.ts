/** The metafor reference cases of test/fixtures/stats/bivariate-metafor.json (written by scripts/r/bivariate-reference.R). */
import type { DtaStudy } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';

interface Ratio {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  seLog: number;
}

/** One data set's metafor fit and the derived quantities the R script computed from it. */
export interface BivariateCase {
  dataset: string;
  note: string;
  /** A constructed case whose REML maximum has a τ² at 0 (metafor's optimiser result kept unpolished; no derived values). */
  boundary: boolean;
  k: number;
  tp: number[];
  fp: number[];
  fn: number[];
  tn: number[];
  yi: number[];
  vi: number[];
  logitSens: number;
  logitSpec: number;
  seLogitSens: number;
  seLogitSpec: number;
  covLogit: [[number, number], [number, number]];
  sens: number;
  sensCi: [number, number];
  spec: number;
  specCi: [number, number];
  tau2Sens: number;
  tau2Spec: number;
  rho: number;
  logLik: number;
  rWarnings: string[];
  metaforOptimiser: { logitSens: number; logitSpec: number; tau2Sens: number; tau2Spec: number; rho: number; logLik: number };
  derived: {
    // empty ({}) for boundary cases
    hsroc: { Lambda: number; Theta: number; beta: number; sigma2alpha: number; sigma2theta: number };
    sroc: { fpr: number[]; sens: number[] };
    ratios: { lrPos: Ratio; lrNeg: Ratio; dor: Ratio };
    confidenceEllipse: { logitSens: number[]; logitSpec: number[] };
    predictionEllipse: { logitSens: number[]; logitSpec: number[] };
  };
}

/** All reference cases. */
export const bivariateCases: BivariateCase[] = loadFixture<{ cases: BivariateCase[] }>('bivariate-metafor.json').cases;

/** A case's 2×2 tables. */
export function studiesOf(c: BivariateCase): DtaStudy[] {
  return c.tp.map((tp, i) => ({ tp, fp: c.fp[i] as number, fn: c.fn[i] as number, tn: c.tn[i] as number }));
}

/** |actual − expected| / |expected| (absolute when expected is 0). */
export function relDiff(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
