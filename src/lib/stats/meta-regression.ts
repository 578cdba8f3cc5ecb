/**
 * Mixed-effects meta-regression yᵢ = xᵢᵀβ + uᵢ + εᵢ, uᵢ ~ N(0, tau²), εᵢ ~ N(0, vᵢ), with tau² by REML,
 * as metafor's rma(yi, vi, mods = X, intercept = FALSE, method = "REML", test = "z" | "knha").
 */
import { pchisq, pf, pnorm, pt, qnorm, qt } from './distributions.ts';
import {
  cholInverse,
  cholLogDet,
  cholSolve,
  cholesky,
  crossprodWeighted,
  crossprodWeightedVec,
  forwardSolve,
  matVec,
} from './linalg.ts';
import type { Matrix } from './linalg.ts';
import { isInterceptColumn, validateMetaRegressionInput } from './meta-regression-input.ts';
import type { MetaRegressionData, MetaRegressionOptions } from './meta-regression-input.ts';
import { REML_MAX_ITER, REML_TOL } from './reml.ts';
import type { PoolTest } from './types.ts';

/** metafor's `.Machine$double.eps^0.25`, the margin of its "tau² = 0 has higher likelihood" check. */
const LL0_TOL = 2 ** -13;

/** A fitted meta-regression with metafor's quantities under metafor's names (I², H², R² in percent). */
export interface MetaRegressionResult {
  method: 'REML';
  /** The test used: 'z' (normal, χ² for QM) or 'knha' (Knapp–Hartung: t on k − p df, F for QM). */
  test: PoolTest;
  level: number;
  /** Number of studies and of coefficients (columns of X). */
  k: number;
  p: number;
  /** Column names of X, in order (one per coefficient). */
  names: string[];
  beta: number[];
  se: number[];
  /** Wald z per coefficient (test 'z'). */
  zval?: number[];
  /** t per coefficient on `df` degrees of freedom (test 'knha'). */
  tval?: number[];
  /** k − p (test 'knha'). */
  df?: number;
  pval: number[];
  ciLow: number[];
  ciHigh: number[];
  /** Covariance matrix of beta (scaled by the Knapp–Hartung factor for 'knha'). */
  vb: number[][];
  /** Residual between-study variance, its SE sqrt(2/tr(P²)), and sqrt(tau²). */
  tau2: number;
  tau2Se: number;
  tau: number;
  /** 0-based indices of the coefficients QM tests: all but the intercept column (all of them if X has none, or only it). */
  btt: number[];
  /** Omnibus test of the `btt` coefficients: Wald χ² on m df ('z'), or that divided by m, F on (m, k − p) ('knha'). */
  QM: number;
  /** [m] for 'z' (metafor's c(m, NA)); [m, k − p] for 'knha'. */
  QMdf: [number] | [number, number];
  QMp: number;
  /** Test for residual heterogeneity: QE with weights 1/vᵢ on k − p df. */
  QE: number;
  QEdf: number;
  QEp: number;
  /** metafor's typical within-study variance (k − p)/tr(P) with P from weights 1/vᵢ. */
  vt: number;
  I2: number;
  H2: number;
  /**
   * Pseudo-R² (percent): max(0, 100·(tau²₀ − tau²)/tau²₀) with tau²₀ the REML tau² of the model without
   * moderators; 0 when tau²₀ = 0. Undefined, as metafor's NULL, when X has no intercept column or is
   * intercept-only.
   */
  R2?: number;
  /** tau²₀, the REML tau² of the intercept-only model R² compares against (when R² is computed). */
  tau2Intercept?: number;
  converged: boolean;
  iterations: number;
  warnings: string[];
}

