/**
 * The words around an estimate: which words may stand between a measure and its value (and
 * which say the number is no estimate), and the label an estimate is about, read backwards
 * from a measure or value ("presence of WMA") or forwards after it ("for fracture detection").
 */
import { OPEN, type Span, type Tok } from './tokens.ts';
import { UNIT_WORDS } from './unit-words.ts';
import { readCiSpec } from './values.ts';

/** Units and counted things (re-exported for the extractor's main loop). */
export { UNIT_WORDS };

/** Between a measure and its value: "AUC of", "sensitivity was", "AUC (95% CI) for WMA was". */
const FILLER = new Set([
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'a', 'an', 'the', 'its', 'their', 'our', 'this', 'these', 'value', 'values',
  'score', 'scores', 'coefficient', 'coefficients', 'statistic', 'statistics', 'estimate', 'estimates', 'index', 'similarity',
  'measure', 'overall', 'mean', 'average', 'median', 'pooled', 'approximately', 'approx', 'about', 'around', 'nearly', 'roughly',
  'almost', 'reached', 'reaching', 'achieved', 'achieving', 'yielded', 'yielding', 'showed', 'showing', 'shown', 'had', 'has',
  'have', 'obtained', 'observed', 'found', 'reported', 'demonstrated', 'attained', 'gave', 'giving', 'equal', 'equals', 'equaled',
  'equalled', 'amounted', 'resulted', 'rate', 'rates', 'level', 'corresponding', 'estimated', 'calculated', 'computed', 'measured',
  'respective', 'only',
]);
/** Prepositions that introduce a label ("AUC for fracture detection was 0.91"). */
export const PREP = new Set(['for', 'in', 'of', 'on', 'among', 'across', 'within', 'with']);
/** Words that mean the number is a bound, threshold or change, not an estimate. */
const BLOCK = new Set([
  'from', 'between', 'than', 'above', 'below', 'over', 'under', 'exceeding', 'exceeded', 'exceeds', 'exceed', 'least', 'most',
  'greater', 'higher', 'lower', 'less', 'more', 'up', 'by', 'increased', 'increase', 'increases', 'decreased', 'decrease',
  'decreases', 'improved', 'improvement', 'improves', 'improve', 'rose', 'fell', 'dropped', 'declined', 'ranged', 'range',
  'ranging', 'threshold', 'cutoff', 'cut-off', 'target', 'defined', 'fixed', 'minimum', 'maximum', 'min', 'max',
  'change', 'changed', 'vs', 'versus', 'compared', 'relative', 'and', 'or', 'but', 'while', 'whereas', 'however', 'respectively',
  'p', 'n', 'per', 'after', 'before', 'at', 'if', 'not', 'no', 'without', 'cannot', 'to', 'sd', 'se', 'iqr',
  'year', 'years', 'ratio', 'loss', 'probability',
]);
/** Words that end a list item's label: the number after them is another kind of statistic ("a false-negative rate of 2%"). */
const LIST_BLOCK = new Set(['rate', 'rates', 'error', 'errors', 'loss', 'probability', 'threshold', 'cutoff', 'cut-off', 'difference']);
/** Words a whole number after them identifies rather than estimates: "week 33", "grade 3", "test set 1". */
export const ID_WORDS = new Set([
  'week', 'day', 'month', 'year', 'hour', 'visit', 'grade', 'stage', 'type', 'version', 'phase', 'set', 'cohort', 'group',
  'round', 'figure', 'fig', 'table', 'class', 'level', 'session', 'site', 'center', 'centre', 'hospital', 'model', 'dataset',
  'cycle', 'wave', 'trial', 'study', 'arm', 'step', 'tier', 'category', 'bi-rads', 'pi-rads', 'li-rads', 'lung-rads',
  'investigator', 'reader', 'rater', 'observer', 'examiner', 'radiologist', 'annotator', 'surgeon',
]);
/** Words that end a label read backwards from a measure or value. */
const BACK_STOP = new Set([
  'for', 'to', 'with', 'by', 'in', 'on', 'at', 'from', 'into', 'than', 'as', 'and', 'or', 'but', 'nor', 'vs', 'versus', 'was',
  'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'having', 'that', 'which', 'who', 'whose', 'while', 'whereas',
  'however', 'although', 'though', 'because', 'since', 'when', 'where', 'whether', 'if', 'detect', 'detecting', 'detected',
  'predict', 'predicting', 'predicted', 'identify', 'identifying', 'identified', 'classify', 'classifying', 'diagnose',
  'diagnosing', 'distinguish', 'distinguishing', 'discriminate', 'discriminating', 'differentiate', 'differentiating',
  'achieved', 'achieving', 'showed', 'showing', 'yielded', 'yielding', 'reached', 'demonstrated', 'demonstrating', 'obtained',
  'reported', 'using', 'via', 'per', 'among', 'between', 'across', 'within', 'after', 'before', 'during', 'including',
  'included', 'respectively', 'also', 'both', 'all', 'p', 'n', 'results', 'conclusions', 'conclusion', 'methods', 'findings',
  'not', 'no', 'only',
  // judgements, not names: "higher mortality (HR …)" is about mortality
  'high', 'higher', 'highest', 'low', 'lower', 'lowest', 'good', 'better', 'best', 'poor', 'poorer', 'worse', 'excellent',
  'moderate', 'fair', 'similar', 'comparable', 'superior', 'inferior', 'significantly', 'significant', 'improved', 'increased',
  'decreased', 'reduced', 'greater', 'strong', 'weak',
]);
/** Words that end a label read forwards after "for" / "in". */
const FORWARD_STOP = new Set([
  'and', 'or', 'but', 'was', 'were', 'is', 'are', 'with', 'while', 'whereas', 'respectively', 'which', 'that', 'compared', 'vs',
  'versus', 'than', 'when', 'however', 'although', 'to', 'by', 'using', 'p', 'n',
]);
const LEADING_NOISE = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'this', 'these', 'those', 'both', 'each', 'all', 'of', 'for', 'in']);
/** Labels that name the index test, not what it estimates; a "for …" label after the value is preferred. */
const GENERIC = new Set([
  'model', 'models', 'algorithm', 'algorithms', 'network', 'networks', 'system', 'systems', 'classifier', 'tool', 'method',
  'approach', 'performance', 'it', 'they',
]);
/** Not labels: the number next to them is a statistic of another kind. */
const STAT_WORDS = new Set(['p', 'n', 'sd', 'se', 'iqr', 'range', 'median', 'mean', 'age', 'aged', 'total', 'vs', 'versus']);

