/**
 * The bivariate random-effects model of Reitsma et al. (2005) for diagnostic accuracy: study i's
 * (logit sensitivity, logit specificity) yᵢ ~ N(μ, Σ + Sᵢ), Sᵢ = diag(1/tp + 1/fn, 1/tn + 1/fp), Σ
 * unstructured (τ²_sens, τ²_spec, ρ), fitted by REML as metafor's
 * rma.mv(yi, V, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML").
 */
import { qnorm } from './distributions.ts';
import { DtaInputError, dtaLogits, expit, validateDtaStudies } from './dta-input.ts';
import type { DtaLogits, DtaStudy } from './dta-input.ts';
import { mul2, sym2, trMul2 } from './mat2.ts';
import type { Mat2, Vec2 } from './mat2.ts';
import { remlTau2 } from './reml.ts';

/** Options for `poolBivariate`: CI `level` (fraction), convergence `tol` on the variance parameters, `maxIter`. */
export interface BivariateOptions {
  level?: number;
  tol?: number;
  maxIter?: number;
}

/** A variance parameter the REML maximum put on the edge of the parameter space. */
export type BivariateBoundary = 'tau2Sens' | 'tau2Spec' | 'rho';

/** The bivariate fit: pooled logits, their covariance, back-transformed summary point and Σ. */
export interface BivariateResult {
  k: number;
  level: number;
  logitSens: number;
  logitSpec: number;
  seLogitSens: number;
  seLogitSpec: number;
  /** Covariance matrix of (logitSens, logitSpec): [[var, cov], [cov, var]] (metafor's vcov(res)). */
  covLogit: [[number, number], [number, number]];
  sens: number;
  sensCi: [number, number];
  spec: number;
  specCi: [number, number];
  tau2Sens: number;
  tau2Spec: number;
  /** Between-study correlation of logit sensitivity and logit specificity (0 when a τ² is 0: not identified). */
  rho: number;
  /** Restricted log-likelihood with metafor's constant (logLik(res) of the rma.mv fit). */
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Variance parameters at the edge of their range (τ² = 0, |ρ| → 1). */
  boundary: BivariateBoundary[];
  /** The per-study logits and variances the model was fitted to (after the 0.5 correction). */
  data: DtaLogits;
  warnings: string[];
}

/** Default convergence threshold: the largest change of (log τ²_sens, log τ²_spec, atanh ρ) in a step. */
export const BIVARIATE_TOL = 1e-10;
/** Default cap on Fisher-scoring iterations. */
export const BIVARIATE_MAX_ITER = 200;
/** |ρ| beyond this is treated as the boundary ±1 (atanh ρ is then held fixed). */
export const RHO_BOUNDARY = 1 - 1e-12;
const PHI_RHO_MAX = Math.atanh(RHO_BOUNDARY);
/** τ² below this fraction of the median within-study variance is set to 0 (the boundary). */
const TAU2_FLOOR = 1e-12;
const LOG_2PI = Math.log(2 * Math.PI);

interface Pairs {
  y: Vec2[];
  s: Vec2[]; // within-study variances (sens, spec)
}

/** Free parameters φ = (log τ²_sens, log τ²_spec, atanh ρ) and which of them sit on the boundary. */
interface State {
  phi: [number, number, number];
  zero: [boolean, boolean]; // τ² fixed at 0
  rhoFixed: boolean;
}

function sigmaOf(st: State): { sigma: Mat2; derivs: Mat2[] } {
  const ta2 = st.zero[0] ? 0 : Math.exp(st.phi[0]);
  const tb2 = st.zero[1] ? 0 : Math.exp(st.phi[1]);
  const rho = Math.tanh(st.phi[2]);
  const tatb = Math.sqrt(ta2 * tb2);
  const c = rho * tatb;
  return {
    sigma: sym2(ta2, c, tb2),
    derivs: [sym2(ta2, c / 2, 0), sym2(0, c / 2, tb2), sym2(0, (1 - rho * rho) * tatb, 0)],
  };
}

function active(st: State): number[] {
  const a: number[] = [];
  if (!st.zero[0]) a.push(0);
  if (!st.zero[1]) a.push(1);
  if (!st.zero[0] && !st.zero[1] && !st.rhoFixed) a.push(2);
  return a;
}

interface Evaluation {
  ll: number;
  mu: Vec2;
  cov: Mat2;
  score: number[];
  info: number[][];
}

