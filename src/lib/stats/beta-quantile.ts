/**
 * Quantile function of the beta distribution, qbeta(p, a, b) with R's name and argument order:
 * safeguarded Newton iteration on the regularized incomplete beta (special.ts), bracketed so it
 * cannot leave [0, 1]. Validated against R's qbeta in test/lib/stats/beta-quantile.test.ts.
 */
import { logBeta, regularizedBeta } from './special.ts';

const MAX_ITER = 200;

/** log of the beta density at x (x strictly inside (0, 1)). */
function logDensity(x: number, a: number, b: number): number {
  return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
}

/**
 * The x with I_x(a, b) = p (or, with `lowerTail` false, 1 − I_x(a, b) = p), for a, b > 0 and
 * p in [0, 1]; NaN otherwise. Working on the requested tail keeps small upper-tail
 * probabilities (0.025 of a 97.5% quantile) accurate.
 */
export function qbeta(p: number, a: number, b: number, lowerTail = true): number {
  if ([p, a, b].some(Number.isNaN) || p < 0 || p > 1 || !(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  if (p === 0) return lowerTail ? 0 : 1;
  if (p === 1) return lowerTail ? 1 : 0;
  // Closed forms when one shape is 1: I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b.
  if (b === 1 && lowerTail) return Math.exp(Math.log(p) / a);
  if (a === 1 && !lowerTail) return -Math.expm1(Math.log(p) / b);
  // Solve for whichever of x and 1 − x is below 1/2, where doubles resolve it finely: P(X ≤ x) for
  // X ~ Beta(a, b) is P(Y ≥ 1 − x) for Y = 1 − X ~ Beta(b, a).
  const atHalf = regularizedBeta(0.5, a, b, !lowerTail);
  if (lowerTail ? p > atHalf : p < atHalf) return 1 - belowHalf(p, b, a, !lowerTail);
  return belowHalf(p, a, b, lowerTail);
}

/** The quantile of qbeta when it is known to lie in (0, 1/2]. */
function belowHalf(p: number, a: number, b: number, lowerTail: boolean): number {
  const lower = lowerTail ? p : 1 - p;
  // f(x) = tail(x) − p is increasing in x for the lower tail, decreasing for the upper.
  const sign = lowerTail ? 1 : -1;
  const f = (x: number) => sign * (regularizedBeta(x, a, b, !lowerTail) - p);
  let lo = 0;
  let hi = 0.5;
  // Start at the mean (or the series' guess in the far tail); Newton from there, bisection when it strays.
  let x = Math.min(0.499, Math.max(0.001, a / (a + b)));
  if (lower < 1e-3) {
    // Far lower tail: invert the leading term of the series, I_x(a, b) ≈ x^a / (a B(a, b)).
    x = Math.exp((Math.log(lower) + Math.log(a) + logBeta(a, b)) / a);
    if (!(x > 0 && x < 0.5)) x = 0.25;
  }
  for (let i = 0; i < MAX_ITER; i++) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx < 0) lo = x;
    else hi = x;
    // f' is the beta density for either tail (the sign flips twice for the upper tail).
    let next = x - fx / Math.exp(logDensity(x, a, b));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 4e-16 * Math.max(next, 1e-300) || hi - lo <= 4e-16 * hi) return next;
    x = next;
  }
  return x;
}
