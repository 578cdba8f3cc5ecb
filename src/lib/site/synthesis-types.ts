/** The shapes of a per-outcome synthesis: its input rows, plotted rows, pooled summary and options (shared by synthesis.ts and synthesis-rows.ts). */
import type { Measure } from '../schema/index.ts';
import type { EstimateRow, StudyRow } from '../schema/tables.ts';
import type { PoolMethod, PoolTest, Scale } from '../stats/index.ts';

/** The estimate fields a synthesis needs: columns of the estimates table plus the study's title and status. */
export type SynthesisInput = Pick<EstimateRow, 'estimate_id' | 'slug' | 'outcome' | 'label' | 'measure' | 'value' | 'ci_low' | 'ci_high' | 'ci_level' | 'unit' | 'needs_review'> &
  Pick<StudyRow, 'title' | 'status'>;

/** One plotted estimate on the display scale (percent converted to proportion), with its pooling data. */
export interface SynthesisRow {
  estimateId: string;
  slug: string;
  title: string;
  label: string;
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  yi: number | null;
  vi: number | null;
  /** Percent weight in the pooled estimate, or null when not pooled. */
  weight: number | null;
  /** Why the row is not in the pooled estimate, or null when it is. */
  notPooled: string | null;
}

/** The pooled estimate back on the display scale, with heterogeneity. */
export interface PooledSummary {
  k: number;
  method: PoolMethod;
  test: PoolTest;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  tau2: number;
  I2: number;
  H2: number;
  Q: number;
  QPval: number;
  pval: number;
  scale: Scale;
  /** The pooled estimate and its standard error on the pooling scale (as metafor's coef() and se). */
  yi: number;
  sei: number;
  warnings: string[];
}

/** One forest plot: an outcome × measure with its rows and pooled result. */
export interface OutcomeSynthesis {
  outcome: string;
  measure: Measure;
  rows: SynthesisRow[];
  pooled: PooledSummary | null;
  studies: number;
}

/** Options: the estimator and test (site default REML with Knapp-Hartung), and the CI level. */
export interface SynthesisOptions {
  method?: PoolMethod;
  test?: PoolTest;
  level?: number;
}
