/** Public API of the meta-analysis library: pooling, tau² estimators, distributions and scale transforms. */
export { pool } from './pool.ts';
export { dlTau2 } from './dl.ts';
export { remlTau2, heTau2, remlLogLik, REML_TOL, REML_MAX_ITER } from './reml.ts';
export { heterogeneity } from './heterogeneity.ts';
export type { Heterogeneity } from './heterogeneity.ts';
export { inverseVarianceWeights, weightedMean, weightedRss, projectionTraces } from './weights.ts';
export { PoolInputError, validatePoolInput } from './validate.ts';
export { pnorm, qnorm, dt, pt, qt, pchisq } from './distributions.ts';
export { logGamma, logBeta, regularizedGamma, regularizedBeta } from './special.ts';
export {
  MEASURE_SCALES,
  TransformError,
  scaleFor,
  toScale,
  fromScale,
  zCrit,
  effectFromCI,
  tryEffectFromCI,
  ciFromEffect,
  backTransformPooled,
} from './transform.ts';
export type { Scale, Unit, ScaledMeasure, TransformErrorCode, ReportedEffect, ScaledEffect } from './transform.ts';
export type { EffectData, PoolMethod, PoolOptions, PoolResult, PoolTest, Tau2Fit } from './types.ts';
