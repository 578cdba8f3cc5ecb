/**
 * Read effect estimates ("WMA (AUC 0.873 [95%CI 0.816-0.922])") out of abstract text.
 *
 * The text is split into sentences, each sentence into tokens (numbers, words, dashes,
 * punctuation), and a small hand-written parser reads value groups (a number plus an optional
 * interval) and ties each to a measure named just before it ("AUC of 0.91"), just after it
 * ("92% accuracy") or inherited from the previous estimate of the same list ("…, T2 0.553
 * [0.420-0.692]"). Every look-ahead and look-behind is bounded, so the run time is linear in the
 * length of the text. Only measure-labelled numbers become estimates.
 */
import type { Measure } from '../schema/index.ts';
import { splitSentences } from './sentences.ts';

/** One estimate read from text, with the exact quote it came from. */
export interface ExtractedEstimate {
  label: string;
  measure: Measure;
  value: number;
  ci_low: number | null;
  ci_high: number | null;
  ci_level: number | null;
  unit: 'proportion' | 'percent' | 'ratio' | 'difference' | null;
  quote: string;
  start: number;
  needs_review: boolean;
  review_reason: string | null;
}

// ---------------------------------------------------------------- tokens

interface Tok {
  kind: 'num' | 'word' | 'dash' | 'minus' | 'punct';
  text: string;
  /** Lowercased, with hyphen and apostrophe variants unified (words only). */
  norm: string;
  start: number;
  end: number;
  /** Numeric value of a `num` token, NaN otherwise. */
  num: number;
  /** The number was written with a % sign (included in the token). */
  pct: boolean;
}

const NUM_RE = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:[.·]\d+)?|[.·]\d+/y;
const WORD_RE =
  /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’](?:[\p{L}\p{M}][\p{L}\p{M}\p{N}]*|\p{N}+(?!\p{N}|[.,·]\p{N})(?:[\p{L}\p{M}][\p{L}\p{M}\p{N}]*)?))*/uy;
const ALNUM_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/uy;
const PCT_RE = /[ \u00a0\u2009\u202f]?%/y;
const DASHES = '-‐‑‒–—―';
const MINUSES = '−﹣－';

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function tok(kind: Tok['kind'], text: string, start: number, extra: Partial<Tok> = {}): Tok {
  return { kind, text, norm: text, start, end: start + text.length, num: Number.NaN, pct: false, ...extra };
}

/** Tokens of `s`, with offsets shifted by `base`. */
function tokenize(s: string, base: number): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const prev = i > 0 ? s[i - 1]! : ' ';
    const isDigitStart = /\d/.test(ch) || (/[.·]/.test(ch) && /\d/.test(s[i + 1] ?? '') && !/[\p{L}\p{N}]/u.test(prev));
    if (isDigitStart) {
      const n = sticky(NUM_RE, s, i);
      if (n && !/[\p{L}]/u.test(s[i + n.length] ?? '')) {
        const value = Number(n.replace(/,/g, '').replace('·', '.'));
        const pct = sticky(PCT_RE, s, i + n.length);
        const text = pct ? n + pct : n;
        out.push(tok('num', text, base + i, { num: value, pct: Boolean(pct) }));
        i += text.length;
        continue;
      }
      const w = sticky(ALNUM_RE, s, i);
      if (w) {
        out.push(tok('word', w, base + i, { norm: normWord(w) }));
        i += w.length;
        continue;
      }
    }
    if (/[\p{L}\p{M}]/u.test(ch)) {
      const w = sticky(WORD_RE, s, i) ?? ch;
      out.push(tok('word', w, base + i, { norm: normWord(w) }));
      i += w.length;
      continue;
    }
    const cp = String.fromCodePoint(s.codePointAt(i) ?? 0xfffd);
    const text = cp.length === 2 && s.slice(i, i + 2) === cp ? cp : ch;
    const kind = DASHES.includes(text) ? 'dash' : MINUSES.includes(text) ? 'minus' : 'punct';
    out.push(tok(kind, text, base + i));
    i += text.length;
  }
  return out;
}

function normWord(w: string): string {
  return w.toLowerCase().replace(/[‐‑]/g, '-').replace(/’/g, "'");
}

// ---------------------------------------------------------------- measures

