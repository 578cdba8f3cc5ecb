/**
 * The Clopper–Pearson ("exact") confidence interval of a binomial proportion x / n, as RevMan
 * shows for sensitivity and specificity: the beta quantiles qbeta(α/2, x, n − x + 1) and
 * qbeta(1 − α/2, x + 1, n − x), with 0 when x = 0 and 1 when x = n.
 */
import { qbeta } from './beta-quantile.ts';

/** A proportion with its exact interval. */
export interface ExactProportion {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * x / n with its Clopper–Pearson interval at `level` (default 0.95); throws on counts that are
 * not integers with 0 ≤ x ≤ n, n ≥ 1, or a level outside (0, 1).
 */
export function clopperPearson(x: number, n: number, level = 0.95): ExactProportion {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n) {
    throw new RangeError(`clopperPearson needs whole counts with 0 <= x <= n and n >= 1, got x = ${x}, n = ${n}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`clopperPearson needs a level in (0, 1), got ${level}`);
  const alpha = 1 - level;
  return {
    estimate: x / n,
    lower: x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1),
    // The upper limit as the upper-tail quantile: qbeta(α/2, …, lower.tail = FALSE) keeps α/2 exact.
    upper: x === n ? 1 : qbeta(alpha / 2, x + 1, n - x, false),
  };
}
