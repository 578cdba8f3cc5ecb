/**
 * Suggested inconsistency judgement. Univariate: I² and whether the prediction interval contains
 * the reference value — the author's decision threshold when declared, else the measure's line of
 * no effect or chance (1 for ratios, 0.5 for AUC, 0 for differences; none for other proportions).
 * Very serious when I² ≥ 75% and the interval contains the reference; serious when I² ≥ 50% or it
 * contains the reference; otherwise not serious.
 * DTA: the between-study variance τ² of logit sensitivity and of logit specificity, read as the
 * width of each measure's marginal prediction interval expit(μ ± z·√(τ² + SE²)) (the prediction
 * region's extent along that axis). One concern for a width above 0.25, two above 0.5, one more
 * when the interval contains the decision threshold declared for that measure; the worse measure
 * counts (no GRADE guidance gives numbers: these are the site's, stated on every suggestion).
 */
import { measureInfo } from '../schema/measures.ts';
import type { ImprecisionThresholds } from '../schema/grade.ts';
import { qnorm } from '../stats/distributions.ts';
import { expit } from '../stats/dta-input.ts';
import type { DtaEvidence, DtaMeasureEvidence, Suggestion, UnivariateEvidence } from './evidence.ts';
import { dec, pct0 } from './format.ts';
import { contains, decisionFor, judgementOf, wider, worse } from './thresholds.ts';

/** I² (percent) from which inconsistency is serious. */
export const I2_SERIOUS = 50;
/** I² (percent) from which, with a prediction interval containing the reference, it is very serious. */
export const I2_VERY_SERIOUS = 75;
/** DTA: a prediction interval of sensitivity or specificity wider than this is one concern, twice as wide two. */
export const DTA_PI_WIDTH = 0.25;

/** Univariate suggestion. */
export function suggestInconsistency(e: UnivariateEvidence, thresholds?: ImprecisionThresholds): Suggestion {
  const domain = 'inconsistency' as const;
  if (e.k < 2) return { domain, judgement: null, reason: 'A single study: inconsistency cannot be assessed.' };
  const decision = decisionFor(thresholds, 'estimate');
  const ref = decision ?? measureInfo(e.measure).nullValue;
  const refName = decision !== null ? `the decision threshold ${dec(decision, 2)}` : ref !== null ? `the line of no effect ${dec(ref, 2)}` : null;
  const crosses = contains(e.piLow, e.piHigh, ref);
  const level = Math.round(e.level * 100);
  const pi = `the ${level}% prediction interval ${dec(e.piLow, 2)} to ${dec(e.piHigh, 2)}`;
  const facts = `I² = ${Math.round(e.I2)}% (τ² = ${dec(e.tau2, 3)}, ${e.k} studies); ${pi}${refName ? ` ${crosses ? 'contains' : 'does not contain'} ${refName}` : ' (no reference value: declare imprecision_thresholds.decision to compare it with one)'}`;
  if (e.I2 >= I2_VERY_SERIOUS && crosses) return { domain, judgement: 'very serious', reason: `${facts}: I² ≥ ${I2_VERY_SERIOUS}% and the interval crosses the reference.` };
  if (e.I2 >= I2_SERIOUS) return { domain, judgement: 'serious', reason: `${facts}: I² ≥ ${I2_SERIOUS}%.` };
  if (crosses) return { domain, judgement: 'serious', reason: `${facts}: the interval crosses the reference.` };
  return { domain, judgement: 'not serious', reason: `${facts}: I² below ${I2_SERIOUS}%${refName ? ' and the interval on one side of the reference' : ''}.` };
}

/** The marginal prediction interval of one accuracy measure on the 0–1 scale. */
export function dtaPredictionInterval(m: DtaMeasureEvidence, level: number): [number, number] {
  const z = qnorm(1 - (1 - level) / 2);
  const half = z * Math.sqrt(m.tau2 + m.se * m.se);
  return [expit(m.logit - half), expit(m.logit + half)];
}

/** DTA suggestion from τ² of sensitivity and specificity. */
export function suggestDtaInconsistency(e: DtaEvidence, thresholds?: ImprecisionThresholds): Suggestion {
  const domain = 'inconsistency' as const;
  if (e.k < 2) return { domain, judgement: null, reason: 'A single study: inconsistency cannot be assessed.' };
  const level = Math.round(e.level * 100);
  let judgement: 'not serious' | 'serious' | 'very serious' = 'not serious';
  const parts: string[] = [];
  for (const [name, m] of [['sensitivity', e.sens], ['specificity', e.spec]] as const) {
    const [lo, hi] = dtaPredictionInterval(m, e.level);
    const width = hi - lo;
    const decision = decisionFor(thresholds, name);
    const crosses = contains(lo, hi, decision);
    const concerns = (wider(width, 2 * DTA_PI_WIDTH) ? 2 : wider(width, DTA_PI_WIDTH) ? 1 : 0) + (crosses ? 1 : 0);
    judgement = worse(judgement, judgementOf(concerns));
    parts.push(`${name} τ² = ${dec(m.tau2, 3)}, ${level}% prediction interval ${pct0(lo)} to ${pct0(hi)} (width ${dec(width, 2)}${decision !== null ? `, ${crosses ? 'contains' : 'does not contain'} the decision threshold ${dec(decision, 2)}` : ''})`);
  }
  const rule = `one concern per measure for a prediction interval wider than ${dec(DTA_PI_WIDTH, 2)}, two above ${dec(2 * DTA_PI_WIDTH, 2)}, one more when it contains a decision threshold`;
  return { domain, judgement, reason: `${parts.join('; ')}: ${judgement} (${rule}).` };
}
