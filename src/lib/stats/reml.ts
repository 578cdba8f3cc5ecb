/** Restricted maximum likelihood (REML) estimator of tau² by Fisher scoring, following metafor. */
import { heTau2 } from './he.ts';
import { inverseVarianceWeights, projectionTraces, weightedMean } from './weights.ts';
import type { Tau2Fit } from './types.ts';

/**
 * Default convergence threshold on |Δtau²|: metafor's own 1e-5, so the iterates and the stopping point
 * are metafor's. A tighter 1e-10 moves tau² towards the exact maximum by up to ~1e-6, which already
 * shifts I² by 6e-4 from metafor's on dat.hackshaw1998 (k = 37); pass `tol` to get it anyway.
 */
export const REML_TOL = 1e-5;
/** Default iteration cap (metafor's `maxiter`). */
export const REML_MAX_ITER = 100;
/** metafor's `.Machine$double.eps^0.25`, the margin for its "tau² = 0 has higher likelihood" check. */
const LL0_TOL = 2 ** -13;

/** Fisher-scoring step parts at tau²: score y'PPy − tr(P) and information tr(PP) (both without the ½). */
function scoreAndInformation(yi: readonly number[], vi: readonly number[], tau2: number) {
  const w = inverseVarianceWeights(vi, tau2);
  const mu = weightedMean(yi, w);
  let yPPy = 0;
  for (let i = 0; i < yi.length; i++) yPPy += ((w[i] as number) * ((yi[i] as number) - mu)) ** 2;
  const { trP, trPP } = projectionTraces(w);
  return { score: yPPy - trP, information: trPP };
}

/** REML log-likelihood up to a constant: −½Σlog(vᵢ + tau²) − ½log(Σw) − ½Σwᵢ(yᵢ − μ̂)². */
export function remlLogLik(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const w = inverseVarianceWeights(vi, tau2);
  const mu = weightedMean(yi, w);
  let sumLogV = 0;
  let sumW = 0;
  let rss = 0;
  for (let i = 0; i < yi.length; i++) {
    const wi = w[i] as number;
    sumLogV -= Math.log(wi);
    sumW += wi;
    rss += wi * ((yi[i] as number) - mu) ** 2;
  }
  return -0.5 * (sumLogV + Math.log(sumW) + rss);
}

interface ScoringRun {
  tau2: number;
  converged: boolean;
  iterations: number;
  change: number;
  brokeDown: boolean;
}

/** metafor's Fisher-scoring loop with step multiplier `stepAdj` (its `control$stepadj`). */
function fisherScoring(yi: readonly number[], vi: readonly number[], tol: number, maxIter: number, stepAdj: number): ScoringRun {
  let tau2 = heTau2(yi, vi);
  let iterations = 0;
  let change = Infinity;
  while (change > tol) {
    if (iterations >= maxIter) return { tau2, converged: false, iterations, change, brokeDown: false };
    iterations++;
    const { score, information } = scoreAndInformation(yi, vi, tau2);
    let step = (score / information) * stepAdj;
    if (!Number.isFinite(step)) return { tau2, converged: false, iterations, change, brokeDown: true };
    while (tau2 + step < 0) step /= 2; // ends by the time step underflows to −0
    const next = tau2 + step;
    change = Math.abs(next - tau2);
    tau2 = next;
  }
  return { tau2, converged: true, iterations, change, brokeDown: false };
}

/**
 * REML tau² by metafor's Fisher scoring (rma.uni, metafor 3.8): start at the HE estimate floored at 0,
 * step tau² += (y'PPy − tr P)/tr(PP), halving a step until tau² stays ≥ 0 (from tau² = 0 a negative
 * step halves to −0, i.e. tau² is truncated at 0), and stop when |Δtau²| ≤ `tol` (default 1e-5, metafor's
 * threshold) within `maxIter` steps (default 100). Where metafor would stop with "did not converge"
 * (rare: the iterates oscillate), this re-runs with metafor's documented remedy, half steps
 * (`stepadj = 0.5`) and 10·maxIter steps, and adds a warning saying so; if that fails too,
 * `converged` is false. As metafor, if the likelihood at tau² = 0 beats the final value by > 2^-13,
 * tau² is set to 0 with a warning. SE = sqrt(2/tr(P²)) at the final tau². Needs k ≥ 2 (k = 1 gives
 * tau² = 0, no SE).
 */
export function remlTau2(
  yi: readonly number[],
  vi: readonly number[],
  { tol = REML_TOL, maxIter = REML_MAX_ITER }: { tol?: number; maxIter?: number } = {},
): Tau2Fit {
  const k = yi.length;
  if (k < 2) return { tau2: 0, se: undefined, converged: true, iterations: 0, warnings: [] };
  const warnings: string[] = [];
  let run = fisherScoring(yi, vi, tol, maxIter, 1);
  if (!run.converged) {
    const first = run;
    run = fisherScoring(yi, vi, tol, 10 * maxIter, 0.5);
    const why = first.brokeDown ? 'broke down (non-finite step)' : `did not converge in ${maxIter} iterations`;
    warnings.push(
      run.converged
        ? `REML Fisher scoring ${why}; converged with half steps (metafor: control = list(stepadj = 0.5, maxiter = ${10 * maxIter}))`
        : `REML Fisher scoring ${why}, nor with half steps in ${10 * maxIter} (last change in tau² ${run.change.toExponential(2)}); tau² is unreliable`,
    );
    run = { ...run, iterations: first.iterations + run.iterations };
  }
  let tau2 = run.tau2;
  if (run.converged && tau2 > tol && remlLogLik(yi, vi, 0) - remlLogLik(yi, vi, tau2) > LL0_TOL) {
    warnings.push('REML Fisher scoring may have stopped at a local maximum; tau² set to 0 (higher likelihood)');
    tau2 = 0;
  }
  const { trPP } = projectionTraces(inverseVarianceWeights(vi, tau2));
  return { tau2, se: Math.sqrt(2 / trPP), converged: run.converged, iterations: run.iterations, warnings };
}
