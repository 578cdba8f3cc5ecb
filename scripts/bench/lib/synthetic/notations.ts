/**
 * The ways the synthetic corpus writes an estimate: sentence templates in the notation families
 * of the real-notation corpus (src/lib/eval/extraction/families.ts: dash variants, "to", comma and
 * semicolon bounds, brackets, CI spellings, mid-dot decimals, % on bounds, n/N counts, series with
 * "respectively", the measure after its value, levels other than 95%…). Each template names the
 * families it writes (a test checks the family classifier agrees), renders one or two estimates,
 * and is checked against the real extractor before use (see corpus.ts).
 */
import type { Measure } from '../../../../src/lib/schema/index.ts';
import type { Rng } from '../../../../src/lib/prng.ts';

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
  /** The real-corpus notation families (FAMILIES ids) this template writes. */
  families: readonly string[];
  /** Measures of the estimates it writes, in order (one or two). */
  measures: readonly Measure[][];
  /** Values written as percentages. */
  pct: boolean;
  /** Writes a CI with its level ("95% CI"); the first estimate of an abstract uses one of these. */
  statesLevel: boolean;
  /** Writes an interval. */
  hasCi: boolean;
  /** States a level other than 95%: an abstract using it has no interval that leaves its level unstated (that would be ambiguous). */
  otherLevel?: boolean;
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
const dot = (x: string) => x.replace('.', '·');
/** n of n/1000 for a percent drawn to one decimal: 85.3% → 853 (so n/N agrees with the value exactly). */
const per1000 = (d: Drawn) => Math.round(d.value * 10);