/** Weighted least-squares pieces at weights w: Cholesky factor of XᵀWX, coefficients, residuals and the rows of W^½XL⁻ᵀ. */
function weightedFit(X: readonly (readonly number[])[], w: readonly number[], y: readonly number[]) {
  const L = cholesky(crossprodWeighted(X, w));
  const beta = cholSolve(L, crossprodWeightedVec(X, w, y));
  const fitted = matVec(X, beta);
  const residuals = y.map((yi, i) => yi - (fitted[i] as number));
  let rss = 0;
  for (let i = 0; i < y.length; i++) rss += (w[i] as number) * (residuals[i] as number) ** 2;
  return { L, beta, residuals, rss };
}

/** Rows zᵢ = √wᵢ·L⁻¹xᵢ, so that the hat matrix of the weighted fit is H = Z·Zᵀ. */
function hatRows(X: readonly (readonly number[])[], w: readonly number[], L: Matrix): number[][] {
  return X.map((xi, i) => {
    const s = Math.sqrt(w[i] as number);
    return forwardSolve(L, xi).map((e) => e * s);
  });
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Traces of P = W − WX(XᵀWX)⁻¹XᵀW and of P², summed as non-negative terms:
 * tr P = Σwᵢ(1 − hᵢᵢ), tr P² = Σᵢⱼ wᵢwⱼ(δᵢⱼ − hᵢⱼ)².
 */
function projectionTracesX(w: readonly number[], z: readonly (readonly number[])[]): { trP: number; trPP: number } {
  const k = w.length;
  let trP = 0;
  let trPP = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i] as number;
    const zi = z[i] as readonly number[];
    const di = wi * (1 - dot(zi, zi));
    trP += di;
    trPP += di * di;
    for (let j = i + 1; j < k; j++) {
      const hij = dot(zi, z[j] as readonly number[]);
      trPP += 2 * wi * (w[j] as number) * hij * hij;
    }
  }
  return { trP, trPP };
}

/** REML log-likelihood up to a constant: −½Σlog(vᵢ + tau²) − ½log det(XᵀWX) − ½·RSS (metafor's ll0 check). */
function remlLogLikX(y: readonly number[], vi: readonly number[], X: readonly (readonly number[])[], tau2: number): number {
  const w = vi.map((v) => 1 / (v + tau2));
  const { L, rss } = weightedFit(X, w, y);
  let sumLogV = 0;
  for (const v of vi) sumLogV += Math.log(v + tau2);
  return -0.5 * (sumLogV + cholLogDet(L) + rss);
}

/** metafor's HE starting value (RSS − tr(PV))/(k − p) with the unweighted projection, floored at 0. */
function heStart(y: readonly number[], vi: readonly number[], X: readonly (readonly number[])[]): number {
  const ones = vi.map(() => 1);
  const { L, rss } = weightedFit(X, ones, y);
  const z = hatRows(X, ones, L);
  let trPV = 0;
  for (let i = 0; i < vi.length; i++) trPV += (vi[i] as number) * (1 - dot(z[i] as number[], z[i] as number[]));
  return Math.max(0, (rss - trPV) / (vi.length - (X[0] as readonly number[]).length));
}

interface ScoringRun {
  tau2: number;
  converged: boolean;
  iterations: number;
  change: number;
  brokeDown: boolean;
}

/** metafor's Fisher-scoring loop (rma.uni, REML) with step multiplier `stepAdj`; stops failing once iterations exceed `maxIter`. */
function fisherScoring(
  y: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  tol: number,
  maxIter: number,
  stepAdj: number,
): ScoringRun {
  let tau2 = heStart(y, vi, X);
  let iterations = 0;
  let change = Infinity;
  while (change > tol) {
    iterations++;
    const w = vi.map((v) => 1 / (v + tau2));
    const { L, residuals } = weightedFit(X, w, y);
    let yPPy = 0;
    for (let i = 0; i < y.length; i++) yPPy += ((w[i] as number) * (residuals[i] as number)) ** 2;
    const { trP, trPP } = projectionTracesX(w, hatRows(X, w, L));
    let step = ((yPPy - trP) / trPP) * stepAdj;
    if (!Number.isFinite(step)) return { tau2, converged: false, iterations, change, brokeDown: true };
    while (tau2 + step < 0) step /= 2; // from tau² = 0 a negative step halves to −0
    const next = tau2 + step;
    change = Math.abs(next - tau2);
    tau2 = next;
    if (iterations > maxIter) return { tau2, converged: false, iterations, change, brokeDown: false };
  }
  return { tau2, converged: true, iterations, change, brokeDown: false };
}