/**
 * Restricted log-likelihood at Σ(state) with μ profiled out by GLS, and (optionally) its score
 * ½(rᵀW DⱼW r − tr(P Dⱼ)) and expected information ½tr(P Dⱼ P Dₗ) in φ, where Dⱼ = ∂Σ/∂φⱼ and
 * P = W − W X H Xᵀ W, W = blockdiag(Vᵢ⁻¹), H = (XᵀWX)⁻¹; only 2×2 block sums are formed (O(k)), in
 * scalar arithmetic so that re-pooling 1,000 studies allocates nothing per study.
 */
function evaluate(p: Pairs, st: State, withDerivs: boolean): Evaluation {
  const k = p.y.length;
  const { sigma, derivs } = sigmaOf(st);
  const fit = glsFit(p, sigma);
  const { mu, H } = fit;
  // metafor's REML log-likelihood: −½(n − p)log 2π + ½log|XᵀX| − ½log|V| − ½log|XᵀV⁻¹X| − ½rᵀV⁻¹r, n = 2k, p = 2, |XᵀX| = k².
  const ll = -0.5 * (2 * k - 2) * LOG_2PI + Math.log(k) - 0.5 * fit.sumLogDetV - 0.5 * Math.log(fit.detS) - 0.5 * fit.rss;
  if (!withDerivs) return { ll, mu, cov: H, score: [], info: [] };
  const { score, info } = scoreAndInformation(H, derivs.length, derivativeSums(p, fit, derivs));
  return { ll, mu, cov: H, score, info };
}

/** The GLS fit at Σ: each study's W = Vᵢ⁻¹ (entries 00, 01, 11), H = (XᵀWX)⁻¹ with its determinant's inverse detS, μ̂, rᵀWr and Σlog|Vᵢ|. */
interface GlsFit {
  w00: Float64Array;
  w01: Float64Array;
  w11: Float64Array;
  detS: number;
  H: Mat2;
  mu: Vec2;
  rss: number;
  sumLogDetV: number;
}

/** μ profiled out by GLS at Σ = [[sa, sc], [sc, sd]] plus each study's within-study variances. */
function glsFit(p: Pairs, sigma: Mat2): GlsFit {
  const k = p.y.length;
  const [sa, sc, , sd] = sigma;
  const w00 = new Float64Array(k);
  const w01 = new Float64Array(k);
  const w11 = new Float64Array(k);
  let S00 = 0;
  let S01 = 0;
  let S11 = 0;
  let b0 = 0;
  let b1 = 0;
  let sumLogDetV = 0;
  for (let i = 0; i < k; i++) {
    const s = p.s[i] as Vec2;
    const y = p.y[i] as Vec2;
    const v00 = sa + s[0];
    const v11 = sd + s[1];
    const det = v00 * v11 - sc * sc;
    sumLogDetV += Math.log(det);
    const a = v11 / det;
    const c = -sc / det;
    const d = v00 / det;
    w00[i] = a;
    w01[i] = c;
    w11[i] = d;
    S00 += a;
    S01 += c;
    S11 += d;
    b0 += a * y[0] + c * y[1];
    b1 += c * y[0] + d * y[1];
  }
  const detS = S00 * S11 - S01 * S01;
  const H: Mat2 = [S11 / detS, -S01 / detS, -S01 / detS, S00 / detS];
  const mu: Vec2 = [H[0] * b0 + H[1] * b1, H[2] * b0 + H[3] * b1];
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const y = p.y[i] as Vec2;
    const r0 = y[0] - mu[0];
    const r1 = y[1] - mu[1];
    rss += (w00[i] as number) * r0 * r0 + 2 * (w01[i] as number) * r0 * r1 + (w11[i] as number) * r1 * r1;
  }
  return { w00, w01, w11, detS, H, mu, rss, sumLogDetV };
}

/** Sums over studies, per derivative Dⱼ (and pair j ≤ l): q = Σuᵀ Dⱼ u (u = W r), tr(W Dⱼ), G = Σ W Dⱼ W, T = Σ tr(W Dⱼ W Dₗ), M = Σ sym(W Dⱼ W Dₗ W). */
interface DerivativeSums {
  q: Float64Array;
  trWD: Float64Array;
  G: Float64Array;
  T: Float64Array;
  M: Float64Array;
}