/** Phrases naming a measure (lowercased words). Longest match wins. */
const PHRASES: Record<Measure, string[]> = {
  AUC: [
    'auc', 'aucs', 'auroc', 'aurocs', 'auc-roc', 'roc-auc', 'roc auc', 'aucroc', 'auc roc', 'c-statistic', 'c-statistics',
    'c statistic', 'c statistics', 'c-index', 'c-indices', 'c index', 'concordance index', 'concordance statistic', "harrell's c",
    "harrell's c-index",
  ],
  sensitivity: ['sensitivity', 'sensitivities', 'recall', 'true positive rate', 'true-positive rate', 'tpr'],
  specificity: ['specificity', 'specificities', 'true negative rate', 'true-negative rate', 'tnr'],
  accuracy: ['accuracy', 'accuracies'],
  PPV: ['ppv', 'ppvs', 'positive predictive value', 'positive predictive values', 'precision'],
  NPV: ['npv', 'npvs', 'negative predictive value', 'negative predictive values'],
  F1: ['f1', 'f1-score', 'f1 score', 'f1-scores', 'f1 scores', 'f-score', 'f score', 'f-measure', 'f1-measure', 'f1 measure'],
  Dice: ['dice', 'dsc', 'dscs', 'sørensen-dice', 'sorensen-dice'],
  kappa: ['kappa', 'kappas', 'κ'],
  ICC: ['icc', 'iccs', 'intraclass correlation', 'intra-class correlation', 'intraclass correlations'],
  OR: ['odds ratio', 'odds ratios'],
  HR: ['hazard ratio', 'hazard ratios'],
  RR: ['relative risk', 'relative risks', 'risk ratio', 'risk ratios'],
  MD: ['mean difference', 'mean differences'],
};

/** Abbreviations that are also ordinary words ("or") match only as written. */
const EXACT: ReadonlyMap<string, Measure> = new Map<string, Measure>([
  ...['OR', 'ORs', 'aOR', 'aORs'].map((p) => [p, 'OR'] as const),
  ...['HR', 'HRs', 'aHR', 'aHRs'].map((p) => [p, 'HR'] as const),
  ...['RR', 'RRs', 'aRR', 'aRRs'].map((p) => [p, 'RR'] as const),
  ...['MD', 'MDs', 'WMD'].map((p) => [p, 'MD'] as const),
]);

const PHRASES_BY_FIRST = new Map<string, { words: string[]; measure: Measure }[]>();
for (const [measure, phrase] of Object.entries(PHRASES).flatMap(([m, ps]) => ps.map((p) => [m as Measure, p] as const))) {
  const words = phrase.split(' ');
  const list = PHRASES_BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, measure });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES_BY_FIRST.set(words[0]!, list);
}

/** Words absorbed into a measure mention when they stand right before it ("pooled sensitivity"). */
const MEASURE_PREFIX = new Set([
  'adjusted', 'unadjusted', 'crude', 'pooled', 'overall', 'mean', 'average', 'summary', 'weighted', 'diagnostic', 'balanced',
  'classification', 'macro', 'micro', 'macro-averaged', 'micro-averaged', "cohen's", 'cohen', 'fleiss', "fleiss'", 'linear',
  'quadratic', 'linearly', 'quadratically', 'quadratic-weighted', 'linear-weighted', 'multivariable', 'multivariate',
]);
/** A mention followed by one of these is not the measure ("sensitivity analysis", "recall rate"). */
const NOT_AFTER: Partial<Record<Measure, ReadonlySet<string>>> = {
  sensitivity: new Set(['analysis', 'analyses', 'rate', 'rates', 'bias']),
  PPV: new Set(['medicine', 'oncology', 'health', 'psychiatry', 'nutrition', 'radiotherapy', 'therapy']),
};
/** Words that may stand between a measure and its bracketed abbreviation ("kappa coefficient (κ)"). */
const MENTION_TAIL = new Set([
  'coefficient', 'coefficients', 'score', 'scores', 'index', 'value', 'values', 'statistic', 'similarity', 'measure',
]);
/** Words inside "area under the receiver operating characteristic (ROC) curve". */
const AREA_UNDER_WORDS = new Set([
  'the', 'a', 'receiver', 'operating', 'operator', 'characteristic', 'characteristics', 'receiver-operating',
  'receiver-operator', 'roc', 'summary', '(', ')',
]);

interface Mention {
  measure: Measure;
  start: number; // token index
  end: number; // exclusive
}

/** A list of measures named together ("sensitivity, specificity and NPV"). */
interface Group {
  mentions: Mention[];
  start: number;
  end: number;
  consumed: boolean;
}