/** Drop "the", "presence of" and the like from the front of a label. */
export function trimLabel(t: readonly Tok[], span: Span | null): Span | null {
  if (!span) return null;
  let { start } = span;
  for (let k = start; k < span.end - 1; k++) {
    if ((t[k]!.norm === 'presence' || t[k]!.norm === 'absence') && t[k + 1]!.norm === 'of') start = k + 2;
  }
  while (start < span.end && LEADING_NOISE.has(t[start]!.norm)) start++;
  if (start >= span.end || (span.end - start === 1 && STAT_WORDS.has(t[start]!.norm))) return null;
  return { start, end: span.end };
}

/** Up to five words read backwards from just before token `end` ("presence of WMA" → "WMA"). */
export function backLabel(t: readonly Tok[], end: number, inMention: ArrayLike<number>): Span | null {
  let e = end;
  if (t[e - 1] && OPEN.has(t[e - 1]!.text)) e--;
  // "wall motion abnormality (WMA) (AUC …)": the abbreviation names it
  if (t[e - 1]?.text === ')' && t[e - 2]?.kind === 'word' && t[e - 3]?.text === '(') return trimLabel(t, { start: e - 2, end: e - 1 });
  let s = e;
  while (s > 0 && e - s < 5) {
    const x = t[s - 1]!;
    if (x.kind !== 'word' || BACK_STOP.has(x.norm) || inMention[s - 1]! >= 0) break;
    s--;
  }
  return s < e ? trimLabel(t, { start: s, end: e }) : null;
}