/** The DerivativeSums at the GLS fit, one pass over the studies. */
function derivativeSums(p: Pairs, fit: GlsFit, derivs: readonly Mat2[]): DerivativeSums {
  const m = derivs.length;
  const sums: DerivativeSums = {
    q: new Float64Array(m),
    trWD: new Float64Array(m),
    G: new Float64Array(m * 3), // Σ W Dⱼ W (symmetric: 00, 01, 11)
    T: new Float64Array(m * m), // Σ tr(W Dⱼ W Dₗ)
    M: new Float64Array(m * m * 3), // Σ sym(W Dⱼ W Dₗ W)
  };
  const wd = new Float64Array(m * 4); // W Dⱼ of the current study (row-major)
  const { mu } = fit;
  for (let i = 0; i < p.y.length; i++) {
    const a = fit.w00[i] as number;
    const c = fit.w01[i] as number;
    const d = fit.w11[i] as number;
    const y = p.y[i] as Vec2;
    const r0 = y[0] - mu[0];
    const r1 = y[1] - mu[1];
    addFirstOrder(sums, wd, derivs, a, c, d, a * r0 + c * r1, c * r0 + d * r1);
    addSecondOrder(sums, wd, m, a, c, d);
  }
  return sums;
}

/** One study's terms of q, tr(W Dⱼ) and G (W = [[a, c], [c, d]], u = W r), leaving W Dⱼ in `wd`. */
function addFirstOrder(sums: DerivativeSums, wd: Float64Array, derivs: readonly Mat2[], a: number, c: number, d: number, u0: number, u1: number): void {
  const { q, trWD, G } = sums;
  for (let j = 0; j < derivs.length; j++) {
    const D = derivs[j] as Mat2;
    const p0 = D[0];
    const p1 = D[1];
    const p3 = D[3];
    q[j] = (q[j] as number) + u0 * (p0 * u0 + p1 * u1) + u1 * (p1 * u0 + p3 * u1);
    trWD[j] = (trWD[j] as number) + a * p0 + 2 * c * p1 + d * p3;
    const x00 = a * p0 + c * p1;
    const x01 = a * p1 + c * p3;
    const x10 = c * p0 + d * p1;
    const x11 = c * p1 + d * p3;
    wd[4 * j] = x00;
    wd[4 * j + 1] = x01;
    wd[4 * j + 2] = x10;
    wd[4 * j + 3] = x11;
    G[3 * j] = (G[3 * j] as number) + x00 * a + x01 * c;
    G[3 * j + 1] = (G[3 * j + 1] as number) + x00 * c + x01 * d;
    G[3 * j + 2] = (G[3 * j + 2] as number) + x10 * c + x11 * d;
  }
}

/** One study's terms of T and M from its W Dⱼ (in `wd`) and W = [[a, c], [c, d]]. */
function addSecondOrder(sums: DerivativeSums, wd: Float64Array, m: number, a: number, c: number, d: number): void {
  const { T, M } = sums;
  for (let j = 0; j < m; j++) {
    const x00 = wd[4 * j] as number;
    const x01 = wd[4 * j + 1] as number;
    const x10 = wd[4 * j + 2] as number;
    const x11 = wd[4 * j + 3] as number;
    for (let l = j; l < m; l++) {
      const z00 = wd[4 * l] as number;
      const z01 = wd[4 * l + 1] as number;
      const z10 = wd[4 * l + 2] as number;
      const z11 = wd[4 * l + 3] as number;
      // (W Dⱼ)(W Dₗ) and its trace, then times W
      const e00 = x00 * z00 + x01 * z10;
      const e01 = x00 * z01 + x01 * z11;
      const e10 = x10 * z00 + x11 * z10;
      const e11 = x10 * z01 + x11 * z11;
      T[j * m + l] = (T[j * m + l] as number) + e00 + e11;
      const f00 = e00 * a + e01 * c;
      const f01 = e00 * c + e01 * d;
      const f10 = e10 * a + e11 * c;
      const f11 = e10 * c + e11 * d;
      const o = 3 * (j * m + l);
      M[o] = (M[o] as number) + f00;
      M[o + 1] = (M[o + 1] as number) + 0.5 * (f01 + f10);
      M[o + 2] = (M[o + 2] as number) + f11;
    }
  }
}

