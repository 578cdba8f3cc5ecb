/**
 * Plausibility checks on an extracted estimate: each problem found becomes a needs_review
 * reason (an interval that does not contain its value, a proportion above 1, a ratio that is
 * not positive…).
 */
import type { Measure } from '../../schema/index.ts';
import { AGREEMENT_MEASURES, PROPORTION_MEASURES, RATIO_MEASURES } from '../../schema/measures.ts';
import { agreesWithinRounding } from '../../schema/two-by-two.ts';
import type { ValueGroup } from './values.ts';

/** What is implausible about an estimate, if anything. */
export function problems(measure: Measure, vg: ValueGroup): string[] {
  const out: string[] = [];
  const { value, ci } = vg;
  const nums = ci ? [value, ci.low, ci.high] : [value];
  // one % anywhere makes the whole group percent: "85.2% (95% CI 80.1–89.3%)"
  const pct = nums.some((n) => n.pct);
  if (ci && ci.low.value > ci.high.value) {
    out.push(`CI lower bound ${ci.low.value} is above upper bound ${ci.high.value}`);
  } else if (ci && (value.value < ci.low.value || value.value > ci.high.value)) {
    out.push(`value ${value.value} lies outside its interval [${ci.low.value}, ${ci.high.value}]`);
  }
  if (PROPORTION_MEASURES.has(measure)) {
    const over = pct ? undefined : nums.find((n) => n.value > 1);
    if (over) out.push(`${measure} ${over.value} is above 1 but written without a % sign`);
    const overPct = pct ? nums.find((n) => n.value > 100) : undefined;
    if (overPct) out.push(`${measure} ${overPct.value}% is above 100%`);
    const neg = nums.find((n) => n.value < 0);
    if (neg) out.push(`${measure} ${neg.value} is negative`);
  } else if (RATIO_MEASURES.has(measure)) {
    const bad = nums.find((n) => n.value <= 0);
    if (bad) out.push(`${measure} ${bad.value} is not positive, but a ratio must be`);
  } else if (AGREEMENT_MEASURES.has(measure)) {
    const bad = pct ? nums.find((n) => Math.abs(n.value) > 100) : nums.find((n) => Math.abs(n.value) > 1);
    if (bad) out.push(`${measure} ${bad.value} lies outside [-1, 1]`);
  }
  const c = vg.counts;
  if (c && PROPORTION_MEASURES.has(measure) && !agreesWithinRounding(c.events / c.total, value.value, pct ? 'percent' : 'proportion')) {
    out.push(`${c.events}/${c.total} does not give ${value.value}${pct ? '%' : ''}: check which estimate the counts belong to`);
  }
  return out;
}