/** "for fracture detection" / "in the external test set" / "at the lesion level" starting at token k. */
export function forwardLabel(t: readonly Tok[], k: number, inMention: ArrayLike<number>): Span | null {
  const x = t[k];
  const atThe = x?.norm === 'at' && t[k + 1]?.norm === 'the'; // "at the lesion level" (not "at 90% specificity")
  if (!x || !(x.norm === 'for' || x.norm === 'in' || x.norm === 'among' || x.norm === 'on' || x.norm === 'across' || atThe)) return null;
  let e = k + 1;
  while (e < t.length && e - k <= 6) {
    const w = t[e]!;
    if (w.kind !== 'word' || FORWARD_STOP.has(w.norm) || inMention[e]! >= 0) break;
    e++;
  }
  return trimLabel(t, { start: k + 1, end: e });
}

/** Whether a label names the index test ("the model") rather than what it estimates. */
export function isGeneric(t: readonly Tok[], span: Span): boolean {
  return GENERIC.has(t[span.end - 1]!.norm);
}

/**
 * Words that make the number a bound or a change only when they stand right before it ("above
 * 90%", "from 0.80", "at 6 months"); elsewhere in the gap they belong to a label ("AUC to
 * distinguish benign from malignant lesions was 0.855", "sensitivity after matching was 0.908").
 */
const NEAR_BLOCK = new Set(['from', 'to', 'than', 'above', 'below', 'over', 'under', 'between', 'by', 'after', 'before', 'at', 'up', 'per', 'age', 'aged', 'when', 'no']);
/**
 * Comparison words: right before a value they make it a bound ("higher than 0.9"); further away
 * the value is an estimate compared with another ("AUC was higher than human ratings (0.742…"),
 * read and flagged.
 */
const COMPARISON = new Set(['higher', 'lower', 'greater', 'better', 'worse', 'superior', 'inferior', 'than', 'outperformed', 'exceeded', 'compared', 'comparable']);
/** Words of a change; the value after them is an estimate only when it carries its interval ("increased to 86.7% (95% CI 59.5% to 98.3%)"). */
const CHANGE_WORDS = new Set([
  'increased', 'decreased', 'improved', 'rose', 'fell', 'dropped', 'declined', 'reduced', 'cut-off', 'cutoff', 'threshold', 'down',
]);
/** Verbs of a change; "… increased to 0.91" gives the level reached, "from 0.80 to 0.91" both levels ("by 0.05" would be the change). */
export const CHANGE_VERBS: ReadonlySet<string> = new Set([
  'increased', 'increases', 'increase', 'improved', 'improves', 'rose', 'rises', 'decreased', 'decreases', 'fell', 'falls',
  'dropped', 'drops', 'declined', 'declines', 'reduced', 'climbed', 'went', 'down',
]);
/** Threshold words: the value after them is the threshold, unless the threshold has its own number with a unit. */
const THRESHOLD_WORDS = new Set(['cutoff', 'cut-off', 'threshold', 'cutpoint', 'cut-point']);

/** "cutoff value of 22 ppb": a number with a unit within three tokens after the threshold word at k, before `to`. */
function thresholdQualified(t: readonly Tok[], k: number, to: number): boolean {
  for (let j = k + 1; j < to && j <= k + 4; j++) {
    if (t[j]!.kind === 'num') return qualifierNumber(t, j, to) !== null;
  }
  return false;
}

/** Words of a range of estimates ("AUCs ranged from 0.740 (0.661, 0.810) to 0.931 (…)"): read only when the values carry intervals. */
const RANGE_WORDS = new Set(['ranged', 'ranging', 'from']);
/** Words after which "and"/"or" join parts of a label ("AUC for PCT and CRP was…"), not two clauses. */
const LABEL_OPENERS = new Set([...PREP, 'between']);

/** Whether only filler, punctuation or nothing stands between token k and the value at `to`. */
function nextToValue(t: readonly Tok[], k: number, to: number): boolean {
  for (let j = k + 1; j < to; j++) {
    const x = t[j]!;
    if (x.kind === 'num' && qualifierNumber(t, j, to) !== null) return false; // "over a 30-year span"
    if (x.kind === 'num' || x.kind === 'dash' || x.kind === 'minus') return true;
    if (x.kind === 'word' && !FILLER.has(x.norm)) return false;
  }
  return true;
}