/** Score ½(q − tr(P Dⱼ)) and expected information ½tr(P Dⱼ P Dₗ) from the sums, with P's H-terms. */
function scoreAndInformation(H: Mat2, m: number, sums: DerivativeSums): { score: number[]; info: number[][] } {
  const { q, trWD, G, T, M } = sums;
  const trH = (x00: number, x01: number, x11: number): number => H[0] * x00 + 2 * H[1] * x01 + H[3] * x11;
  const score: number[] = [];
  const HG: Mat2[] = [];
  for (let j = 0; j < m; j++) {
    const g00 = G[3 * j] as number;
    const g01 = G[3 * j + 1] as number;
    const g11 = G[3 * j + 2] as number;
    score.push(0.5 * ((q[j] as number) - ((trWD[j] as number) - trH(g00, g01, g11))));
    HG.push(mul2(H, [g00, g01, g01, g11]));
  }
  const info: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    for (let l = j; l < m; l++) {
      const o = 3 * (j * m + l);
      const v =
        0.5 * ((T[j * m + l] as number) - 2 * trH(M[o] as number, M[o + 1] as number, M[o + 2] as number) + trMul2(HG[j] as Mat2, HG[l] as Mat2));
      (info[j] as number[])[l] = v;
      (info[l] as number[])[j] = v;
    }
  }
  return { score, info };
}

/** Solves the small symmetric system A·x = b by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(A: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((M[r] as number[])[c] as number) > Math.abs((M[piv] as number[])[c] as number)) piv = r;
    const pr = M[piv] as number[];
    if (!(Math.abs(pr[c] as number) > 1e-300)) return undefined;
    [M[c], M[piv]] = [pr, M[c] as number[]];
    const rc = M[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const rr = M[r] as number[];
      const f = (rr[c] as number) / (rc[c] as number);
      for (let j = c; j <= n; j++) rr[j] = (rr[j] as number) - f * (rc[j] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const rr = M[r] as number[];
    let s = rr[n] as number;
    for (let j = r + 1; j < n; j++) s -= (rr[j] as number) * (x[j] as number);
    x[r] = s / (rr[r] as number);
  }
  return x.every(Number.isFinite) ? x : undefined;
}

interface Run {
  state: State;
  ll: number;
  iterations: number;
  converged: boolean;
}

/** Fisher scoring iterations before slow convergence (typically at ρ near ±1) switches to Newton steps. */
const NEWTON_AFTER = 10;

/**
 * Newton step −H⁻¹s with the observed information H from central differences of the analytic score; undefined
 * unless H is negative definite along the step (the step then rises).
 */
function newtonStep(p: Pairs, st: State, idx: number[], score: number[]): number[] | undefined {
  const h = 1e-5;
  const H = idx.map(() => new Array<number>(idx.length).fill(0));
  idx.forEach((j, n) => {
    const plus: State = { phi: [...st.phi], zero: [...st.zero], rhoFixed: st.rhoFixed };
    const minus: State = { phi: [...st.phi], zero: [...st.zero], rhoFixed: st.rhoFixed };
    plus.phi[j] = (plus.phi[j] as number) + h;
    minus.phi[j] = (minus.phi[j] as number) - h;
    const sp = evaluate(p, plus, true).score;
    const sm = evaluate(p, minus, true).score;
    idx.forEach((l, m) => {
      (H[n] as number[])[m] = ((sp[l] as number) - (sm[l] as number)) / (2 * h);
    });
  });
  const sym = H.map((row, n) => row.map((v, m) => -0.5 * (v + ((H[m] as number[])[n] as number))));
  const step = solve(sym, score);
  if (!step) return undefined;
  const rise = step.reduce((acc, x, n) => acc + x * (score[n] as number), 0);
  return rise > 0 ? step : undefined;
}

