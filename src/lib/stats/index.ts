/** Public API of the meta-analysis library: pooling, tau² estimators, meta-regression, subgroups, small-study tests, the bivariate DTA model, distributions and scale transforms. */
export { pool } from './pool.ts';
export { dlTau2 } from './dl.ts';
export { remlTau2, remlLogLik, REML_TOL, REML_MAX_ITER } from './reml.ts';
export { heTau2 } from './he.ts';
export { heterogeneity } from './heterogeneity.ts';
export type { Heterogeneity } from './heterogeneity.ts';
export { inverseVarianceWeights, weightedMean, weightedRss, projectionTraces } from './weights.ts';
export { PoolInputError, validatePoolInput } from './validate.ts';
export { pnorm, qnorm, dt, pt, qt, pchisq, pf } from './distributions.ts';
export { logGamma, logBeta, regularizedGamma, regularizedBeta } from './special.ts';
export {
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
export type { Scale, Unit, TransformErrorCode, ReportedEffect, ScaledEffect } from './transform.ts';
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
export { metaRegression } from './meta-regression.ts';
export type { MetaRegressionResult } from './meta-regression.ts';
export { MetaRegressionError, isInterceptColumn, validateMetaRegressionInput } from './meta-regression-input.ts';
export type { MetaRegressionData, MetaRegressionErrorCode, MetaRegressionOptions } from './meta-regression-input.ts';
export { DesignMatrixError, designMatrix, sortLevels } from './design-matrix.ts';
export type { DesignMatrix, DesignMatrixErrorCode, DesignTerm, ModeratorSpec } from './design-matrix.ts';
export { subgroupAnalysis } from './subgroups.ts';
export type { SubgroupAnalysis, SubgroupBetweenTest, SubgroupData, SubgroupEstimate, SubgroupModeratorTest, SubgroupOptions } from './subgroups.ts';
export { eggerTest } from './egger.ts';
export type { EggerOptions, EggerResult } from './egger.ts';
export { deeksTest } from './deeks.ts';
export type { DeeksOptions, DeeksResult } from './deeks.ts';
export { SMALL_STUDY_MIN_STUDIES, resolveMinStudies, tooFewStudies } from './small-study.ts';
export type { TooFewStudies } from './small-study.ts';
export { weightedLm } from './weighted-lm.ts';
export type { WeightedLmFit } from './weighted-lm.ts';
export {
  NotPositiveDefiniteError,
  RANK_TOL,
  backSolve,
  cholInverse,
  cholLogDet,
  cholSolve,
  cholesky,
  findCollinearColumn,
  forwardSolve,
} from './linalg.ts';
export type { CollinearColumn, Matrix } from './linalg.ts';