/** A number in the gap that qualifies the next word ("4–7 years", "a 30-year span"): the index past it, else null. */
function qualifierNumber(t: readonly Tok[], k: number, to: number): number | null {
  let j = k + 1;
  if (t[j]?.kind === 'word' && UNIT_WORDS.has(t[j]!.norm) && t[j + 1]?.text === '/' && t[j + 2]?.kind === 'word') return j + 3 <= to ? j + 3 : null; // "2 ng/mL"
  if (t[j]?.norm === 'to' && t[j + 1]?.kind === 'num' && t[j + 2]?.kind === 'word' && UNIT_WORDS.has(t[j + 2]!.norm)) return j + 3 <= to ? j + 3 : null; // "1 to 3 years"
  if (t[j]?.kind === 'dash' && t[j + 1]?.kind === 'num') j += 2;
  const glued = t[j]?.kind === 'dash' && t[j]!.start === t[j - 1]!.end && t[j + 1]?.kind === 'word' && t[j + 1]!.start === t[j]!.end;
  if (glued) j++;
  const w = t[j];
  if (!w || w.kind !== 'word' || j >= to || !(glued || UNIT_WORDS.has(w.norm))) return null;
  return j + 1;
}

/** Words between a measure mention and its value; null when they say it is no estimate. */
export function readGap(t: readonly Tok[], from: number, to: number, valueHasCi = false): { label: Span | null; comparison: boolean } | null {
  if (to - from > 32) return null;
  const g: GapState = { comparison: false, first: -1, last: -1, afterPrep: -1, opener: false, words: 0 };
  for (let k = from; k < to; ) {
    // "(AUROC/AUPRC) 0.99": the measures were in brackets
    const next = k === from && /^[)\]]$/.test(t[k]!.text) ? k + 1 : gapStep(t, k, to, valueHasCi, g);
    if (next === null) return null;
    if (next === GAP_END) break;
    k = next;
  }
  return { label: g.first >= 0 ? trimLabel(t, { start: g.first, end: g.last + 1 }) : null, comparison: g.comparison };
}

/** What reading a gap has found so far: the label's first and last words, and whether it compares. */
interface GapState {
  comparison: boolean;
  first: number;
  last: number;
  afterPrep: number; // the first preposition ("for", "in" …), whose words replace a label read before it
  opener: boolean; // a preposition (or "between") has opened a label, which "and"/"or" may continue
  words: number;
}

/** A gap step's answer that the gap's label ends here (the rest is read no further). */
const GAP_END = 'end';

/** One step through a gap at token k: the token to go on from, GAP_END, or null when the gap says the value is no estimate. */
function gapStep(t: readonly Tok[], k: number, to: number, valueHasCi: boolean, g: GapState): number | typeof GAP_END | null {
  const x = t[k]!;
  if (OPEN.has(x.text)) return gapBracket(t, k, to, g);
  if (x.kind === 'punct' && /^[:=,≈~≃≅]$/.test(x.text)) return k + 1;
  if (x.kind === 'punct' && /^[≥≤<>]$/.test(x.text) && t[k + 1]?.kind === 'num') return qualifierNumber(t, k + 1, to); // "for PCT ≥2 ng/mL and CRP >40 mg/L were"
  const spec = readCiSpec(t, k); // "with corresponding 95 % confidence intervals (CI) of"
  if (spec && spec.end <= to) return spec.end;
  if (x.kind === 'num') {
    const counts = t[k + 1]?.text === '/' && t[k + 2]?.kind === 'num' ? k + 3 : null; // "35/50 = 0.70"
    const id = Number.isInteger(x.num) && ID_WORDS.has(t[k - 1]?.norm ?? '') ? k + 1 : null; // "at week 33"
    return counts ?? id ?? qualifierNumber(t, k, to);
  }
  if (x.kind === 'dash' && t[k - 1]?.kind === 'word' && t[k + 1]?.kind === 'word') return k + 1; // "case–control studies"
  if (x.kind !== 'word') return null;
  return gapSkippedWord(t, k, to, valueHasCi, g) ?? gapLabelWord(t, k, g);
}

