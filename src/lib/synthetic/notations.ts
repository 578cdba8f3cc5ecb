/**
 * The ways the synthetic corpus writes an estimate: sentence templates in the notations real
 * abstracts use (brackets, parentheses, "95% CI", "to", dashes, percentages, κ, lists with
 * "respectively"). Each template renders one or two estimates; which template works with which
 * outcome alias is checked against the real extractor before use (see corpus.ts).
 */
import type { Measure } from '../schema/index.ts';
import type { Rng } from './prng.ts';

/** One estimate as the generator intends it (what ingest should read back). */
export interface IntendedEstimate {
  outcome: string;
  measure: Measure;
  value: number;
  ci_low: number | null;
  ci_high: number | null;
  unit: 'proportion' | 'percent' | null;
}

/** Numbers of one estimate, already rounded as written. */
export interface Drawn {
  value: number;
  low: number;
  high: number;
  pct: boolean;
}

/** A sentence template. */
export interface Notation {
  id: string;
  /** Measures of the estimates it writes, in order (one or two). */
  measures: readonly Measure[][];
  /** Values written as percentages. */
  pct: boolean;
  /** Writes a CI with its level ("95% CI"); the first estimate of an abstract uses one of these. */
  statesLevel: boolean;
  /** Writes an interval. */
  hasCi: boolean;
  render(alias: string, words: readonly string[], d: readonly Drawn[]): string;
}

const PROPORTION: Measure[] = ['AUC', 'sensitivity', 'specificity', 'accuracy', 'Dice'];
const ANY: Measure[] = [...PROPORTION, 'kappa'];

/** How an abstract names each measure (the extractor knows all of these). */
export const MEASURE_WORDS: Partial<Record<Measure, string[]>> = {
  AUC: ['AUC', 'AUROC', 'area under the ROC curve'],
  sensitivity: ['sensitivity'],
  specificity: ['specificity'],
  accuracy: ['accuracy'],
  Dice: ['Dice similarity coefficient', 'Dice score'],
  kappa: ['kappa', "Cohen's kappa"],
};

const f = (d: Drawn, x: number): string => (d.pct ? x.toFixed(1) : x.toFixed(3));
const v = (d: Drawn) => f(d, d.value);
const l = (d: Drawn) => f(d, d.low);
const h = (d: Drawn) => f(d, d.high);
const p = (d: Drawn, x: number) => `${f(d, x)}%`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const article = (w: string) => (/^[aeiou]/i.test(w) ? 'an' : 'a');

/** Every template the generator may use. */
export const NOTATIONS: readonly Notation[] = [
  { id: 'bracket', measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The model detected ${a} (${w} ${v(d!)} [95%CI ${l(d!)}-${h(d!)}]).` },
  { id: 'to', measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% CI ${l(d!)} to ${h(d!)}).` },
  { id: 'percent-dash', measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `${cap(w!)} for ${a} was ${p(d!, d!.value)} (95% CI ${p(d!, d!.low)}–${p(d!, d!.high)}).` },
  { id: 'ci-comma', measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The model reached ${article(w!)} ${w} for ${a} of ${v(d!)} (95% CI, ${l(d!)}–${h(d!)}).` },
  { id: 'bare-paren', measures: [ANY], pct: false, statesLevel: false, hasCi: true, render: (a, [w], [d]) => `In the external test set, ${a} ${w} was ${v(d!)} (${l(d!)}-${h(d!)}).` },
  { id: 'confidence-interval', measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} of the model for ${a} was ${p(d!, d!.value)} (95% confidence interval ${p(d!, d!.low)} to ${p(d!, d!.high)}).` },
  { id: 'square-percent', measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${p(d!, d!.value)} [95% CI ${l(d!)}-${h(d!)}].` },
  { id: 'no-ci', measures: [PROPORTION], pct: true, statesLevel: false, hasCi: false, render: (a, [w], [d]) => `On the internal validation data, ${a} ${w} was ${p(d!, d!.value)}.` },
  { id: 'kappa-symbol', measures: [['kappa']], pct: false, statesLevel: true, hasCi: true, render: (a, _w, [d]) => `Agreement was substantial for ${a} (κ = ${v(d!)}; 95% CI ${l(d!)}-${h(d!)}).` },
  {
    id: 'pair',
    measures: [['sensitivity'], ['specificity']],
    pct: true,
    statesLevel: true,
    hasCi: true,
    render: (a, _w, [s, c]) =>
      `${a} sensitivity was ${p(s!, s!.value)} (95% CI ${p(s!, s!.low)}–${p(s!, s!.high)}) and ${a} specificity was ${p(c!, c!.value)} (95% CI ${p(c!, c!.low)}–${p(c!, c!.high)}).`,
  },
];

/** Draw plausible numbers for a measure: a value inside a CI that is a few points wide, rounded as written. */
export function drawNumbers(rng: Rng, measure: Measure, pct: boolean): Drawn {
  const [lo, hi] = measure === 'kappa' ? [0.4, 0.9] : [0.6, 0.97];
  const scale = pct ? 100 : 1;
  const digits = pct ? 1 : 3;
  const round = (x: number) => Number((x * scale).toFixed(digits));
  const value = rng.float(lo, hi);
  const low = Math.max(0.01, value - rng.float(0.01, 0.08));
  const high = Math.min(0.995, value + rng.float(0.01, 0.08));
  const d = { value: round(value), low: round(low), high: round(high), pct };
  // Rounding can make the bounds touch the value; keep them strictly around it.
  const step = 10 ** -digits;
  if (d.low >= d.value) d.low = Number((d.value - step).toFixed(digits));
  if (d.high <= d.value) d.high = Number((d.value + step).toFixed(digits));
  return d;
}

/** The estimate ingest should read for drawn numbers. */
export function intended(outcome: string, measure: Measure, d: Drawn, hasCi: boolean): IntendedEstimate {
  return { outcome, measure, value: d.value, ci_low: hasCi ? d.low : null, ci_high: hasCi ? d.high : null, unit: d.pct ? 'percent' : measure === 'kappa' ? null : 'proportion' };
}