/** REML tau² for design X (y centred, as metafor), with metafor's fallback to half steps and its ll0 check. */
function remlTau2X(
  y: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  tol: number,
  maxIter: number,
): { tau2: number; converged: boolean; iterations: number; warnings: string[] } {
  const warnings: string[] = [];
  let run = fisherScoring(y, vi, X, tol, maxIter, 1);
  if (!run.converged) {
    const first = run;
    run = fisherScoring(y, vi, X, tol, 10 * maxIter, 0.5);
    const why = first.brokeDown ? 'broke down (non-finite step)' : `did not converge in ${maxIter} iterations`;
    warnings.push(
      run.converged
        ? `REML Fisher scoring ${why}; converged with half steps (metafor: control = list(stepadj = 0.5, maxiter = ${10 * maxIter}))`
        : `REML Fisher scoring ${why}, nor with half steps in ${10 * maxIter} (last change in tau² ${run.change.toExponential(2)}); tau² is unreliable`,
    );
    run = { ...run, iterations: first.iterations + run.iterations };
  }
  let tau2 = run.tau2;
  if (run.converged && tau2 > tol && remlLogLikX(y, vi, X, 0) - remlLogLikX(y, vi, X, tau2) > LL0_TOL) {
    warnings.push('REML Fisher scoring may have stopped at a local maximum; tau² set to 0 (higher likelihood)');
    tau2 = 0;
  }
  return { tau2: Math.max(0, tau2), converged: run.converged, iterations: run.iterations, warnings };
}

/**
 * Fits the mixed-effects meta-regression of yᵢ on the rows of X (intercept column included, as
 * metafor's `mods = X, intercept = FALSE`) with tau² by REML, following metafor 3.8's rma.uni:
 * Fisher scoring from the HE estimate (|Δtau²| ≤ `tol`, default 1e-5, within `maxIter` = 100 steps;
 * on failure half steps, as `pool`), tau² = 0 when that has the higher restricted likelihood; β by
 * weighted least squares with wᵢ = 1/(vᵢ + tau²), vb = (XᵀWX)⁻¹. Test 'knha' multiplies vb by
 * Σwᵢrᵢ²/(k − p) (0 when that sum ≤ machine epsilon), uses t on k − p df, and reports QM/m with F on
 * (m, k − p) df. QE, I², H² and R² as documented on `MetaRegressionResult`. As metafor, yᵢ are centred
 * for the tau² estimation and QE (no effect when X has an intercept column). Throws a
 * `MetaRegressionError` for malformed or non-finite input, k ≤ p, a constant moderator column or a
 * collinear X (naming the column).
 */