/** A bracket in a gap: a CI statement, an abbreviation, counts, or a label opening right before the value. */
function gapBracket(t: readonly Tok[], k: number, to: number, g: GapState): number | typeof GAP_END | null {
  const close = OPEN.get(t[k]!.text)!;
  // "AUC (95% CI) was", "HRs (95% confidence intervals [CIs]) for", "sensitivity (SN) of"
  const spec = readCiSpec(t, k + 1);
  if (spec && t[spec.end]?.text === close && spec.end < to) return spec.end + 1;
  let w = k + 1;
  while (w < to && w <= k + 4 && (t[w]!.kind === 'word' || (w > k + 1 && /^[+/&]$/.test(t[w]!.text)))) w++;
  if (w > k + 1 && t[w]?.text === close && w < to) return w + 1; // "(SN)", "(positive predictive value)"
  const past = skipStatBrackets(t, k, to); // "(n = 153)"
  if (past > k) return past;
  if (k === to - 1) return GAP_END;
  // "using CHARGE-AF (MGH 0.802": a label opens a bracket right before the value
  let j = k + 1;
  while (j < to && j - k <= 5 && ((t[j]!.kind === 'word' && !BLOCK.has(t[j]!.norm)) || (j > k + 1 && /^[,:]$/.test(t[j]!.text)))) j++;
  if (j === to && j > k + 1) {
    if (g.first < 0 || (g.afterPrep >= 0 && g.first < g.afterPrep)) g.first = k + 1;
    g.last = to - 1;
    return GAP_END;
  }
  return null;
}

/** A word a gap passes over without making it part of the label (a copula, a comparison, a change, a preposition); undefined if none of these. */
function gapSkippedWord(t: readonly Tok[], k: number, to: number, valueHasCi: boolean, g: GapState): number | undefined {
  const x = t[k]!;
  if (x.norm === 'to' && (t[k + 1]?.norm === 'be' || /^(?:equal|amounted|found|shown)$/.test(t[k - 1]?.norm ?? ''))) return k + 1;
  if (/^(?:vs|versus)$/.test(x.norm) && t[k - 1]?.kind === 'dash' && t[k - 1]!.start === t[k - 2]?.end) return k + 1; // "the high- versus low-risk groups"
  if (x.norm === 'respectively' && /^(?:was|were|are|is)$/.test(t[k - 1]?.norm ?? '')) return k + 1; // "sensitivity, specificity, and accuracy were respectively 85%, …"
  if ((x.norm === 'and' || x.norm === 'or') && g.opener) return k + 1;
  if (CHANGE_VERBS.has(x.norm) && (t[k + 1]?.norm === 'to' || t[k + 1]?.norm === 'from') && k + 2 === to) {
    // "sensitivity increases to 90.0%", "improved from 94%": a level before or after a change is an estimate, compared with the other
    g.comparison = true;
    return k + 2;
  }
  if (valueHasCi && (x.norm === 'at' || RANGE_WORDS.has(x.norm) || CHANGE_WORDS.has(x.norm) || (g.comparison && x.norm === 'to'))) {
    // "estimated at 0.88 (95% CI 0.82–0.92)", "ranged from 0.740 (0.661, 0.810) to …", "increased to 86.7% (95% CI …)":
    // a value with its own interval is an estimate (a change would be "by 0.05"), compared with another
    if (x.norm !== 'at') g.comparison = true;
    return k + 1;
  }
  if (COMPARISON.has(x.norm) && (!nextToValue(t, k, to) || (OPEN.has(t[k + 1]?.text ?? '') && k + 2 === to))) {
    // "accuracy was higher (91.0 % versus 87.8 %": the values in the bracket are compared, not bounds
    g.comparison = true;
    return k + 1;
  }
  if (x.norm === 'at' && /^(?:highest|lowest|best|worst|estimated|calculated|remained|high|low|stable)$/.test(t[k - 1]?.norm ?? '')) return k + 1; // "were highest at 0.85 and 0.80", "remained high at 97.2%"
  if (NEAR_BLOCK.has(x.norm) && !nextToValue(t, k, to)) {
    if (LABEL_OPENERS.has(x.norm)) g.opener = true;
    if (PREP.has(x.norm) && g.afterPrep < 0) g.afterPrep = k;
    return k + 1;
  }
  // "at the best cutoff value of 22 ppb were 56.9%": the cut-off has its own number and unit
  if (THRESHOLD_WORDS.has(x.norm) && thresholdQualified(t, k, to)) return k + 1;
  return undefined;
}

