/** The Knapp–Hartung (Hartung–Knapp–Sidik–Jonkman) adjustment of a random-effects model's inference, as metafor's test = "knha". */
import { qt } from './distributions.ts';

/** The adjustment: the factor the coefficients' variance is multiplied by, the t degrees of freedom, and the critical value. */
export interface KnappHartung {
  scale: number;
  df: number;
  crit: number;
}

/**
 * Knapp–Hartung for a fit with weighted residual sum of squares `rss` = Σwᵢ(yᵢ − ŷᵢ)² on `df` = k − p
 * degrees of freedom: the variance factor rss/df (plain, not truncated at 1, as metafor; 0 when
 * rss ≤ machine epsilon) and the critical value of t on `df` for a two-sided interval at `level`.
 */
export function knappHartung(rss: number, df: number, level: number): KnappHartung {
  const scale = rss <= Number.EPSILON ? 0 : rss / df;
  const alpha = 1 - level;
  return { scale, df, crit: qt(1 - alpha / 2, df) };
}
