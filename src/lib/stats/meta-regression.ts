/**
 * Mixed-effects meta-regression yᵢ = xᵢᵀβ + uᵢ + εᵢ, uᵢ ~ N(0, tau²), εᵢ ~ N(0, vᵢ), with tau² by REML,
 * as metafor's rma(yi, vi, mods = X, intercept = FALSE, method = "REML", test = "z" | "knha").
 */
import { pchisq, pf, pnorm, pt, qnorm } from './distributions.ts';
import { knappHartung } from './knapp-hartung.ts';
import { cholInverse, cholSolve, cholesky } from './linalg.ts';
import type { Matrix } from './linalg.ts';
import { isInterceptColumn, validateMetaRegressionInput } from './meta-regression-input.ts';
import type { MetaRegressionData, MetaRegressionOptions } from './meta-regression-input.ts';
import { REML_MAX_ITER, REML_TOL } from './reml.ts';
import { remlTau2X } from './reml-design.ts';
import type { PoolTest } from './types.ts';
import { dot, hatRows, projectionTracesX, weightedFit } from './weighted-fit.ts';

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

/** Coefficients at tau² by weighted least squares, their covariance (Knapp–Hartung-scaled for 'knha'), SEs, tests and the critical value. */
function coefficients(
  yi: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  tau2: number,
  test: PoolTest,
  level: number,
  warnings: string[],
) {
  const w = vi.map((v) => 1 / (v + tau2));
  const wf = weightedFit(X, w, yi);
  let vb = cholInverse(wf.L);
  const { trPP } = projectionTracesX(w, hatRows(X, w, wf.L));
  let df: number | undefined;
  const alpha = 1 - level;
  let crit = qnorm(1 - alpha / 2);
  if (test === 'knha') {
    const kh = knappHartung(wf.rss, yi.length - (X[0] as readonly number[]).length, level);
    if (kh.scale === 0) warnings.push('the model fits the estimates exactly: the Knapp-Hartung factor is 0, so the intervals have zero width');
    vb = vb.map((row) => row.map((v) => v * kh.scale));
    df = kh.df;
    crit = kh.crit;
  }
  const se = vb.map((row, j) => Math.sqrt(row[j] as number));
  const stat = wf.beta.map((b, j) => b / (se[j] as number));
  const pval = stat.map((s) => (df === undefined ? 2 * pnorm(-Math.abs(s)) : 2 * pt(-Math.abs(s), df)));
  return { beta: wf.beta, vb, se, stat, pval, df, crit, tau2Se: Math.sqrt(2 / trPP) };
}

/** The coefficients QM tests (all but the intercept columns, unless X is intercept-only or has none), and whether X has an intercept. */
function testedCoefficients(X: readonly (readonly number[])[]): { btt: number[]; interceptIncluded: boolean } {
  const p = (X[0] as readonly number[]).length;
  const all = Array.from({ length: p }, (_, j) => j);
  const intercepts = all.filter((j) => isInterceptColumn(X.map((r) => r[j] as number)));
  const interceptIncluded = intercepts.length > 0;
  const btt = p > 1 && interceptIncluded ? all.filter((j) => !intercepts.includes(j)) : all;
  return { btt, interceptIncluded };
}

/** Omnibus test of the `btt` coefficients: Wald χ² on m df, or (with t df) QM/m against F on (m, df). */
function omnibusTest(beta: readonly number[], vb: Matrix, btt: readonly number[], df: number | undefined, warnings: string[]) {
  const m = btt.length;
  let QM = Number.NaN;
  try {
    const sub = btt.map((r) => btt.map((c) => (vb[r] as number[])[c] as number));
    const bb = btt.map((j) => beta[j] as number);
    QM = dot(bb, cholSolve(cholesky(sub), bb));
  } catch {
    warnings.push('the covariance matrix of the tested coefficients is singular: QM cannot be computed');
  }
  if (df === undefined) return { QM, QMdf: [m] as [number], QMp: pchisq(QM, m, false) };
  QM /= m;
  return { QM, QMdf: [m, df] as [number, number], QMp: pf(QM, m, df, false) };
}

/** The test for residual heterogeneity (weights 1/vᵢ, centred y) and metafor's typical within-study variance vt. */
function residualHeterogeneity(ymc: readonly number[], vi: readonly number[], X: readonly (readonly number[])[]) {
  const wFE = vi.map((v) => 1 / v);
  const fe = weightedFit(X, wFE, ymc);
  const QE = Math.max(0, fe.rss);
  const QEdf = vi.length - (X[0] as readonly number[]).length;
  const { trP: trPFE } = projectionTracesX(wFE, hatRows(X, wFE, fe.L));
  return { QE, QEdf, QEp: pchisq(QE, QEdf, false), vt: QEdf / trPFE };
}

/** Pseudo-R² against the intercept-only model's REML tau² (nothing, with a warning, when that does not converge). */
function pseudoR2(ymc: readonly number[], vi: readonly number[], tau2: number, tol: number, maxIter: number, warnings: string[]): { R2?: number; tau2Intercept?: number } {
  const null0 = remlTau2X(ymc, vi, vi.map(() => [1]), tol, maxIter);
  if (!null0.converged) {
    warnings.push('REML did not converge for the model without moderators: R² is not available');
    return {};
  }
  const tau2Intercept = null0.tau2;
  const R2 = tau2Intercept === 0 ? 0 : Math.max(0, 100 * ((tau2Intercept - tau2) / tau2Intercept)); // metafor's order of operations
  return { R2, tau2Intercept };
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
  const c = coefficients(yi, vi, X, tau2, test, level, warnings);
  const { btt, interceptIncluded } = testedCoefficients(X);
  const qm = omnibusTest(c.beta, c.vb, btt, c.df, warnings);
  const residual = residualHeterogeneity(ymc, vi, X);
  const r2 = interceptIncluded && p > 1 ? pseudoR2(ymc, vi, tau2, tol, maxIter, warnings) : {};

  return {
    method: 'REML',
    test,
    level,
    k,
    p,
    names,
    beta: c.beta,
    se: c.se,
    ...(c.df === undefined ? { zval: c.stat } : { tval: c.stat, df: c.df }),
    pval: c.pval,
    ciLow: c.beta.map((b, j) => b - c.crit * (c.se[j] as number)),
    ciHigh: c.beta.map((b, j) => b + c.crit * (c.se[j] as number)),
    vb: c.vb,
    tau2,
    tau2Se: c.tau2Se,
    tau: Math.sqrt(tau2),
    btt,
    ...qm,
    ...residual,
    I2: (100 * tau2) / (residual.vt + tau2),
    H2: tau2 / residual.vt + 1,
    ...r2,
    converged: fit.converged,
    iterations: fit.iterations,
    warnings,
  };
}