/** A word that blocks the gap (null), opens a label (a preposition), or is one of the label's words; returns the next token. */
function gapLabelWord(t: readonly Tok[], k: number, g: GapState): number | null {
  const x = t[k]!;
  if (BLOCK.has(x.norm)) return null;
  if (PREP.has(x.norm)) {
    if (g.afterPrep < 0) g.afterPrep = k;
    g.opener = true;
  } else if (!FILLER.has(x.norm)) {
    if (g.afterPrep >= 0 && g.first < g.afterPrep) [g.first, g.words] = [-1, 0];
    if (g.first < 0) g.first = k;
    g.last = k;
    if (++g.words > 12) return null;
  }
  return k + 1;
}

/** Tokens joining a list item to the previous estimate: "), T2", "and", "; or ECV", "vs", "compared to". */
export function readListGap(t: readonly Tok[], from: number, to: number, inMention: ArrayLike<number>, valueHasCi = false): { label: Span | null; versus: boolean } | null {
  if (to - from > 20) return null;
  const joined = readJoiners(t, skipPreviousTail(t, from, to, inMention), to, from, valueHasCi);
  return joined.seps === 0 ? null : readListLabel(t, joined.k, to, joined.versus, inMention, valueHasCi);
}

/** Past what follows the previous value in a list gap: its spread, small brackets, label and p-value; returns the next token. */
function skipPreviousTail(t: readonly Tok[], from: number, to: number, inMention: ArrayLike<number>): number {
  let k = from;
  // "± 0.24", ", respectively," and a small bracket after the previous value: "(84/88)", "(PDFF ≥ 5%)", "(n = 56)"
  if (t[k]?.text === '±' && t[k + 1]?.kind === 'num') k += 2;
  k = skipSmallBracket(t, k, to);
  while (k < to && (t[k]!.text === ')' || t[k]!.text === ']') && t[k + 1]?.kind === 'word' && !/^(?:and|or)$/.test(t[k + 1]!.norm)) k++; // "…]) for three-day mortality was higher than …"
  if (t[k]?.text === ',' && t[k + 1]?.norm === 'respectively' && t[k + 2]?.text === ',') k += 3;
  const after = forwardLabel(t, k, inMention);
  if (after) k = after.end;
  k = skipLabelRest(t, k, to, inMention);
  k = skipStatBrackets(t, k, to);
  while (k < to && (t[k]!.text === ')' || t[k]!.text === ']')) k++;
  // "; p<0.001 and compared to qSOFA: 0.68"
  if (t[k]?.text === ';' || t[k]?.text === ',') {
    const p = t[k + 1];
    if (p?.norm === 'p' && /^[<=>≤≥]$/.test(t[k + 2]?.text ?? '') && t[k + 3]?.kind === 'num') k += 4;
  }
  return k;
}

/** Past the rest of the previous value's long label: "on the hold out internal test set", "(AI) system", "test set 1 (Hospital B)". */
function skipLabelRest(t: readonly Tok[], k: number, to: number, inMention: ArrayLike<number>): number {
  for (let n = 0; n < 8 && k < to; n++) {
    const x = t[k]!;
    if (x.kind === 'word' && !FORWARD_STOP.has(x.norm) && !BLOCK.has(x.norm) && !LIST_BLOCK.has(x.norm) && inMention[k]! < 0) k++;
    else if (x.kind === 'dash' && t[k - 1]?.kind === 'word' && t[k + 1]?.kind === 'word') k++; // "three -day mortality" 
    else if (x.kind === 'num' && Number.isInteger(x.num) && ID_WORDS.has(t[k - 1]?.norm ?? '')) k++;
    else if (x.kind === 'num' && /^(?:aged|age)$/.test(t[k - 1]?.norm ?? '') && (t[k + 1]?.kind === 'dash' || t[k + 1]?.norm === 'to') && t[k + 2]?.kind === 'num') {
      k += 3; // "in patients aged 51-60 years"
      if (t[k]?.kind === 'word' && UNIT_WORDS.has(t[k]!.norm)) k++;
    }
    else if (OPEN.has(x.text) && skipSmallBracket(t, k, to) > k && !t.slice(k, skipSmallBracket(t, k, to)).some((y) => y.kind === 'num' && !Number.isInteger(y.num))) k = skipSmallBracket(t, k, to);
    else break;
  }
  return k;
}

