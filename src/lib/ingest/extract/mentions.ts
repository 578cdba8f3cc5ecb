/**
 * Finding where a sentence names measures ("pooled sensitivity", "area under the ROC curve
 * (AUC)", "OR"), and grouping the names into lists ("sensitivity, specificity and NPV").
 */
import type { Measure } from '../../schema/index.ts';
import { AFTER_ONLY, AREA_UNDER_WORDS, EXACT, LISTED_ONLY, MEASURE_PREFIX, MENTION_TAIL, NOT_AFTER, NOT_AFTER_WORD, NOT_BEFORE, PAIRED_PHRASES, PHRASES_BY_FIRST, PR_CURVE_WORDS, ROC_END_WORDS, SIGNED } from './measures.ts';
import { OPEN, type Tok } from './tokens.ts';

/** Where a sentence names a measure, in token indexes. */
export interface Mention {
  measure: Measure;
  start: number; // token index
  end: number; // exclusive
  /** Named only after a value ("91.8% sensitive"). */
  afterOnly?: boolean;
  /** A measure only in a list with another measure ("SE and SP"). */
  listedOnly?: boolean;
}

/** A list of measures named together ("sensitivity, specificity and NPV"). */
export interface Group {
  mentions: Mention[];
  start: number;
  end: number;
  consumed: boolean;
  /** Names of other statistics after the list's last slash ("accuracy/specificity/sensitivity/Youden index"): how many, and where they end. */
  slots?: { count: number; end: number };
}

/** "area under the (receiver operating characteristic | precision-recall) curve" starting at token i. */
function matchAreaUnder(t: readonly Tok[], i: number): Mention | null {
  let pr = false;
  let rocEnd = -1;
  for (let j = i + 2; j < i + 14 && j < t.length; j++) {
    const n = t[j]!.norm;
    if (n === 'curve' || n === 'curves') return { measure: pr ? 'AUPRC' : 'AUC', start: i, end: j + 1 };
    if (!AREA_UNDER_WORDS.has(n)) break;
    if (PR_CURVE_WORDS.has(n)) pr = true;
    if (ROC_END_WORDS.has(n)) rocEnd = j + 1;
  }
  // "area under the receiver operating characteristic of 0.975": the curve left out
  return rocEnd > 0 && !pr ? { measure: 'AUC', start: i, end: rocEnd } : null;
}

/** The measure phrase starting at token i, if any. */
function matchMeasure(t: readonly Tok[], i: number): Mention | null {
  const first = t[i];
  if (!first || first.kind !== 'word') return null;
  const signed = SIGNED.get(first.text);
  const sign = t[i + 1];
  if (signed && sign && sign.start === first.end && (sign.text === '+' || sign.kind === 'dash' || sign.kind === 'minus')) {
    return { measure: sign.text === '+' ? signed.plus : signed.minus, start: i, end: i + 2 };
  }
  const exact = EXACT.get(first.text);
  if (exact) return { measure: exact, start: i, end: i + 1 };
  const listed = LISTED_ONLY.get(first.text);
  if (listed) return { measure: listed, start: i, end: i + 1, listedOnly: true };
  if ((first.norm === 'area' || first.norm === 'areas') && t[i + 1]?.norm === 'under') return matchAreaUnder(t, i);
  for (const cand of PHRASES_BY_FIRST.get(first.norm) ?? []) {
    if (cand.words.every((w, k) => t[i + k]?.kind === 'word' && t[i + k]!.norm === w)) {
      return { measure: cand.measure, start: i, end: i + cand.words.length };
    }
  }
  const after = AFTER_ONLY.get(first.norm);
  if (after) return { measure: after, start: i, end: i + 1, afterOnly: true };
  return null;
}

