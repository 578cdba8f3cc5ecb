/** REML estimator of the residual tau² of a meta-regression on design X, by metafor's Fisher scoring (rma.uni with mods). */
import { cholLogDet } from './linalg.ts';
import { dot, hatRows, projectionTracesX, weightedFit } from './weighted-fit.ts';

/** metafor's `.Machine$double.eps^0.25`, the margin of its "tau² = 0 has higher likelihood" check. */
const LL0_TOL = 2 ** -13;

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
export function remlTau2X(
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