/** The joining words of a list gap ("and", ";", "vs", "compared to", "higher than"): how many, where they end, and whether they compare. */
function readJoiners(t: readonly Tok[], k: number, to: number, from: number, valueHasCi: boolean): { k: number; seps: number; versus: boolean } {
  let seps = 0;
  let versus = false;
  while (k < to) {
    const x = t[k]!;
    if (/^[,;/]$/.test(x.text) || /^(?:and|or|whereas|while|then)$/.test(x.norm)) k++;
    else if (/^(?:followed|trailed)$/.test(x.norm) && t[k + 1]?.norm === 'by') k += 2; // "…, followed by random forest (0.76; …)"
    else if (/^(?:was|were|is|are)$/.test(x.norm) && COMPARISON.has(t[k + 1]?.norm ?? '')) k++; // "… was higher than that of raters (77.6%"
    else if (x.norm === 'to' && (valueHasCi || (t[from - 2]?.norm === 'from' && CHANGE_VERBS.has(t[from - 3]?.norm ?? '')))) {
      // "from 0.740 (0.661, 0.810) to 0.931 (0.912, 0.953)", "improved from 94% to 98%"
      versus = true;
      k++;
    } else if (/^(?:vs|versus)$/.test(x.norm)) {
      versus = true;
      k += t[k + 1]?.text === '.' ? 2 : 1;
    } else if (/^(?:compared|comparable|similar)$/.test(x.norm) && /^(?:to|with)$/.test(t[k + 1]?.norm ?? '')) {
      versus = true;
      k += 2;
    } else if (COMPARISON.has(x.norm)) {
      versus = true; // "was higher than that of human raters (77.6%", "outperformed NEWS (0.034"
      k++;
      while (k < to && /^(?:than|that|those|of)$/.test(t[k]!.norm)) k++;
    } else break;
    seps++;
  }
  return { k, seps, versus };
}

/** The label of a list item after the joining words, up to its value; null unless the gap ends exactly at the value. */
function readListLabel(t: readonly Tok[], k: number, to: number, versus: boolean, inMention: ArrayLike<number>, valueHasCi: boolean): { label: Span | null; versus: boolean } | null {
  while (k < to && /^(?:the|for|in)$/.test(t[k]!.norm)) k++;
  const s = k;
  // after a comparison the label may hold any words: "than all radiologists without BMD ("
  while (k < to && k - s < (versus ? 6 : 5)) {
    const x = t[k]!;
    if (k > s && COPULA.test(x.norm)) break;
    if (x.kind === 'word' && ((versus && inMention[k]! < 0) || (!BLOCK.has(x.norm) && !LIST_BLOCK.has(x.norm)))) k++;
    else if (x.kind === 'num' && Number.isInteger(x.num) && ID_WORDS.has(t[k - 1]?.norm ?? '')) k++; // "and investigator 2 showed 0.993"
    else break;
  }
  let e = k;
  // "…, whereas the average performance of dental clinicians was 0.69": a label with its verb, naming no other statistic
  if (e > s && COPULA.test(t[k]?.norm ?? '')) {
    if (t.slice(s, e).some((x) => STAT_WORDS.has(x.norm) || UNIT_WORDS.has(x.norm))) return null;
    k++;
  }
  while (k < to && /^[:=(,]$/.test(t[k]!.text)) k++;
  // "and ECG-AI (MGH 0.823": the label goes on inside the bracket
  if (t[k - 1]?.text === '(' && e > s) {
    const inner = k;
    while (k < to && t[k]!.kind === 'word' && !BLOCK.has(t[k]!.norm) && k - inner < 4) k++;
    if (k > inner) e = k;
    // "(ranging from 68.5% [95% CI …]"
    while (valueHasCi && k < to && RANGE_WORDS.has(t[k]!.norm)) [k, versus] = [k + 1, true];
    if (t[k]?.text === ')' && k > inner) k++; // "and residents (taken together), 0.851"
    while (k < to && /^[:,;]$/.test(t[k]!.text)) k++; // "(T-SPOT, 52%"
  } else if (t[k]?.text === '(' && e > s) {
    // "and residents (taken together), 0.851": a parenthetical inside the label
    const close = skipSmallBracket(t, k, to);
    if (close > k && !t.slice(k, close).some((y) => y.kind === 'num')) {
      k = close;
      while (k < to && /^[,;:]$/.test(t[k]!.text)) k++;
    }
  }
  if (k !== to) return null;
  const label = e > s ? trimLabel(t, { start: s, end: e }) : null;
  if (e > s && !label) return null; // "p = 0.03", "n = 120"
  return { label, versus };
}

/** The verb between a list item's label and its value: "… whereas that of clinicians was 0.69". */
const COPULA = /^(?:was|were|is|are)$/;

/** Past one bracket of at most eight tokens, none a bracket, starting at k (not past `to`). */
function skipSmallBracket(t: readonly Tok[], k: number, to: number): number {
  const close = OPEN.get(t[k]?.text ?? '');
  if (!close) return k;
  for (let j = k + 1; j < to && j <= k + 9; j++) {
    const x = t[j]!.text;
    if (x === close) return j + 1;
    if (OPEN.has(x) || /^[)\]}]$/.test(x)) return k;
  }
  return k;
}