/** "positive and negative predictive values" at token i: two mentions. */
function matchPaired(t: readonly Tok[], i: number): Mention[] | null {
  for (const p of PAIRED_PHRASES) {
    // "positive and negative predictive values", "positive (PPV) and negative predictive values (NPV)"
    if (t[i]?.norm !== p.first) continue;
    const abbr = (k: number) => (t[k]?.text === '(' && t[k + 1]?.kind === 'word' && t[k + 2]?.text === ')' ? 3 : 0);
    const a = abbr(i + 1);
    const and = i + 1 + a;
    if (t[and]?.norm !== 'and' || t[and + 1]?.norm !== p.second) continue;
    if (!p.tail.every((w, k) => t[and + 2 + k]?.norm === w)) continue;
    const tail = and + 2 + p.tail.length;
    const end = tail + abbr(tail);
    return [
      { measure: p.measures[0], start: i, end: i + 1 + a },
      { measure: p.measures[1], start: and + 1, end },
    ];
  }
  return null;
}

/** All measure mentions in a sentence's tokens, grouped into lists. */
export function findGroups(t: readonly Tok[]): Group[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < t.length; i++) {
    const paired = matchPaired(t, i);
    if (paired) {
      mentions.push(...paired);
      i = paired[1]!.end - 1;
      continue;
    }
    const m = matchMeasure(t, i);
    if (!m) continue;
    const next = t[m.end];
    if (next?.kind === 'word' && NOT_AFTER[m.measure]?.has(next.norm)) continue;
    if (next?.kind === 'word' && NOT_AFTER_WORD.get(t[m.end - 1]!.norm)?.has(next.norm)) {
      // "recall rate" alone is a screening rate; beside other measures ("accuracy and recall rate") it is sensitivity
      m.end++;
      m.listedOnly = true;
    }
    const before = t[m.start - 1]?.norm ?? '';
    if (NOT_BEFORE[m.measure]?.has(before)) continue;
    if (m.measure === 'MD' && /^(?:standardi[sz]ed|std)$/.test(before)) continue;
    for (let k = 0; k < 2 && t[m.start - 1]?.kind === 'word' && MEASURE_PREFIX.has(t[m.start - 1]!.norm); k++) m.start--;
    // "area under the curve (AUC)", "Dice similarity coefficient (DSC)": the abbreviation belongs to the mention
    let e = m.end;
    while (e < m.end + 2 && MENTION_TAIL.has(t[e]?.norm ?? '')) e++;
    const close = OPEN.get(t[e]?.text ?? '');
    if (close && t[e + 1]?.kind === 'word' && t[e + 2]?.text === close && t[e + 1]!.text.length <= 10) m.end = e + 3;
    else if (close) {
      // "recall (sensitivity)", "precision (positive predictive value)": the same measure named again
      const inner = matchMeasure(t, e + 1);
      if (inner && inner.measure === m.measure && t[inner.end]?.text === close) m.end = inner.end + 1;
    }
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
  for (const g of groups) {
    const slots = trailingSlots(t, g.end);
    if (slots) g.slots = slots;
  }
  // "SE" names sensitivity only beside another measure ("SE and SP"); alone it is a standard error
  return groups
    .map((g) => (g.mentions.length > 1 ? g : { ...g, mentions: g.mentions.filter((m) => !m.listedOnly) }))
    .filter((g) => g.mentions.length > 0);
}

function isListGlue(t: readonly Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const x = t[k]!;
    if (!(x.text === ',' || x.text === '/' || x.text === '&' || x.norm === 'and' || x.norm === 'or')) return false;
  }
  return true;
}

/** Words that end the name of a slot: "…/Youden index of (…)". */
const SLOT_STOP = /^(?:of|for|in|on|was|were|is|are|values?|scores?|and|or|respectively|with|at)$/;

/** "/Youden index" after a list of measures at token k: up to two slash-joined names of other statistics (one to three words each). */
function trailingSlots(t: readonly Tok[], k: number): { count: number; end: number } | null {
  let count = 0;
  while (count < 2 && t[k]?.text === '/') {
    let j = k + 1;
    while (j < k + 4 && t[j]?.kind === 'word' && !SLOT_STOP.test(t[j]!.norm)) j++;
    if (j === k + 1) break;
    count++;
    k = j;
  }
  return count > 0 ? { count, end: k } : null;
}
