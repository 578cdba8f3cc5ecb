/**
 * Reading the numbers of an estimate: a (possibly signed) value, the interval after it in any
 * of the usual bracket and dash styles, and the interval's stated level ("95% CI", "CI95%").
 */
import { OPEN, type Tok } from './tokens.ts';
import { UNIT_WORDS } from './unit-words.ts';

/** A number read from tokens, with the token range it covers. */
export interface Num {
  value: number;
  pct: boolean;
  start: number; // token index
  end: number; // exclusive
}

/** A confidence interval read after a value. */
export interface Interval {
  low: Num;
  high: Num;
  level: number | null; // as stated, e.g. 0.95 for "95% CI"; null when the text states none
  end: number; // exclusive token index
  /** CI words stand with the bounds ("95% CI", "confidence interval"): the numbers are an estimate's, whatever the words before. */
  named?: boolean;
  /** n/N after the bounds in the same bracket: "(95% CI 82–91; 194/223)". */
  counts?: { events: number; total: number };
}

/** A value with its interval, if any: what a measure is tied to. */
export interface ValueGroup {
  value: Num;
  ci: Interval | null;
  end: number;
  /** n/N printed beside the value: "87% (193/223, 95% CI 82–91)", "35/50 = 0.70". */
  counts?: { events: number; total: number } | null;
  /** A spread printed after the value ("± 0.7%"), part of the group but no interval. */
  sd?: Num;
}

/**
 * "193/223", "114 of 127 scans", "45 out of 50" at token k: two whole numbers (n ≤ N) joined by a
 * slash, "of" or "out of", with the index past them (and past a counted thing after "of" forms).
 */
export function readCounts(t: readonly Tok[], k: number): { events: number; total: number; end: number } | null {
  const a = t[k];
  const join = t[k + 1]?.text === '/' ? 1 : t[k + 1]?.norm === 'of' ? 1 : t[k + 1]?.norm === 'out' && t[k + 2]?.norm === 'of' ? 2 : 0;
  const b = t[k + 1 + join];
  if (join === 0 || a?.kind !== 'num' || b?.kind !== 'num' || a.pct || b.pct) return null;
  if (!/^\d+$/.test(a.text.replace(/,/g, '')) || !/^\d+$/.test(b.text.replace(/,/g, '')) || a.num > b.num || b.num === 0) return null;
  const end = k + 2 + join;
  const slash = t[k + 1]!.text === '/';
  // "114 of 127 scans": the counted thing belongs to the counts
  const thing = !slash && t[end]?.kind === 'word' && UNIT_WORDS.has(t[end]!.norm) ? 1 : 0;
  return { events: a.num, total: b.num, end: end + thing };
}

/** Whether a dash at token k may be a minus sign: nothing number-like glued before it. */
function signAllowed(t: readonly Tok[], k: number): boolean {
  const prev = t[k - 1];
  if (!prev || prev.end < t[k]!.start) return true;
  return prev.kind === 'punct' || prev.kind === 'dash' || prev.kind === 'minus';
}

/** A (possibly signed) number starting at token k. */
export function readNumber(t: readonly Tok[], k: number, signOk: boolean): Num | null {
  const x = t[k];
  if (!x) return null;
  if (x.kind === 'num' && !Number.isFinite(x.num)) return null; // "1 MB of digits"
  if (x.kind === 'num') return { value: x.num, pct: x.pct, start: k, end: k + 1 };
  const n = t[k + 1];
  if ((x.kind === 'dash' || x.kind === 'minus') && n?.kind === 'num' && Number.isFinite(n.num) && n.start === x.end && (signOk || signAllowed(t, k))) {
    return { value: -n.num, pct: n.pct, start: k, end: k + 2 };
  }
  return null;
}

/** Levels an interval is stated at: 50–99 whole percent, or 97.5, 99.5, 99.9 ("85.42% CI" is a value, not a level). */
function ciLevel(n: Tok | undefined): number | null {
  if (n?.kind !== 'num' || !n.pct || n.num < 50 || n.num >= 100) return null;
  return Number.isInteger(n.num) || [97.5, 99.5, 99.9].includes(n.num) ? n.num / 100 : null;
}

/**
 * "95% CI", "95%CI", "95% C.I.", "95% confidence interval (CI)", "confidence interval [95% CI]",
 * "CI 95%", "CI95%", "CI" at token k.
 */
export function readCiSpec(t: readonly Tok[], k: number): { level: number | null; end: number } | null {
  const x = t[k];
  if (!x) return null;
  const lv = ciLevel(x);
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
  const after = ciLevel(t[w]);
  return after !== null ? { level: after, end: w + 1 } : { level: null, end: w };
}