/** The measure phrase starting at token i, if any. */
function matchMeasure(t: readonly Tok[], i: number): Mention | null {
  const first = t[i];
  if (!first || first.kind !== 'word') return null;
  const exact = EXACT.get(first.text);
  if (exact) return { measure: exact, start: i, end: i + 1 };
  if (first.norm === 'area' && t[i + 1]?.norm === 'under') {
    for (let j = i + 2; j < i + 12 && j < t.length; j++) {
      const n = t[j]!.norm;
      if (n === 'curve' || n === 'curves') return { measure: 'AUC', start: i, end: j + 1 };
      if (!AREA_UNDER_WORDS.has(n)) return null;
    }
    return null;
  }
  for (const cand of PHRASES_BY_FIRST.get(first.norm) ?? []) {
    if (cand.words.every((w, k) => t[i + k]?.kind === 'word' && t[i + k]!.norm === w)) {
      return { measure: cand.measure, start: i, end: i + cand.words.length };
    }
  }
  return null;
}

/** All measure mentions in a sentence's tokens, grouped into lists. */
function findGroups(t: readonly Tok[]): Group[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < t.length; i++) {
    const m = matchMeasure(t, i);
    if (!m) continue;
    const next = t[m.end];
    if (next?.kind === 'word' && NOT_AFTER[m.measure]?.has(next.norm)) continue;
    const before = t[m.start - 1]?.norm ?? '';
    if (m.measure === 'MD' && /^(?:standardi[sz]ed|std)$/.test(before)) continue;
    for (let k = 0; k < 2 && t[m.start - 1]?.kind === 'word' && MEASURE_PREFIX.has(t[m.start - 1]!.norm); k++) m.start--;
    // "area under the curve (AUC)", "Dice similarity coefficient (DSC)": the abbreviation belongs to the mention
    let e = m.end;
    while (e < m.end + 2 && MENTION_TAIL.has(t[e]?.norm ?? '')) e++;
    if (t[e]?.text === '(' && t[e + 1]?.kind === 'word' && t[e + 2]?.text === ')' && t[e + 1]!.text.length <= 10) m.end = e + 3;
    mentions.push(m);
    i = m.end - 1;
  }
  const groups: Group[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last && m.start > last.end && m.start - last.end <= 2 && isListGlue(t, last.end, m.start)) {
      last.mentions.push(m);
      last.end = m.end;
    } else {
      groups.push({ mentions: [m], start: m.start, end: m.end, consumed: false });
    }
  }
  return groups;
}

function isListGlue(t: readonly Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const x = t[k]!;
    if (!(x.text === ',' || x.text === '/' || x.text === '&' || x.norm === 'and' || x.norm === 'or')) return false;
  }
  return true;
}

// ---------------------------------------------------------------- numbers and intervals

interface Num {
  value: number;
  pct: boolean;
  start: number; // token index
  end: number; // exclusive
}

interface Interval {
  low: Num;
  high: Num;
  level: number | null; // as stated, e.g. 0.95 for "95% CI"; null when the text states none
  end: number; // exclusive token index
}

interface ValueGroup {
  value: Num;
  ci: Interval | null;
  end: number;
}

const OPEN = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);

/** Whether a dash at token k may be a minus sign: nothing number-like glued before it. */
function signAllowed(t: readonly Tok[], k: number): boolean {
  const prev = t[k - 1];
  if (!prev || prev.end < t[k]!.start) return true;
  return prev.kind === 'punct' || prev.kind === 'dash' || prev.kind === 'minus';
}

/** A (possibly signed) number starting at token k. */
function readNumber(t: readonly Tok[], k: number, signOk: boolean): Num | null {
  const x = t[k];
  if (!x) return null;
  if (x.kind === 'num') return { value: x.num, pct: x.pct, start: k, end: k + 1 };
  const n = t[k + 1];
  if ((x.kind === 'dash' || x.kind === 'minus') && n?.kind === 'num' && n.start === x.end && (signOk || signAllowed(t, k))) {
    return { value: -n.num, pct: n.pct, start: k, end: k + 2 };
  }
  return null;
}

/** "95% CI", "95%CI", "95% confidence interval", "CI 95%", "CI95%", "CI" at token k. */
function readCiSpec(t: readonly Tok[], k: number): { level: number | null; end: number } | null {
  const x = t[k];
  if (!x) return null;
  const level = (n: Tok | undefined): number | null => (n?.kind === 'num' && n.pct && n.num >= 50 && n.num < 100 ? n.num / 100 : null);
  const lv = level(x);
  if (lv !== null) {
    let j = k + 1;
    if (t[j]?.kind === 'dash' && t[j]!.start === x.end) j++;
    const w = ciWordEnd(t, j);
    return w === null ? null : { level: lv, end: w };
  }
  const glued = /^(?:ci|cri)(\d{2}(?:\.\d+)?)$/.exec(x.norm);
  if (glued && t[k + 1]?.text === '%' && t[k + 1]!.start === x.end) return { level: Number(glued[1]) / 100, end: k + 2 };
  const w = ciWordEnd(t, k);
  if (w === null) return null;
  const after = level(t[w]);
  return after !== null ? { level: after, end: w + 1 } : { level: null, end: w };
}

