/**
 * Finding where a sentence names measures ("pooled sensitivity", "area under the ROC curve
 * (AUC)", "OR"), and grouping the names into lists ("sensitivity, specificity and NPV").
 */
import type { Measure } from '../../schema/index.ts';
import { AREA_UNDER_WORDS, EXACT, MEASURE_PREFIX, MENTION_TAIL, NOT_AFTER, PHRASES_BY_FIRST } from './measures.ts';
import type { Tok } from './tokens.ts';

/** Where a sentence names a measure, in token indexes. */
export interface Mention {
  measure: Measure;
  start: number; // token index
  end: number; // exclusive
}

/** A list of measures named together ("sensitivity, specificity and NPV"). */
export interface Group {
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
export function findGroups(t: readonly Tok[]): Group[] {
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