/** The words "CI", "C.I.", "confidence interval", "credible interval", with a bracketed abbreviation after a spelled-out name: "confidence interval [CI]". */
function ciWordEnd(t: readonly Tok[], k: number): number | null {
  const n = t[k]?.norm;
  if (n === 'ci' || n === 'cis' || n === 'cri' || n === 'ui') return k + 1;
  // "C.I." is the letters C and I with dots
  if (n === 'c' && t[k + 1]?.text === '.' && t[k + 2]?.norm === 'i') return t[k + 3]?.text === '.' && t[k + 3]!.start === t[k + 2]!.end ? k + 4 : k + 3;
  if ((n === 'confidence' || n === 'credible' || n === 'uncertainty') && /^(?:intervals?|limits?|bounds?)$/.test(t[k + 1]?.norm ?? '')) {
    const e = k + 2;
    const close = OPEN.get(t[e]?.text ?? '');
    if (!close) return e;
    // "(CI)", "[CI]", "(95% CI)", "[CIs]"
    let j = e + 1;
    if (ciLevel(t[j]) !== null) j++;
    if (/^(?:ci|cis|cri)$/.test(t[j]?.norm ?? '') && t[j + 1]?.text === close) return j + 2;
    const dotted = t[j]?.norm === 'c' ? ciWordEnd(t, j) : null; // "(C.I.)"
    if (dotted !== null && t[dotted]?.text === close) return dotted + 1;
    return e;
  }
  return null;
}

function isSeparator(x: Tok | undefined, semicolonOk: boolean): boolean {
  if (!x) return false;
  return x.kind === 'dash' || x.kind === 'minus' || x.norm === 'to' || x.text === ',' || x.text === '~' || x.text === '～' || (semicolonOk && x.text === ';');
}

/** Words that open a statistic trailing an interval inside its bracket: "(0.96, 1.00; P < .001)", "(…; I(2) = 90%)". */
const TRAILING_STAT = /^(?:p|i|i2|i²|n|z|t|chi|χ2|χ²|tau|τ2|τ²)$/;

/**
 * After an interval's upper bound at k: the index of its closing bracket when only trailing
 * statistics ("; P < .001", "; I(2) = 90%") or one number stand before it. A clause that is not a
 * statistic ("…; p = 0.007, Cohen's d = 0.7)") ends the skip there, so it is read on its own:
 * the index of that clause's separator is returned instead.
 */
function skipTrailing(t: readonly Tok[], k: number, close: string): number | null {
  if (t[k]?.text !== ',' && t[k]?.text !== ';') return null;
  const first = t[k + 1];
  if (first?.kind === 'num' && t[k + 2]?.text === close) return k + 2; // "(95% CI 75-94%, 0.852)"
  let at = k;
  for (let clauses = 0; clauses < 4; clauses++) {
    const head = t[at + 1];
    if (head?.kind !== 'word' || !TRAILING_STAT.test(head.norm)) return clauses === 0 ? null : at;
    let depth = 0;
    let j = at + 2;
    for (; j < t.length && j < at + 14; j++) {
      const x = t[j]!.text;
      if (OPEN.has(x)) depth++;
      else if (depth > 0 && /^[)\]}]$/.test(x)) depth--;
      else if (depth === 0 && (x === close || x === ',' || x === ';')) break;
    }
    const x = t[j]?.text;
    if (x === close) return j;
    if (x !== ',' && x !== ';') return clauses === 0 ? null : at;
    at = j;
  }
  return null;
}

/** An interval after a value: "(0.61-0.78)", "[95%CI 0.816-0.922]", ", 95% CI: 1.2 to 3.4", "CI 72.24-93.93%". */
export function readInterval(t: readonly Tok[], j: number, value?: Num, inside?: string): Interval | null {
  let k = j;
  let close: string | null = null;
  const first = t[k];
  if (inside) {
    // already inside the value's bracket, after its counts: "(193/223, 95% CI: 82-91)"
    close = inside;
    k++;
  } else if (first && OPEN.has(first.text)) {
    close = OPEN.get(first.text)!;
    k++;
  } else if (first && (first.text === ',' || first.text === ';') && readCiSpec(t, k + 1)) {
    k++;
  } else if (value && first?.text === ',') {
    return bareInterval(t, k + 1, value); // "OR 1.50, 1.06–2.11"
  }
  const spec = readCiSpec(t, k);
  if (spec) k = spec.end;
  else if (!close) return null;
  for (let n = 0; n < 2 && /^[:,=;]$/.test(t[k]?.text ?? ''); n++) k++;
  // "(95% CI – 75.4–78.9%)": a spaced dash after the CI words
  if (spec && t[k]?.kind === 'dash' && t[k + 1] && t[k + 1]!.start > t[k]!.end) k++;
  const innerClose = t[k] && OPEN.has(t[k]!.text) ? OPEN.get(t[k]!.text)! : null;
  if (innerClose) k++;
  const low = readNumber(t, k, true);
  if (!low || !isSeparator(t[low.end], close !== null || spec !== null)) return null;
  const high = readNumber(t, low.end + 1, true);
  if (!high) return null;
  k = high.end;
  if (innerClose && t[k]?.text === innerClose) k++;
  let trailing: { level: number | null; end: number } | null = null;
  let counts: { events: number; total: number; end: number } | null = null;
  if (close && (t[k]?.text === ',' || t[k]?.text === ';')) {
    trailing = readCiSpec(t, k + 1);
    counts = trailing ? null : readCounts(t, k + 1);
    if (trailing) k = trailing.end;
    else if (counts && t[counts.end]?.text === close) k = counts.end;
    else [counts, k] = [null, skipTrailing(t, k, close) ?? k];
  }
  if (close && t[k]?.text === close) k++;
  const level = spec?.level ?? trailing?.level ?? null;
  const named = spec !== null || trailing !== null;
  return counts ? { low, high, level, end: k, named, counts: { events: counts.events, total: counts.total } } : { low, high, level, end: k, named };
}