function ciWordEnd(t: readonly Tok[], k: number): number | null {
  const n = t[k]?.norm;
  if (n === 'ci' || n === 'cis' || n === 'cri' || n === 'ui') return k + 1;
  if ((n === 'confidence' || n === 'credible' || n === 'uncertainty') && /^(?:intervals?|limits?|bounds?)$/.test(t[k + 1]?.norm ?? '')) return k + 2;
  return null;
}

function isSeparator(x: Tok | undefined): boolean {
  return !!x && (x.kind === 'dash' || x.kind === 'minus' || x.norm === 'to' || x.text === ',' || x.text === '~' || x.text === '～');
}

/** An interval after a value: "(0.61-0.78)", "[95%CI 0.816-0.922]", ", 95% CI: 1.2 to 3.4". */
function readInterval(t: readonly Tok[], j: number): Interval | null {
  let k = j;
  let close: string | null = null;
  const first = t[k];
  if (first && OPEN.has(first.text)) {
    close = OPEN.get(first.text)!;
    k++;
  } else if (first && (first.text === ',' || first.text === ';') && readCiSpec(t, k + 1)) {
    k++;
  }
  const spec = readCiSpec(t, k);
  if (spec) k = spec.end;
  else if (!close) return null;
  for (let n = 0; n < 2 && /^[:,=]$/.test(t[k]?.text ?? ''); n++) k++;
  const innerClose = t[k] && OPEN.has(t[k]!.text) ? OPEN.get(t[k]!.text)! : null;
  if (innerClose) k++;
  const low = readNumber(t, k, true);
  if (!low || !isSeparator(t[low.end])) return null;
  const high = readNumber(t, low.end + 1, true);
  if (!high) return null;
  k = high.end;
  if (innerClose && t[k]?.text === innerClose) k++;
  let trailing: { level: number | null; end: number } | null = null;
  if (close && (t[k]?.text === ',' || t[k]?.text === ';')) {
    trailing = readCiSpec(t, k + 1);
    if (trailing) k = trailing.end;
  }
  if (close && t[k]?.text === close) k++;
  return { low, high, level: spec?.level ?? trailing?.level ?? null, end: k };
}

function readValueGroup(t: readonly Tok[], i: number): ValueGroup | null {
  const value = readNumber(t, i, false);
  if (!value) return null;
  const ci = readInterval(t, value.end);
  return { value, ci, end: ci ? ci.end : value.end };
}

// ---------------------------------------------------------------- words around estimates

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
const PREP = new Set(['for', 'in', 'of', 'on', 'among', 'across', 'within', 'with']);
/** Words that mean the number is a bound, threshold or change, not an estimate. */
const BLOCK = new Set([
  'from', 'between', 'than', 'above', 'below', 'over', 'under', 'exceeding', 'exceeded', 'exceeds', 'exceed', 'least', 'most',
  'greater', 'higher', 'lower', 'less', 'more', 'up', 'by', 'increased', 'increase', 'increases', 'decreased', 'decrease',
  'decreases', 'improved', 'improvement', 'improves', 'improve', 'rose', 'fell', 'dropped', 'declined', 'ranged', 'range',
  'ranging', 'threshold', 'cutoff', 'cut-off', 'target', 'defined', 'set', 'fixed', 'minimum', 'maximum', 'min', 'max',
  'change', 'changed', 'vs', 'versus', 'compared', 'relative', 'and', 'or', 'but', 'while', 'whereas', 'however', 'respectively',
  'p', 'n', 'per', 'after', 'before', 'at', 'when', 'if', 'not', 'no', 'without', 'cannot', 'to', 'sd', 'se', 'iqr', 'age',
  'aged', 'year', 'years', 'ratio',
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
/** A number followed by one of these counts or measures something; it is not an estimate. */
const UNIT_WORDS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'h', 'hrs', 'minute', 'minutes', 'min',
  'mins', 'second', 'seconds', 'sec', 's', 'ms', 'mm', 'cm', 'm', 'km', 'kg', 'g', 'mg', 'µg', 'mcg', 'ml', 'l', 'bpm', 'beats',
  'mmhg', 'kpa', 'hz', 'khz', 'mhz', 'db', 'kv', 'mas', 'mgy', 'gy', 'msv', 'points', 'point', 'pts', 'times', 'fold', 'patients',
  'patient', 'participants', 'subjects', 'individuals', 'adults', 'children', 'women', 'men', 'people', 'cases', 'controls',
  'studies', 'images', 'scans', 'exams', 'examinations', 'radiographs', 'videos', 'readers', 'radiologists', 'centers', 'centres',
  'hospitals', 'sites', 'eyes', 'teeth', 'lesions', 'records', 'trials', 'cohorts', 'slides', 'samples', 'nodules',
]);

