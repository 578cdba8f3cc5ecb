/** The prediction interval of a random-effects model: where the true effect of a new study is expected to lie. */

/** The interval's bounds on the pooling scale. */
export interface PredictionInterval {
  piLow: number;
  piHigh: number;
}

/**
 * μ̂ ± crit·sqrt(se² + tau²), as metafor's predict(): `variance` is se² of the pooled estimate, `crit`
 * the critical value the confidence interval used (normal, or t on k − 1 df with Knapp–Hartung).
 * With tau² = 0 it is the confidence interval.
 */
export function predictionInterval(estimate: number, variance: number, tau2: number, crit: number): PredictionInterval {
  const half = crit * Math.sqrt(variance + tau2);
  return { piLow: estimate - half, piHigh: estimate + half };
}