/** Fisher scoring with step halving on φ from `start`; parameters that run to the boundary are fixed there. */
function scoring(p: Pairs, start: State, tol: number, maxIter: number, tau2Floor: [number, number]): Run {
  const st: State = { phi: [...start.phi], zero: [...start.zero], rhoFixed: start.rhoFixed };
  let cur = evaluate(p, st, true);
  for (let iter = 1; iter <= maxIter; iter++) {
    const idx = active(st);
    if (idx.length === 0) return { state: st, ll: cur.ll, iterations: iter - 1, converged: true };
    const A = idx.map((j) => idx.map((l) => (cur.info[j] as number[])[l] as number));
    const b = idx.map((j) => cur.score[j] as number);
    let step = solve(A, b);
    if (!step) {
      // singular information: a plain gradient step scaled by the diagonal
      step = b.map((g, n) => g / Math.max(Math.abs((A[n] as number[])[n] as number), 1e-8));
    }
    if (iter > NEWTON_AFTER && Math.max(...step.map(Math.abs)) < 0.1) step = newtonStep(p, st, idx, b) ?? step;
    let lambda = 1;
    let next: State | undefined;
    let nextEval: Evaluation | undefined;
    for (let half = 0; half < 60; half++) {
      const phi: [number, number, number] = [...st.phi];
      idx.forEach((j, n) => {
        phi[j] = (phi[j] as number) + lambda * (step[n] as number);
      });
      const trial: State = { phi, zero: [...st.zero], rhoFixed: st.rhoFixed };
      if (Math.abs(phi[2]) >= PHI_RHO_MAX) {
        trial.phi[2] = Math.sign(phi[2]) * PHI_RHO_MAX;
        trial.rhoFixed = true;
      }
      for (const j of [0, 1] as const) {
        if (!trial.zero[j] && trial.phi[j] < Math.log(tau2Floor[j])) trial.zero[j] = true;
      }
      const e = evaluate(p, trial, true);
      if (Number.isFinite(e.ll) && e.ll >= cur.ll - 1e-12 * (1 + Math.abs(cur.ll))) {
        next = trial;
        nextEval = e;
        break;
      }
      lambda /= 2;
    }
    if (!next || !nextEval) return { state: st, ll: cur.ll, iterations: iter, converged: false };
    const change = Math.max(...step.map(Math.abs));
    const boundaryHit = next.rhoFixed !== st.rhoFixed || next.zero[0] !== st.zero[0] || next.zero[1] !== st.zero[1];
    st.phi = next.phi;
    st.zero = next.zero;
    st.rhoFixed = next.rhoFixed;
    cur = nextEval;
    if (!boundaryHit && change <= tol) return { state: st, ll: cur.ll, iterations: iter, converged: true };
  }
  return { state: st, ll: cur.ll, iterations: maxIter, converged: false };
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Number.isFinite(r) ? r : 0;
}

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

function pairsOf(data: DtaLogits): Pairs {
  return {
    y: data.logitSens.map((a, i) => [a, data.logitSpec[i] as number] as Vec2),
    s: data.varLogitSens.map((a, i) => [a, data.varLogitSpec[i] as number] as Vec2),
  };
}

/**
 * The restricted log-likelihood (metafor's constant) of the bivariate model at given between-study
 * variances and correlation, μ profiled out: what `poolBivariate` maximises, for checking a fit.
 */
export function bivariateLogLik(studies: readonly DtaStudy[], sigma: { tau2Sens: number; tau2Spec: number; rho: number }): number {
  validateDtaStudies(studies);
  const { tau2Sens, tau2Spec, rho } = sigma;
  if (!(tau2Sens >= 0 && tau2Spec >= 0 && rho >= -1 && rho <= 1)) throw new RangeError('need τ² ≥ 0 and −1 ≤ ρ ≤ 1');
  const st: State = {
    phi: [tau2Sens > 0 ? Math.log(tau2Sens) : 0, tau2Spec > 0 ? Math.log(tau2Spec) : 0, Math.atanh(rho)],
    zero: [tau2Sens === 0, tau2Spec === 0],
    rhoFixed: true,
  };
  return evaluate(pairsOf(dtaLogits(studies)), st, false).ll;
}

/**
 * Fisher scoring from univariate REML τ² (a small positive value where that is 0) and the logits'
 * correlation; further starts (ρ = 0, ±0.5) only when a run fails or ends on a boundary; the best
 * likelihood wins. Returns that run and the iterations of all runs.
 */
function bestRun(p: Pairs, data: DtaLogits, tol: number, maxIter: number, floor: [number, number]): { run: Run; iterations: number } {
  const uni = [remlTau2(data.logitSens, data.varLogitSens), remlTau2(data.logitSpec, data.varLogitSpec)];
  const t0 = uni.map((u, j) => Math.max(u.tau2, 0.1 * median(j === 0 ? data.varLogitSens : data.varLogitSpec)));
  const r0 = Math.max(-0.9, Math.min(0.9, pearson(data.logitSens, data.logitSpec)));
  const starts = [r0, 0, -0.5, 0.5];
  let best: Run | undefined;
  let iterations = 0;
  for (const r of starts) {
    const run = scoring(
      p,
      { phi: [Math.log(t0[0] as number), Math.log(t0[1] as number), Math.atanh(r)], zero: [false, false], rhoFixed: false },
      tol,
      maxIter,
      floor,
    );
    iterations += run.iterations;
    if (!best || (run.converged && !best.converged) || (run.converged === best.converged && run.ll > best.ll + 1e-9)) best = run;
    const b = best.state;
    if (best.converged && !b.rhoFixed && !b.zero[0] && !b.zero[1]) break;
  }
  return { run: best as Run, iterations };
}