interface Span {
  start: number; // token index
  end: number; // exclusive
}

/** Drop "the", "presence of" and the like from the front of a label. */
function trimLabel(t: readonly Tok[], span: Span | null): Span | null {
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
function backLabel(t: readonly Tok[], end: number, inMention: ArrayLike<number>): Span | null {
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

/** "for fracture detection" / "in the external test set" starting at token k. */
function forwardLabel(t: readonly Tok[], k: number, inMention: ArrayLike<number>): Span | null {
  const x = t[k];
  if (!x || !(x.norm === 'for' || x.norm === 'in' || x.norm === 'among' || x.norm === 'on' || x.norm === 'across')) return null;
  let e = k + 1;
  while (e < t.length && e - k <= 6) {
    const w = t[e]!;
    if (w.kind !== 'word' || FORWARD_STOP.has(w.norm) || inMention[e]! >= 0) break;
    e++;
  }
  return trimLabel(t, { start: k + 1, end: e });
}

function isGeneric(t: readonly Tok[], span: Span): boolean {
  return GENERIC.has(t[span.end - 1]!.norm);
}

/** Words between a measure mention and its value; null when they say it is no estimate. */
function readGap(t: readonly Tok[], from: number, to: number): { label: Span | null } | null {
  if (to - from > 16) return null;
  let first = -1;
  let last = -1;
  let afterPrep = -1;
  let words = 0;
  for (let k = from; k < to; ) {
    const x = t[k]!;
    if (OPEN.has(x.text)) {
      // "AUC (95% CI) was", "sensitivity (SN) of"
      const spec = readCiSpec(t, k + 1);
      if (spec && t[spec.end]?.text === OPEN.get(x.text) && spec.end < to) {
        k = spec.end + 1;
        continue;
      }
      if (t[k + 1]?.kind === 'word' && t[k + 2]?.text === OPEN.get(x.text) && k + 2 < to) {
        k += 3;
        continue;
      }
      if (k === to - 1) break;
      return null;
    }
    if (x.kind === 'punct' && /^[:=,≈~≃≅]$/.test(x.text)) {
      k++;
      continue;
    }
    if (x.kind !== 'word') return null;
    if (x.norm === 'to' && (t[k + 1]?.norm === 'be' || /^(?:equal|amounted|found|shown)$/.test(t[k - 1]?.norm ?? ''))) {
      k++;
      continue;
    }
    if (BLOCK.has(x.norm)) return null;
    if (PREP.has(x.norm)) {
      if (afterPrep < 0) afterPrep = k;
    } else if (!FILLER.has(x.norm)) {
      if (afterPrep >= 0 && first < afterPrep) first = -1;
      if (first < 0) first = k;
      last = k;
      if (++words > 6) return null;
    }
    k++;
  }
  return { label: first >= 0 ? trimLabel(t, { start: first, end: last + 1 }) : null };
}

/** Tokens joining a list item to the previous estimate: "), T2", "and", "; or ECV". */
function readListGap(t: readonly Tok[], from: number, to: number, inMention: ArrayLike<number>): { label: Span | null } | null {
  if (to - from > 14) return null;
  let k = from;
  const after = forwardLabel(t, k, inMention);
  if (after) k = after.end;
  while (k < to && (t[k]!.text === ')' || t[k]!.text === ']')) k++;
  let seps = 0;
  while (k < to && (/^[,;/]$/.test(t[k]!.text) || /^(?:and|or|whereas|while)$/.test(t[k]!.norm))) {
    k++;
    seps++;
  }
  if (seps === 0) return null;
  while (k < to && /^(?:the|for|in)$/.test(t[k]!.norm)) k++;
  const s = k;
  while (k < to && t[k]!.kind === 'word' && !BLOCK.has(t[k]!.norm) && k - s < 5) k++;
  const e = k;
  while (k < to && /^[:=(]$/.test(t[k]!.text)) k++;
  if (k !== to) return null;
  const label = e > s ? trimLabel(t, { start: s, end: e }) : null;
  if (e > s && !label) return null; // "p = 0.03", "n = 120"
  return { label };
}

// ---------------------------------------------------------------- checks

const PROPORTION_MEASURES: ReadonlySet<Measure> = new Set(['AUC', 'sensitivity', 'specificity', 'accuracy', 'PPV', 'NPV', 'F1', 'Dice']);
const RATIO_MEASURES: ReadonlySet<Measure> = new Set(['OR', 'HR', 'RR']);

function unitFor(measure: Measure, anyPct: boolean): ExtractedEstimate['unit'] {
  if (anyPct) return 'percent';
  if (PROPORTION_MEASURES.has(measure)) return 'proportion';
  if (RATIO_MEASURES.has(measure)) return 'ratio';
  if (measure === 'MD') return 'difference';
  return null;
}

/** What is implausible about an estimate, if anything. */
function problems(measure: Measure, vg: ValueGroup): string[] {
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
  } else if (measure === 'kappa' || measure === 'ICC') {
    const bad = pct ? nums.find((n) => Math.abs(n.value) > 100) : nums.find((n) => Math.abs(n.value) > 1);
    if (bad) out.push(`${measure} ${bad.value} lies outside [-1, 1]`);
  }
  return out;
}

// ---------------------------------------------------------------- the scan

interface Sentence {
  tokens: Tok[];
  groups: Group[];
  /** For each token, the index of the group whose mentions cover it, else -1. */
  inMention: Int32Array;
}

/** The list an estimate belongs to, so the next list item can inherit its measure. */
interface Active {
  group: Group;
  measure: Measure;
  next: number; // in a multi-measure group, which measure the next list item takes
  end: number; // token index where the estimate ended
}

/** How a value group was tied to a measure. */
interface Attachment {
  measure: Measure;
  group: Group;
  next: number;
  mention: Span; // the measure words (for the fallback label)
  quoteFrom: Span | null; // measure words the quote must cover, if any
  label: Span | null;
  ownLabel: boolean; // a list item named before its value ("T2 0.553")
  end: number; // exclusive token index where the estimate (with any trailing label) ends
}

const LIST_FOLLOWERS = /^(?:and|or|vs|versus|respectively)$/;

/** 1. A measure named before the value: "AUC of 0.91", "WMA (AUC 0.873 …)", "AUC for WMA was 0.91". */
function attachBefore(s: Sentence, vg: ValueGroup, prefix: Group | null): Attachment | null {
  if (!prefix || prefix.consumed) return null;
  const { tokens: t, inMention } = s;
  const gap = readGap(t, prefix.end, vg.value.start);
  if (!gap) return null;
  const m = prefix.mentions[0]!;
  const before = backLabel(t, prefix.start, inMention);
  const after = forwardLabel(t, vg.end, inMention);
  const label = [gap.label, before, after].find((l) => l && !isGeneric(t, l)) ?? gap.label ?? before ?? after ?? null;
  const end = label && label === after ? Math.max(vg.end, after.end) : vg.end;
  return { measure: m.measure, group: prefix, next: 1, mention: m, quoteFrom: { start: prefix.start, end: m.end }, label, ownLabel: false, end };
}

/** 2. A measure named right after the value: "92% accuracy", "0.91 AUC". */
function attachAfter(s: Sentence, vg: ValueGroup, startsAt: ReadonlyMap<number, Group>): Attachment | null {
  const post = [startsAt.get(vg.value.end), startsAt.get(vg.end)].find((g) => g && !g.consumed);
  const m = post?.mentions[0];
  if (!post || !m || RATIO_MEASURES.has(m.measure) || m.measure === 'MD') return null;
  if (!vg.value.pct && Math.abs(vg.value.value) > 1) return null;
  if (s.tokens[vg.value.start - 1]?.norm === 'at') return null; // "sensitivity 85% at 90% specificity": a fixed operating point
  post.consumed = true;
  const after = forwardLabel(s.tokens, Math.max(post.end, vg.end), s.inMention);
  const label = after ?? backLabel(s.tokens, vg.value.start, s.inMention);
  const end = Math.max(vg.end, post.end, after?.end ?? 0);
  return { measure: m.measure, group: post, next: 1, mention: m, quoteFrom: { start: post.start, end: m.end }, label, ownLabel: false, end };
}

/** 3. The next item of the current list: "…), T2 0.553 [0.420-0.692]", "sensitivity and specificity were 85% and 90%". */
function attachToList(s: Sentence, vg: ValueGroup, active: Active | null, prefix: Group | null): Attachment | null {
  if (!active || (prefix && prefix.start >= active.end)) return null; // a measure named in between starts a new list
  const { tokens: t, inMention } = s;
  const follower = t[vg.end];
  if (follower?.kind === 'word' && !PREP.has(follower.norm) && !LIST_FOLLOWERS.test(follower.norm)) return null;
  const list = readListGap(t, active.end, vg.value.start, inMention);
  if (!list) return null;
  const multi = active.group.mentions.length > 1;
  const m = multi ? active.group.mentions[active.next] : { measure: active.measure, start: active.group.start, end: active.group.end };
  if (!m) return null;
  const after = list.label ? null : forwardLabel(t, vg.end, inMention);
  return {
    measure: m.measure,
    group: active.group,
    next: active.next + 1,
    mention: m,
    quoteFrom: multi || !(list.label ?? after) ? m : null, // an unnamed item quotes its measure too
    label: list.label ?? after,
    ownLabel: list.label !== null,
    end: Math.max(vg.end, after?.end ?? 0),
  };
}

/** Where the text states CI levels (offset and level), to resolve intervals that state none. */
function statedLevels(sentences: readonly Sentence[]): { at: number; level: number }[] {
  const out: { at: number; level: number }[] = [];
  for (const { tokens } of sentences) {
    for (let k = 0; k < tokens.length; k++) {
      const spec = readCiSpec(tokens, k);
      if (spec?.level != null) out.push({ at: tokens[k]!.start, level: spec.level });
      if (spec) k = spec.end - 1;
    }
  }
  return out;
}

function toSentence(text: string, start: number): Sentence {
  const tokens = tokenize(text, start);
  const groups = findGroups(tokens);
  const inMention = new Int32Array(tokens.length).fill(-1);
  groups.forEach((g, gi) => inMention.fill(gi, g.start, g.end));
  return { tokens, groups, inMention };
}

/** An estimate found in a sentence, before its label and quote are final. */
interface Found {
  hit: Attachment;
  vg: ValueGroup;
  chain: number; // estimates of one list share a chain
  ciLevel: number | null;
  reasons: string[];
}

/**
 * "AUCs of 0.91, 0.85 and 0.80 for A, B and C, respectively": give each estimate of a list
 * the matching item of a trailing "for …, respectively" list.
 */
function applyRespectively(t: readonly Tok[], found: Found[]): void {
  const chains = new Map<number, Found[]>();
  for (const f of found) chains.set(f.chain, [...(chains.get(f.chain) ?? []), f]);
  for (const list of chains.values()) {
    const last = list[list.length - 1]!;
    if (list.length < 2 || last.hit.group.mentions.length > 1 || list.some((f) => f.hit.ownLabel)) continue;
    let k = last.vg.end;
    if (!/^(?:for|in|among|on|across)$/.test(t[k]?.norm ?? '')) continue;
    k++;
    const items: Span[] = [];
    let s = k;
    for (; k < t.length && k - last.vg.end < 40; k++) {
      const x = t[k]!;
      const sep = x.text === ',' || x.text === ';' || x.norm === 'and' || x.norm === 'or';
      if (!sep && x.norm !== 'respectively' && x.kind !== 'num') continue;
      if (x.kind === 'num') break;
      if (k > s) items.push({ start: s, end: k });
      s = k + 1;
      if (x.norm === 'respectively') break;
    }
    if (t[k]?.norm !== 'respectively' || items.length !== list.length) continue;
    // each quote spans the whole construction: only all of it shows which value is which
    const head = list[0]!.hit.quoteFrom;
    list.forEach((f, n) => {
      f.hit.label = trimLabel(t, items[n]!) ?? items[n]!;
      f.hit.quoteFrom = head;
      f.hit.end = k + 1;
    });
  }
}

function toEstimate(text: string, t: readonly Tok[], f: Found): ExtractedEstimate {
  const { hit, vg, ciLevel, reasons } = f;
  const spans = [{ start: vg.value.start, end: hit.end }, hit.label, hit.quoteFrom].filter((x): x is Span => x !== null);
  const start = t[Math.min(...spans.map((x) => x.start))]!.start;
  const end = balanceEnd(text, start, t[Math.max(...spans.map((x) => x.end)) - 1]!.end);
  const named = hit.label ?? hit.mention;
  const anyPct = vg.value.pct || Boolean(vg.ci && (vg.ci.low.pct || vg.ci.high.pct));
  return {
    label: text.slice(t[named.start]!.start, t[named.end - 1]!.end),
    measure: hit.measure,
    value: vg.value.value,
    ci_low: vg.ci ? vg.ci.low.value : null,
    ci_high: vg.ci ? vg.ci.high.value : null,
    ci_level: ciLevel,
    unit: unitFor(hit.measure, anyPct),
    quote: text.slice(start, end),
    start,
    needs_review: reasons.length > 0,
    review_reason: reasons.length > 0 ? reasons.join('; ') : null,
  };
}

/**
 * Extract every measure-labelled estimate from `text` ("AUC 0.87 (95% CI 0.81-0.92)",
 * "sensitivity of 85.2%", "T2 0.553 [0.420-0.692]" in a list of AUCs), each with an exact quote.
 */
export function extractEstimates(text: string): ExtractedEstimate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sentences = splitSentences(text).map((s) => toSentence(s.text, s.start));
  const levels = statedLevels(sentences);
  const severalLevels = new Set(levels.map((l) => l.level)).size > 1;
  const out: ExtractedEstimate[] = [];
  let chain = 0;

  for (const s of sentences) {
    const t = s.tokens;
    const startsAt = new Map(s.groups.map((g) => [g.start, g] as const));
    const found: Found[] = [];
    let active: Active | null = null;
    let sentenceLevel: number | null = null; // the level stated (or assumed) last in this sentence
    let assumed: string | null = null; // why sentenceLevel was assumed, when it was
    let gp = -1; // index of the last group ending at or before the current value

    for (let i = 0; i < t.length; ) {
      const spec = readCiSpec(t, i);
      if (spec) {
        if (spec.level !== null) [sentenceLevel, assumed] = [spec.level, null];
        i = spec.end;
        continue;
      }
      const vg = readValueGroup(t, i);
      if (!vg) {
        i++;
        continue;
      }
      const skipTo = vg.ci ? vg.end : vg.value.end;
      while (gp + 1 < s.groups.length && s.groups[gp + 1]!.end <= vg.value.start) gp++;
      const prefix = gp >= 0 ? s.groups[gp]! : null;
      const follower = t[skipTo];
      const counts = follower?.kind === 'word' && UNIT_WORDS.has(follower.norm); // "3 radiologists", "72 bpm"
      const fresh = counts ? null : (attachBefore(s, vg, prefix) ?? attachAfter(s, vg, startsAt));
      const hit: Attachment | null = fresh ?? (counts ? null : attachToList(s, vg, active, prefix));
      if (!hit) {
        if (vg.ci?.level != null) [sentenceLevel, assumed] = [vg.ci.level, null];
        i = skipTo;
        continue;
      }
      if (fresh) chain++;

      const reasons = problems(hit.measure, vg);
      const vs = t[vg.end];
      const other = vs && /^(?:vs|versus)$/.test(vs.norm) ? readNumber(t, vg.end + (t[vg.end + 1]?.text === '.' ? 2 : 1), true) : null;
      if (other) {
        // "sensitivity (0.89 vs 0.76)": the second value is a comparator's; quote it so the reviewer sees both
        reasons.push(`compared with another value ("${vs!.text} ${t[other.end - 1]!.text}"): check which group this estimate belongs to`);
        hit.end = Math.max(hit.end, other.end);
      }
      let ciLevel: number | null = null;
      if (vg.ci?.level != null) {
        [ciLevel, sentenceLevel, assumed] = [vg.ci.level, vg.ci.level, null];
      } else if (vg.ci && sentenceLevel !== null) {
        ciLevel = sentenceLevel; // inherited from the list it stands in
        if (assumed) reasons.push(assumed);
      } else if (vg.ci) {
        // nothing in this sentence states a level: use the one the text states, if any
        const at = t[vg.value.start]!.start;
        const nearest = levels.findLast((l) => l.at < at) ?? levels[0];
        ciLevel = nearest?.level ?? 0.95;
        if (!nearest) assumed = 'CI level not stated; 95% assumed';
        else if (severalLevels) assumed = `CI level not stated; ${+(nearest.level * 100).toFixed(2)}% assumed from elsewhere in the text`;
        if (assumed) reasons.push(assumed);
        sentenceLevel = ciLevel;
      }
      found.push({ hit, vg, chain, ciLevel, reasons });
      active = { group: hit.group, measure: hit.measure, next: hit.next, end: hit.end };
      i = hit.end;
    }
    applyRespectively(t, found);
    for (const f of found) out.push(toEstimate(text, t, f));
  }
  return out;
}


/** Extend a quote over closing brackets that match brackets it opened: "WMA (AUC … ])". */
function balanceEnd(text: string, start: number, end: number): number {
  const stack: string[] = [];
  for (let k = start; k < end; k++) {
    const c = text[k]!;
    const close = OPEN.get(c);
    if (close) stack.push(close);
    else if (c === stack[stack.length - 1]) stack.pop();
  }
  let e = end;
  while (stack.length > 0 && text[e] === stack[stack.length - 1]) {
    stack.pop();
    e++;
  }
  return e;
}
