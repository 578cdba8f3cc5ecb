/**
 * Diagnostic accuracy as numbers per 1,000 people tested, as GRADE DTA Summary of Findings tables
 * give them: at prevalence p, of 1,000 tested 1000·p have the condition, of whom sensitivity·1000·p
 * test positive (true positives) and the rest negative (false negatives); of the 1000·(1 − p)
 * without it, specificity·1000·(1 − p) test negative (true negatives) and the rest positive (false
 * positives). Ranges come from the sensitivity and specificity CIs (a higher sensitivity gives more
 * TP and fewer FN). Counts are rounded to whole people for display; the exact values are kept.
 */

/** A count per 1,000 tested with its range. */
export interface PerThousandCount {
  value: number;
  low: number;
  high: number;
}

/** The four counts at one prevalence. */
export interface PerThousand {
  prevalence: number;
  /** People with / without the condition among the 1,000. */
  withCondition: number;
  withoutCondition: number;
  tp: PerThousandCount;
  fn: PerThousandCount;
  tn: PerThousandCount;
  fp: PerThousandCount;
}

/** An accuracy estimate with its interval, all on the 0–1 scale. */
export interface Accuracy {
  estimate: number;
  ciLow: number;
  ciHigh: number;
}

/** The numbers per 1,000 tested at `prevalence` (0 < p < 1) for a summary sensitivity and specificity. */
export function perThousand(sens: Accuracy, spec: Accuracy, prevalence: number, n = 1000): PerThousand {
  if (!(prevalence > 0 && prevalence < 1)) throw new RangeError(`prevalence ${prevalence} must be strictly between 0 and 1`);
  for (const [name, a] of [['sensitivity', sens], ['specificity', spec]] as const) {
    if (!(a.ciLow >= 0 && a.ciLow <= a.estimate && a.estimate <= a.ciHigh && a.ciHigh <= 1)) throw new RangeError(`${name} ${a.estimate} [${a.ciLow}, ${a.ciHigh}] must satisfy 0 ≤ low ≤ estimate ≤ high ≤ 1`);
  }
  const withCondition = n * prevalence;
  const withoutCondition = n - withCondition;
  const positives = (a: Accuracy, m: number): PerThousandCount => ({ value: a.estimate * m, low: a.ciLow * m, high: a.ciHigh * m });
  const negatives = (a: Accuracy, m: number): PerThousandCount => ({ value: (1 - a.estimate) * m, low: (1 - a.ciHigh) * m, high: (1 - a.ciLow) * m });
  return { prevalence, withCondition, withoutCondition, tp: positives(sens, withCondition), fn: negatives(sens, withCondition), tn: positives(spec, withoutCondition), fp: negatives(spec, withoutCondition) };
}

/** A count for display: "174 (166 to 181)". */
export function formatCount(c: PerThousandCount): string {
  return `${Math.round(c.value)} (${Math.round(c.low)} to ${Math.round(c.high)})`;
}