export function metaRegression(data: MetaRegressionData, options: MetaRegressionOptions = {}): MetaRegressionResult {
  const { test, level, names } = validateMetaRegressionInput(data, options);
  const tol = options.tol ?? REML_TOL;
  const maxIter = options.maxIter ?? REML_MAX_ITER;
  const { yi, vi, X } = data;
  const k = yi.length;
  const p = (X[0] as readonly number[]).length;
  const mean = yi.reduce((s, y) => s + y, 0) / k;
  const ymc = yi.map((y) => y - mean);

  const fit = remlTau2X(ymc, vi, X, tol, maxIter);
  const warnings = [...fit.warnings];
  const { tau2 } = fit;

  // Coefficients and their covariance at the estimated tau².
  const w = vi.map((v) => 1 / (v + tau2));
  const wf = weightedFit(X, w, yi);
  let vb = cholInverse(wf.L);
  const { beta } = wf;
  const { trPP } = projectionTracesX(w, hatRows(X, w, wf.L));
  const tau2Se = Math.sqrt(2 / trPP);
  const alpha = 1 - level;
  let df: number | undefined;
  let crit = qnorm(1 - alpha / 2);
  if (test === 'knha') {
    const scale = wf.rss <= Number.EPSILON ? 0 : wf.rss / (k - p);
    if (scale === 0) warnings.push('the model fits the estimates exactly: the Knapp-Hartung factor is 0, so the intervals have zero width');
    vb = vb.map((row) => row.map((v) => v * scale));
    df = k - p;
    crit = qt(1 - alpha / 2, df);
  }
  const se = vb.map((row, j) => Math.sqrt(row[j] as number));
  const stat = beta.map((b, j) => b / (se[j] as number));
  const pval = stat.map((s) => (df === undefined ? 2 * pnorm(-Math.abs(s)) : 2 * pt(-Math.abs(s), df)));

  // Omnibus test of the moderators.
  const intercepts = Array.from({ length: p }, (_, j) => j).filter((j) => isInterceptColumn(X.map((r) => r[j] as number)));
  const interceptIncluded = intercepts.length > 0;
  const btt = p > 1 && interceptIncluded ? Array.from({ length: p }, (_, j) => j).filter((j) => !intercepts.includes(j)) : Array.from({ length: p }, (_, j) => j);
  const m = btt.length;
  let QM = Number.NaN;
  try {
    const sub = btt.map((r) => btt.map((c) => (vb[r] as number[])[c] as number));
    const bb = btt.map((j) => beta[j] as number);
    QM = dot(bb, cholSolve(cholesky(sub), bb));
  } catch {
    warnings.push('the covariance matrix of the tested coefficients is singular: QM cannot be computed');
  }
  let QMdf: [number] | [number, number];
  let QMp: number;
  if (df === undefined) {
    QMdf = [m];
    QMp = pchisq(QM, m, false);
  } else {
    QM /= m;
    QMdf = [m, df];
    QMp = pf(QM, m, df, false);
  }

  // Residual heterogeneity (weights 1/vᵢ).
  const wFE = vi.map((v) => 1 / v);
  const fe = weightedFit(X, wFE, ymc);
  const QE = Math.max(0, fe.rss);
  const QEdf = k - p;
  const { trP: trPFE } = projectionTracesX(wFE, hatRows(X, wFE, fe.L));
  const vt = QEdf / trPFE;

  // Pseudo-R² against the model without moderators.
  let R2: number | undefined;
  let tau2Intercept: number | undefined;
  const interceptOnly = p === 1 && interceptIncluded;
  if (interceptIncluded && !interceptOnly) {
    const null0 = remlTau2X(ymc, vi, vi.map(() => [1]), tol, maxIter);
    if (null0.converged) {
      tau2Intercept = null0.tau2;
      R2 = tau2Intercept === 0 ? 0 : Math.max(0, 100 * ((tau2Intercept - tau2) / tau2Intercept)); // metafor's order of operations
    } else {
      warnings.push('REML did not converge for the model without moderators: R² is not available');
    }
  }

  return {
    method: 'REML',
    test,
    level,
    k,
    p,
    names,
    beta,
    se,
    ...(df === undefined ? { zval: stat } : { tval: stat, df }),
    pval,
    ciLow: beta.map((b, j) => b - crit * (se[j] as number)),
    ciHigh: beta.map((b, j) => b + crit * (se[j] as number)),
    vb,
    tau2,
    tau2Se,
    tau: Math.sqrt(tau2),
    btt,
    QM,
    QMdf,
    QMp,
    QE,
    QEdf,
    QEp: pchisq(QE, QEdf, false),
    vt,
    I2: (100 * tau2) / (vt + tau2),
    H2: tau2 / vt + 1,
    ...(R2 === undefined ? {} : { R2, tau2Intercept }),
    converged: fit.converged,
    iterations: fit.iterations,
    warnings,
  };
}
