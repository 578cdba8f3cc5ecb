/** Public API of the meta-analysis library: pooling, tau² estimators, the bivariate DTA model, distributions and scale transforms. */
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
export { DTA_CORRECTION, DtaInputError, dtaLogits, expit, validateDtaStudies } from './dta-input.ts';
export type { DtaField, DtaLogits, DtaStudy } from './dta-input.ts';
export { BIVARIATE_MAX_ITER, BIVARIATE_TOL, RHO_BOUNDARY, bivariateLogLik, poolBivariate } from './bivariate.ts';
export type { BivariateBoundary, BivariateOptions, BivariateResult } from './bivariate.ts';
export { confidenceRegion, ellipseRadius, logitEllipse, predictionRegion, toRoc } from './bivariate-regions.ts';
export type { LogitPoint, RegionFit, RegionOptions, RocPoint } from './bivariate-regions.ts';
export { hsrocParameters, srocCurve, srocSensitivity } from './bivariate-sroc.ts';
export type { HsrocParameters, SrocFit, SrocOptions } from './bivariate-sroc.ts';
export { dtaRatios } from './bivariate-ratios.ts';
export type { DtaRatios, RatioEstimate, RatioFit } from './bivariate-ratios.ts';
export { DTA_MIN_STUDIES, DTA_RHO_LIMIT, poolDta } from './dta.ts';
export type { DtaFallbackReason, DtaPooled } from './dta.ts';
export { add2, chol2, det2, inv2, mul2, mulVec2, quad2, sym2, tr2, trMul2 } from './mat2.ts';
export type { Mat2, Vec2 } from './mat2.ts';
export { bivariateRScript } from './bivariate-r.ts';
export type { BivariateRScriptOptions } from './bivariate-r.ts';
