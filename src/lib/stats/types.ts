/** Shared types for the meta-analysis functions in this folder. */

/** Estimator of the between-study variance: equal-effects (tau² = 0), DerSimonian-Laird or REML. */
export type PoolMethod = 'EE' | 'DL' | 'REML';

/** Inference for the pooled estimate: normal (Wald z) or Knapp-Hartung t on k − 1 df. */
export type PoolTest = 'z' | 'knha';

/** Effect sizes on the analysis scale and their sampling variances, one pair per study. */
export interface EffectData {
  yi: readonly number[];
  vi: readonly number[];
}

/** Options for `pool`; `level` is a fraction (0.95), `tol`/`maxIter` tune the REML iterations. */
export interface PoolOptions {
  method: PoolMethod;
  test?: PoolTest;
  level?: number;
  tol?: number;
  maxIter?: number;
}

/** An estimate of tau² with its standard error and, for iterative estimators, convergence facts. */
export interface Tau2Fit {
  tau2: number;
  se: number | undefined;
  converged: boolean;
  iterations: number;
  warnings: string[];
}

/** A pooled result with the fields and conventions metafor prints (I², H² and weights in percent). */
export interface PoolResult {
  k: number;
  method: PoolMethod;
  /** The test actually used (k = 1 falls back from 'knha' to 'z'). */
  test: PoolTest;
  level: number;
  estimate: number;
  se: number;
  /** Wald z statistic (test 'z'). */
  zval?: number;
  /** t statistic on `df` degrees of freedom (test 'knha'). */
  tval?: number;
  /** Degrees of freedom of the t distribution (test 'knha'). */
  df?: number;
  pval: number;
  ciLow: number;
  ciHigh: number;
  tau2: number;
  tau2Se?: number;
  tau: number;
  /** metafor's "typical" within-study variance (k − 1)·Σw / ((Σw)² − Σw²) with w = 1/vi. */
  vt: number;
  I2: number;
  H2: number;
  Q: number;
  QDf: number;
  QPval: number;
  piLow: number;
  piHigh: number;
  /** Percent weight of each study, 100·wᵢ/Σw with wᵢ = 1/(vᵢ + tau²). */
  weights: number[];
  converged?: boolean;
  iterations?: number;
  warnings: string[];
}