/** Every template the generator may use. */
export const NOTATIONS: readonly Notation[] = [
  { id: 'bracket', families: ['hyphen', 'square-brackets', 'ci-glued'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The model detected ${a} (${w} ${v(d!)} [95%CI ${l(d!)}-${h(d!)}]).` },
  { id: 'to', families: ['to'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% CI ${l(d!)} to ${h(d!)}).` },
  { id: 'percent-dash', families: ['en-dash', 'percent-bounds'], measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `${cap(w!)} for ${a} was ${p(d!, d!.value)} (95% CI ${p(d!, d!.low)}–${p(d!, d!.high)}).` },
  { id: 'ci-comma', families: ['en-dash', 'ci-colon-equals'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The model reached ${article(w!)} ${w} for ${a} of ${v(d!)} (95% CI, ${l(d!)}–${h(d!)}).` },
  { id: 'bare-paren', families: ['hyphen', 'no-ci-words'], measures: [ANY], pct: false, statesLevel: false, hasCi: true, render: (a, [w], [d]) => `In the external test set, ${a} ${w} was ${v(d!)} (${l(d!)}-${h(d!)}).` },
  { id: 'confidence-interval', families: ['to', 'ci-spelled', 'percent-bounds'], measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} of the model for ${a} was ${p(d!, d!.value)} (95% confidence interval ${p(d!, d!.low)} to ${p(d!, d!.high)}).` },
  { id: 'square-percent', families: ['hyphen', 'square-brackets', 'percent-value-only'], measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${p(d!, d!.value)} [95% CI ${l(d!)}-${h(d!)}].` },
  { id: 'no-ci', families: ['point-only'], measures: [PROPORTION], pct: true, statesLevel: false, hasCi: false, render: (a, [w], [d]) => `On the internal validation data, ${a} ${w} was ${p(d!, d!.value)}.` },
  { id: 'kappa-symbol', families: ['hyphen', 'equals-colon'], measures: [['kappa']], pct: false, statesLevel: true, hasCi: true, render: (a, _w, [d]) => `Agreement was substantial for ${a} (κ = ${v(d!)}; 95% CI ${l(d!)}-${h(d!)}).` },
  {
    id: 'pair',
    families: ['en-dash', 'percent-bounds'],
    measures: [['sensitivity'], ['specificity']],
    pct: true,
    statesLevel: true,
    hasCi: true,
    render: (a, _w, [s, c]) =>
      `${a} sensitivity was ${p(s!, s!.value)} (95% CI ${p(s!, s!.low)}–${p(s!, s!.high)}) and ${a} specificity was ${p(c!, c!.value)} (95% CI ${p(c!, c!.low)}–${p(c!, c!.high)}).`,
  },
  // families of the real-notation corpus the templates above do not write
  { id: 'spaced-dash', families: ['spaced-dash', 'ci-colon-equals'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% CI: ${l(d!)} – ${h(d!)}).` },
  { id: 'ci-abbrev-bracketed', families: ['en-dash', 'square-brackets', 'ci-spelled', 'ci-abbrev-bracketed'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} [95% confidence interval (CI) ${l(d!)}–${h(d!)}].` },
  { id: 'ci-abbrev-equals', families: ['to', 'ci-spelled', 'ci-abbrev-bracketed', 'ci-colon-equals'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% confidence interval [CI] = ${l(d!)} to ${h(d!)}).` },
  { id: 'comma-bounds', families: ['comma-bounds', 'percent-bounds', 'ci-colon-equals'], measures: [PROPORTION], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${p(d!, d!.value)} (95% CI: ${p(d!, d!.low)}, ${p(d!, d!.high)}).` },
  { id: 'semicolon-bounds', families: ['semicolon-bounds'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% CI ${l(d!)}; ${h(d!)}).` },
  { id: 'mid-dot', families: ['en-dash', 'mid-dot'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${dot(v(d!))} (95% CI ${dot(l(d!))}–${dot(h(d!))}).` },
  { id: 'ci-level-after', families: ['hyphen', 'ci-level-after'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (CI 95% ${l(d!)}-${h(d!)}).` },
  { id: 'ci-dotted', families: ['hyphen', 'ci-dotted'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% C.I. ${l(d!)}-${h(d!)}).` },
  { id: 'level-90', families: ['en-dash', 'non-95-level'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, otherLevel: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (90% CI ${l(d!)}–${h(d!)}).` },
  { id: 'counts', families: ['en-dash', 'counts', 'percent-value-only'], measures: [['sensitivity', 'specificity', 'accuracy']], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${p(d!, d!.value)} (${per1000(d!)}/1000, 95% CI ${l(d!)}–${h(d!)}).` },
  { id: 'auc-percent', families: ['en-dash', 'auc-percent', 'percent-value-only', 'ci-colon-equals'], measures: [['AUC']], pct: true, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${p(d!, d!.value)} (95% CI: ${l(d!)}–${h(d!)}).` },
  { id: 'p-value-inside', families: ['comma-bounds', 'p-value-inside', 'ci-colon-equals'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} was ${v(d!)} (95% CI: ${l(d!)}, ${h(d!)}; P < .001).` },
  { id: 'equals', families: ['hyphen', 'equals-colon'], measures: [ANY], pct: false, statesLevel: true, hasCi: true, render: (a, [w], [d]) => `The ${w} for ${a} = ${v(d!)} (95% CI ${l(d!)}-${h(d!)}).` },
  {
    id: 'respectively',
    families: ['en-dash', 'series', 'respectively', 'percent-value-only'],
    measures: [['sensitivity'], ['specificity']],
    pct: true,
    statesLevel: true,
    hasCi: true,
    render: (a, _w, [s, c]) => `The sensitivity and specificity for ${a} were ${p(s!, s!.value)} (95% CI ${l(s!)}–${h(s!)}) and ${p(c!, c!.value)} (95% CI ${l(c!)}–${h(c!)}), respectively.`,
  },
  { id: 'measure-after-value', families: ['measure-after-value', 'point-only'], measures: [['sensitivity', 'specificity', 'accuracy']], pct: true, statesLevel: false, hasCi: false, render: (a, [w], [d]) => `For ${a}, the model reached ${p(d!, d!.value)} ${w} in ${a}.` },
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
