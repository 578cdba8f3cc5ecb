/**
 * Suggested imprecision judgement: the confidence interval against the author's
 * `imprecision_thresholds` (content/review.yaml). For each quantity (the pooled estimate; for DTA
 * sensitivity and specificity): one concern when the CI is wider than `ci_width` (upper − lower
 * bound on the reported scale), two when wider than twice it, and one more when the CI contains
 * the decision threshold. Serious for one concern, very serious for two or more; the worse
 * quantity counts. Without thresholds there is no suggestion, only the CI.
 */
import type { ImprecisionThresholds } from '../schema/grade.ts';
import type { Evidence, Suggestion } from './evidence.ts';
import { dec } from './format.ts';
import { contains, decisionFor, judgementOf, wider, worse, type Quantity } from './thresholds.ts';

/** The suggestion for either kind of evidence. */
export function suggestImprecision(e: Evidence, thresholds?: ImprecisionThresholds): Suggestion {
  const domain = 'imprecision' as const;
  const level = Math.round(e.level * 100);
  const quantities: [Quantity, string, number, number][] =
    e.kind === 'dta'
      ? [['sensitivity', 'sensitivity', e.sens.ciLow, e.sens.ciHigh], ['specificity', 'specificity', e.spec.ciLow, e.spec.ciHigh]]
      : [['estimate', e.measure, e.ciLow, e.ciHigh]];
  const cis = quantities.map(([, name, lo, hi]) => `${name} ${level}% CI ${dec(lo, 3)} to ${dec(hi, 3)} (width ${dec(hi - lo, 3)})`);
  if (!thresholds) return { domain, judgement: null, reason: `${cis.join('; ')}. No imprecision_thresholds are declared for this outcome in content/review.yaml, so nothing to compare them with.` };
  let judgement: 'not serious' | 'serious' | 'very serious' = 'not serious';
  const parts: string[] = [];
  quantities.forEach(([q, , lo, hi], i) => {
    const width = hi - lo;
    const W = thresholds.ci_width;
    const decision = decisionFor(thresholds, q);
    const crosses = contains(lo, hi, decision);
    const concerns = (W === undefined ? 0 : wider(width, 2 * W) ? 2 : wider(width, W) ? 1 : 0) + (crosses ? 1 : 0);
    judgement = worse(judgement, judgementOf(concerns));
    const against: string[] = [];
    if (W !== undefined) against.push(wider(width, 2 * W) ? `wider than twice ${dec(W, 3)}` : wider(width, W) ? `wider than ${dec(W, 3)}` : `not wider than ${dec(W, 3)}`);
    if (decision !== null) against.push(`${crosses ? 'contains' : 'does not contain'} the decision threshold ${dec(decision, 2)}`);
    parts.push(`${cis[i]}${against.length ? `, ${against.join(' and ')}` : ''}`);
  });
  return { domain, judgement, reason: `${parts.join('; ')}: ${judgement}.` };
}