/** ", 1.06–2.11" after a value, with no CI words: an interval only when joined by a dash and holding the value. */
function bareInterval(t: readonly Tok[], k: number, value: Num): Interval | null {
  const low = readNumber(t, k, true);
  if (!low || !(t[low.end]?.kind === 'dash' || t[low.end]?.norm === 'to')) return null; // "OR 1.50, 1.06–2.11", "(1.26, 1.02 to 1.56)"
  const high = readNumber(t, low.end + 1, true);
  if (!high || low.value > value.value || value.value > high.value || low.pct !== high.pct) return null;
  const next = t[high.end];
  if ((next?.kind === 'word' && UNIT_WORDS.has(next.norm)) || next?.text === '/') return null; // "0.5, 1–3 years"
  return { low, high, level: null, end: high.end };
}

/**
 * The value group starting at token i: a number, then n/N counts in its bracket ("87% (193/223,
 * 95% CI 82–91)", "95.5% (84/88)") and any interval.
 */
export function readValueGroup(t: readonly Tok[], i: number): ValueGroup | null {
  const value = readNumber(t, i, false);
  if (!value) return null;
  const open = t[value.end];
  const close = OPEN.get(open?.text ?? '');
  const counts = close ? readCounts(t, value.end + 1) : null;
  if (counts && close) {
    const { events, total } = counts;
    if (t[counts.end]?.text === close) return { value, ci: readInterval(t, counts.end + 1, value), end: counts.end + 1, counts: { events, total } };
    const sep = t[counts.end]?.text;
    if (sep === ',' || sep === ';') {
      // the interval shares the bracket: "(193/223, 95% CI: 82-91)" reads as "(95% CI: 82-91)"
      const ci = readInterval(t, counts.end, value, close);
      if (ci) return { value, ci, end: ci.end, counts: { events, total } };
    }
    return { value, ci: null, end: value.end, counts: { events, total } };
  }
  const ci = readInterval(t, value.end, value);
  if (ci) return { value, ci, end: ci.end, counts: ci.counts ?? null };
  if (!value.pct && seriesPercent(t, value.end)) value.pct = true;
  const sd = readSpread(t, value.end);
  if (sd?.pct) value.pct = true; // "85 ± 3%": the spread's % sign is the value's too
  return sd ? { value, ci: null, end: sd.end, counts: null, sd } : { value, ci: null, end: value.end, counts: null };
}

/**
 * Whether a bare number ending at token k stands in a series of bare numbers whose last carries
 * the % sign for all: "83.7, 70.2, 68.9, and 86.0%" (at most eight items are looked at).
 */
function seriesPercent(t: readonly Tok[], k: number): boolean {
  for (let items = 0; items < 8; items++) {
    let j = k;
    if (t[j]?.text === ',') j++;
    if (t[j]?.norm === 'and' || t[j]?.norm === 'or') j++;
    const n = t[j];
    if (j === k || n?.kind !== 'num' || !Number.isFinite(n.num) || n.num > 100) return false;
    if (n.pct) return !(t[j + 1] && (OPEN.has(t[j + 1]!.text) || t[j + 1]!.kind === 'dash')); // not "…, 86.0% (80–90)"
    k = j + 1;
  }
  return false;
}

/** "± 0.7%", "±0.04" after a value: its SD or SE, which belongs to the value ("97.3% ± 0.7% accuracy"). */
function readSpread(t: readonly Tok[], k: number): Num | null {
  if (t[k]?.text !== '±' && t[k]?.text !== '+/-') return null;
  const n = readNumber(t, k + 1, true);
  return n && t[n.end]?.text !== '/' ? { ...n, start: k } : null;
}

/**
 * "95.7%/98.8%/82.1%/0.809" after a value with no interval: the numbers after the first, each
 * joined to the one before by a slash glued to it (at most seven); empty when there are none.
 */
export function readSlashTuple(t: readonly Tok[], vg: ValueGroup): Num[] {
  const out: Num[] = [];
  if (vg.ci || vg.sd) return out;
  let k = vg.value.end;
  while (out.length < 7 && t[k]?.text === '/' && t[k]!.start === t[k - 1]!.end) {
    const n = readNumber(t, k + 1, false);
    if (!n) break;
    out.push(n);
    k = n.end;
  }
  return out;
}
