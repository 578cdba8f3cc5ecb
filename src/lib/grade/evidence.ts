/**
 * What the GRADE suggestions read from a synthesis, in a shape independent of the pages: the
 * pooled result of a univariate measure or the DTA summary, each pooled study's weight and
 * overall risk of bias, and the data the small-study tests need. Built from the site's syntheses
 * by src/lib/grade/summary-of-findings.ts; tests build it by hand.
 */
import type { Measure } from '../schema/index.ts';
import type { DomainJudgement, GradeDomain } from '../schema/grade.ts';
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { DtaStudy } from '../stats/dta-input.ts';

/** A pooled study as the risk-of-bias suggestion sees it: its weight (percent or any positive number) and overall risk. */
export interface WeightedStudy {
  slug: string;
  weight: number;
  rob: RobLevel;
}

/** A univariate pooled measure on the reported (display) scale. */
export interface UnivariateEvidence {
  kind: 'univariate';
  measure: Measure;
  k: number;
  level: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  I2: number;
  tau2: number;
  studies: WeightedStudy[];
  /** The pooled studies' effects and variances on the pooling scale (for Egger's test). */
  yi: number[];
  vi: number[];
}

/** One accuracy measure of a DTA summary: the estimate and CI (0–1) and, on the logit scale, the estimate, its SE and τ². */
export interface DtaMeasureEvidence {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  logit: number;
  se: number;
  tau2: number;
}

/** A DTA summary (bivariate, or the univariate fallback). */
export interface DtaEvidence {
  kind: 'dta';
  model: 'bivariate' | 'univariate';
  k: number;
  level: number;
  sens: DtaMeasureEvidence;
  spec: DtaMeasureEvidence;
  /** Every pooled study counts once (weight 1): the share of studies, not of weight, is reported. */
  studies: WeightedStudy[];
  /** The pooled 2×2 tables (for Deeks' test). */
  tables: DtaStudy[];
}

/** Either kind of evidence. */
export type Evidence = UnivariateEvidence | DtaEvidence;

/** The site's suggested judgement of one domain: null when the data cannot inform it, always with a reason sentence. */
export interface Suggestion {
  domain: GradeDomain;
  judgement: DomainJudgement | null;
  reason: string;
}