/** Past bracketed statistics such as "(p< 0.001)", "(P = .03)", "(n = 56)" starting at k (none past `to`). */
export function skipStatBrackets(t: readonly Tok[], k: number, to: number): number {
  for (;;) {
    const close = OPEN.get(t[k]?.text ?? '');
    if (!close || !/^(?:p|n|i2|i²|iqr|sd|se|range)$/.test(t[k + 1]?.norm ?? '')) return k;
    let j = k + 2;
    while (j < to && j < k + 8 && t[j]!.text !== close && !OPEN.has(t[j]!.text)) j++;
    if (t[j]?.text !== close || j >= to) return k;
    k = j + 1;
  }
}

/** Words that make a value a difference of the measure, not the measure ("increased the C-index by 0.012", "a change in AUC of 0.03"). */
const DIFFERENCE_WORDS = new Set([
  'difference', 'differences', 'change', 'changes', 'improvement', 'improvements', 'increase', 'increases', 'decrease', 'decreases',
  'gain', 'gains', 'loss', 'delta', 'δ', 'reduction', 'reductions', 'drop', 'nri', 'idi', 'net', 'relative', 'absolute',
]);
/** Words that, right before a value, make it a bound or a change ("by 0.012", "than 0.9", "from 0.80"). */
const BOUND_BEFORE = new Set(['by', 'than', 'from', 'to', 'above', 'below', 'over', 'under', 'exceeding', 'at', 'least', 'most', 'up', 'per', 'vs', 'versus']);

/** Whether a word between `from` and `to` makes the value a difference of the measure ("a change in AUC of 0.03"). */
export function hasDifferenceWords(t: readonly Tok[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) {
    // "increases to 90.0%" gives the level reached, not a change
    if (DIFFERENCE_WORDS.has(t[k]!.norm) && !(CHANGE_VERBS.has(t[k]!.norm) && /^(?:to|from)$/.test(t[k + 1]?.norm ?? '') && k + 2 === to)) return true;
  }
  return false;
}

/** Whether the words from a measure to a value say the value is a difference or a bound of it, not its estimate. */
export function isDifferenceGap(t: readonly Tok[], from: number, to: number): boolean {
  if (hasDifferenceWords(t, from, to)) return true;
  let j = to - 1;
  while (j >= from && (FILLER.has(t[j]!.norm) || /^[(:=,\[]$/.test(t[j]!.text))) j--;
  return j >= from && BOUND_BEFORE.has(t[j]!.norm);
}

