/**
 * Notation families of the real-notation corpus: how a span writes its numbers (dash variants,
 * "to", comma or semicolon bounds, brackets, CI spellings, mid-dot decimals, Unicode minus, % on
 * the bounds, n/N counts, series, the measure named after its value, levels other than 95%…).
 * One family = one entry of FAMILIES. The evaluation reports recall and precision per family;
 * the bench's synthetic corpus draws its notations from the same list.
 */
import type { CorpusEstimate, CorpusSpan } from './corpus.ts';

/** One notation family: an id, what it means, and whether a span (or one of its estimates) uses it. */
export interface NotationFamily {
  id: string;
  description: string;
  test(span: string, estimate: CorpusEstimate, all: readonly CorpusEstimate[]): boolean;
}

const NUM = String.raw`[−-]?\d+(?:[.·]\d+)?`;
const re = (s: string, flags = '') => new RegExp(s, flags);
const HYPHEN = re(String.raw`\d%?-[.·]?\d`);
const DASH = re(String.raw`\d%?[–—‒―]\d`);
const SPACED_DASH = re(String.raw`\d%?\s+[-–—‒―]\s+[−-]?[.·]?\d`);
const TO = re(String.raw`\d%?\s+to\s+[−-]?\d`);
const COMMA_BOUNDS = re(String.raw`${NUM}%?,\s*${NUM}%?\s*[)\];]`);
const SEMI_BOUNDS = re(String.raw`${NUM}%?;\s*${NUM}%?\s*[)\]]`);
const CI_WORD = /\bC\.?I\b|confidence interval|confidence limits|credible interval/i;

/** Every family the evaluation reports, in report order. */
export const FAMILIES: readonly NotationFamily[] = [
  { id: 'hyphen', description: 'bounds joined by a hyphen: 0.82-0.91', test: (s) => HYPHEN.test(s) },
  { id: 'en-dash', description: 'bounds joined by an en or em dash: 0.82–0.91', test: (s) => DASH.test(s) },
  { id: 'spaced-dash', description: 'a dash with spaces: 0.913 – 0.981', test: (s) => SPACED_DASH.test(s) },
  { id: 'to', description: '"to" between bounds: 0.820 to 0.860', test: (s) => TO.test(s) },
  { id: 'comma-bounds', description: 'bounds separated by a comma: (92.4%, 97.8%)', test: (s) => COMMA_BOUNDS.test(s) },
  { id: 'semicolon-bounds', description: 'bounds separated by a semicolon: (0.82; 0.91)', test: (s) => SEMI_BOUNDS.test(s) },
  { id: 'square-brackets', description: 'interval in square brackets: [0.903–0.944]', test: (s, e) => e.ci_low !== null && /\[[^\]]*\d/.test(s) },
  { id: 'ci-glued', description: '"95%CI" without a space', test: (s) => /\d%CI/i.test(s) },
  { id: 'ci-level-after', description: '"CI 95%" or "CI95%"', test: (s) => /\bCI\s*\d{2}(?:\.\d)?\s*%/i.test(s) },
  { id: 'ci-dotted', description: '"C.I."', test: (s) => /C\.I\./i.test(s) },
  { id: 'ci-spelled', description: '"confidence interval" spelled out', test: (s) => /confidence (?:interval|limit)/i.test(s) },
  { id: 'ci-abbrev-bracketed', description: '"confidence interval [CI]" or "(CI)"', test: (s) => /confidence intervals?\s*[[(]\s*(?:\d+%\s*)?CI\s*[\])]/i.test(s) },
  { id: 'ci-colon-equals', description: '"CI:" / "CI =" / "[CI],"', test: (s) => /\bCIs?\s*[\])]?\s*[:=,]\s*[−-]?\d/i.test(s) },
  { id: 'no-ci-words', description: 'an interval with no CI words: 0.86 (0.85–0.87)', test: (s, e) => e.ci_low !== null && !CI_WORD.test(s) },
  { id: 'non-95-level', description: 'a stated level other than 95%', test: (_s, e) => e.ci_level !== null && e.ci_level !== 0.95 },
  { id: 'mid-dot', description: 'Lancet decimals: 0·87', test: (s) => /\d·\d/.test(s) },
  { id: 'unicode-minus', description: 'a Unicode minus sign: −0.081', test: (s) => /−\d/.test(s) },
  { id: 'negative', description: 'a negative value or bound', test: (_s, e) => e.value < 0 || (e.ci_low ?? 0) < 0 },
  { id: 'percent-bounds', description: '% on the bounds: 92.4%–97.8%', test: (s, e) => e.ci_low !== null && re(String.raw`\d%\s*(?:[-–—,;]|to)\s*[−-]?\d[\d.·]*\s*%`).test(s) },
  { id: 'percent-value-only', description: '% on the value, bare bounds: 87% (82–91)', test: (s, e) => e.ci_low !== null && /\d%/.test(s) && !re(String.raw`\d%\s*(?:[-–—,;]|to)\s*[−-]?\d[\d.·]*\s*%`).test(s) },
  { id: 'percent-scale-no-sign', description: 'a 0–100 scale without a % sign: 29.60 (27.40, 31.88)', test: (s, e) => e.unit === 'percent' && !/%\s*$|\d\s?%/.test(s.replace(/\d+(?:\.\d+)?%\s*(?:CI|confidence|C\.I)/gi, '')) },
  { id: 'auc-percent', description: 'an AUC in percent: 89.4%', test: (_s, e) => e.measure === 'AUC' && e.value > 1 },
  { id: 'counts', description: 'n/N beside a proportion: 87% (193/223)', test: (s, e) => e.n !== null || /\d\s*\/\s*\d/.test(s) },
  { id: 'series', description: 'several estimates in one span', test: (_s, _e, all) => all.length > 1 },
  { id: 'respectively', description: '"…, respectively"', test: (s) => /respectively/i.test(s) },
  { id: 'measure-after-value', description: 'the measure named after its value: 92% accuracy', test: (s, e) => measureAfterValue(s, e) },
  { id: 'equals-colon', description: '"AUC = 0.92" / "AUC: 0.92"', test: (s) => re(String.raw`[=:]\s*${NUM}`).test(s.replace(/\bCIs?\s*[\])]?\s*[:=]/gi, '')) },
  { id: 'versus', description: 'a comparison: 0.852 vs 0.805', test: (s) => /\b(?:vs\.?|versus)\s/i.test(s) },
  { id: 'p-value-inside', description: 'a p-value inside the span', test: (s) => /\bP\s*[<=>≤]/i.test(s) },
  { id: 'point-only', description: 'a value without an interval', test: (_s, e) => e.ci_low === null },
];

/** Whether the span names the estimate's measure only after its value ("95.8% … sensitivity"). */
function measureAfterValue(span: string, e: CorpusEstimate): boolean {
  if (!e.target) return false;
  const at = span.toLowerCase().indexOf(e.target.toLowerCase());
  const num = span.search(/\d/);
  return at >= 0 && num >= 0 && num < at;
}

/** The ids of the families an estimate of a span belongs to. */
export function familiesOf(span: CorpusSpan, estimate: CorpusEstimate): string[] {
  return FAMILIES.filter((f) => f.test(span.text, estimate, span.estimates)).map((f) => f.id);
}