/** Which parameters ended on a boundary, ρ as reported (0 when a τ² is 0), and the warnings saying so or that REML did not converge. */
function boundaryAndWarnings(run: Run, maxIter: number): { boundary: BivariateBoundary[]; rho: number; warnings: string[] } {
  const boundary: BivariateBoundary[] = [];
  const warnings: string[] = [];
  if (run.state.zero[0]) boundary.push('tau2Sens');
  if (run.state.zero[1]) boundary.push('tau2Spec');
  const anyZero = run.state.zero[0] || run.state.zero[1];
  const rho = anyZero ? 0 : Math.tanh(run.state.phi[2]);
  if (!anyZero && run.state.rhoFixed) {
    boundary.push('rho');
    warnings.push(`the between-study correlation ρ was estimated at the boundary ${Math.sign(rho)}: the bivariate model is over-parametrised for these data`);
  }
  if (anyZero) {
    warnings.push(
      `${boundary.map((b) => (b === 'tau2Sens' ? 'τ² of logit sensitivity' : 'τ² of logit specificity')).join(' and ')} estimated at 0; ρ is not identified and is reported as 0`,
    );
  }
  if (!run.converged) warnings.push(`REML did not converge in ${maxIter} Fisher-scoring iterations; the estimates are unreliable`);
  return { boundary, rho, warnings };
}

/**
 * Fits the bivariate random-effects model (Reitsma et al. 2005) by REML to 2×2 tables, after adding 0.5 to
 * all four cells of every study with a zero cell. μ is profiled out (GLS); the variance parameters
 * (log τ²_sens, log τ²_spec, atanh ρ) are found by Fisher scoring with step halving (Newton steps on a
 * numerically differentiated score once Fisher scoring is slow, as it is near ρ = ±1), started from the two
 * univariate REML fits and the correlation of the observed logits; when that run fails or ends on a
 * boundary, also from ρ = 0 and ρ = ±0.5, and the best restricted likelihood wins. A τ² that runs below 1e-12 × the median within-study variance
 * is set to 0 (ρ is then not identified and reported as 0); |ρ| beyond 1 − 1e-12 is held at the boundary.
 * CIs are Wald intervals on the logit scale, back-transformed. Needs k ≥ 2; throws `DtaInputError` on
 * bad tables. The caller decides whether the fit is usable (see `poolDta`).
 */
export function poolBivariate(studies: readonly DtaStudy[], options: BivariateOptions = {}): BivariateResult {
  validateDtaStudies(studies);
  const k = studies.length;
  if (k < 2) throw new DtaInputError('the bivariate model needs at least 2 studies', 'studies');
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new DtaInputError(`level ${level} is outside (0, 1): give a fraction such as 0.95`, 'level');
  const tol = options.tol ?? BIVARIATE_TOL;
  const maxIter = options.maxIter ?? BIVARIATE_MAX_ITER;
  const data = dtaLogits(studies);
  const p = pairsOf(data);
  const floor: [number, number] = [TAU2_FLOOR * median(data.varLogitSens), TAU2_FLOOR * median(data.varLogitSpec)];
  const { run, iterations } = bestRun(p, data, tol, maxIter, floor);
  const fit = evaluate(p, run.state, false);
  const { sigma } = sigmaOf(run.state);
  const { boundary, rho, warnings } = boundaryAndWarnings(run, maxIter);
  const n = data.corrected.filter(Boolean).length;
  if (n > 0) warnings.push(`0.5 added to all four cells of ${n} of ${k} studies with a zero cell`);

  const z = qnorm(1 - (1 - level) / 2);
  const [muA, muB] = fit.mu;
  const seA = Math.sqrt(fit.cov[0]);
  const seB = Math.sqrt(fit.cov[3]);
  return {
    k,
    level,
    logitSens: muA,
    logitSpec: muB,
    seLogitSens: seA,
    seLogitSpec: seB,
    covLogit: [
      [fit.cov[0], fit.cov[1]],
      [fit.cov[2], fit.cov[3]],
    ],
    sens: expit(muA),
    sensCi: [expit(muA - z * seA), expit(muA + z * seA)],
    spec: expit(muB),
    specCi: [expit(muB - z * seB), expit(muB + z * seB)],
    tau2Sens: sigma[0],
    tau2Spec: sigma[3],
    rho,
    logLik: fit.ll,
    iterations,
    converged: run.converged,
    boundary,
    data,
    warnings,
  };
}
