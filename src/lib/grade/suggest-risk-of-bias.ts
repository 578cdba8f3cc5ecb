/**
 * Suggested risk-of-bias judgement from the pooled studies' overall QUADAS-2 / PROBAST+AI risk:
 * the share of the weight (univariate; DTA: of the studies) from studies at high risk, and at
 * unclear risk or not yet assessed (a page not assessed counts as unclear, never as low).
 * Very serious when more than half is at high risk; serious when more than a quarter is at high
 * risk or more than half at high or unclear risk; otherwise not serious.
 */
import type { Suggestion, WeightedStudy } from './evidence.ts';
import { pct0 } from './format.ts';

/** Above this share at high risk: very serious. */
export const ROB_VERY_SERIOUS_HIGH = 0.5;
/** Above this share at high risk: serious. */
export const ROB_SERIOUS_HIGH = 0.25;
/** Above this share at high or unclear (or not assessed) risk: serious. */
export const ROB_SERIOUS_HIGH_OR_UNCLEAR = 0.5;

/** The suggestion; `of` says what the shares are of ("weight" or "studies"). */
export function suggestRiskOfBias(studies: readonly WeightedStudy[], of: 'weight' | 'studies'): Suggestion {
  const domain = 'risk_of_bias' as const;
  if (studies.length === 0) return { domain, judgement: null, reason: 'No pooled study, so nothing to suggest.' };
  const w = (s: WeightedStudy) => (of === 'studies' ? 1 : s.weight);
  const total = studies.reduce((a, s) => a + w(s), 0);
  if (!(total > 0)) return { domain, judgement: null, reason: 'The pooled studies have no weight, so nothing to suggest.' };
  const share = (pred: (s: WeightedStudy) => boolean) => studies.filter(pred).reduce((a, s) => a + w(s), 0) / total;
  const high = share((s) => s.rob === 'high');
  const unclear = share((s) => s.rob === 'unclear' || s.rob === 'not-assessed');
  const count = (pred: (s: WeightedStudy) => boolean) => studies.filter(pred).length;
  const nHigh = count((s) => s.rob === 'high');
  const nUnclear = count((s) => s.rob === 'unclear');
  const nNot = count((s) => s.rob === 'not-assessed');
  const whose = of === 'weight' ? 'of the weight is from studies' : 'of the studies are';
  const facts = `${pct0(high)} ${whose} at high risk of bias and ${pct0(unclear)} at unclear risk or not yet assessed (of ${studies.length}: ${nHigh} high, ${nUnclear} unclear, ${nNot} not yet assessed)`;
  if (high > ROB_VERY_SERIOUS_HIGH) return { domain, judgement: 'very serious', reason: `${facts}: more than ${pct0(ROB_VERY_SERIOUS_HIGH)} at high risk.` };
  if (high > ROB_SERIOUS_HIGH) return { domain, judgement: 'serious', reason: `${facts}: more than ${pct0(ROB_SERIOUS_HIGH)} at high risk.` };
  if (high + unclear > ROB_SERIOUS_HIGH_OR_UNCLEAR) return { domain, judgement: 'serious', reason: `${facts}: more than ${pct0(ROB_SERIOUS_HIGH_OR_UNCLEAR)} at high or unclear risk.` };
  return { domain, judgement: 'not serious', reason: `${facts}: at most ${pct0(ROB_SERIOUS_HIGH)} at high and ${pct0(ROB_SERIOUS_HIGH_OR_UNCLEAR)} at high or unclear risk.` };
}
