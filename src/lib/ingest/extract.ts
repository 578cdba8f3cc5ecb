/**
 * Read effect estimates ("WMA (AUC 0.873 [95%CI 0.816-0.922])") out of abstract text.
 *
 * The text is split into sentences, each sentence into tokens (numbers, words, dashes,
 * punctuation), and a small hand-written parser reads value groups (a number, n/N counts beside
 * it, and an optional interval in any of the notation families of the real-notation corpus) and
 * ties each to a measure named just before it ("AUC of 0.91"), just after it ("92% accuracy"),
 * inherited from the previous estimate of the same list ("…, T2 0.553 [0.420-0.692]"), from the
 * previous sentence ("These values were …"), or — for a value with a named interval — named
 * further back in the sentence. Every look-ahead and look-behind is bounded, so the run time is
 * linear in the length of the text. Only measure-labelled numbers become estimates; anything
 * uncertain (a comparison, a borrowed measure, an assumed level) is kept and flagged.
 *
 * The parts live in ./extract/: tokens.ts (tokenizer), measures.ts (the words naming each measure),
 * mentions.ts (finding measure names), values.ts (values, intervals, CI levels, counts),
 * labels.ts (words around an estimate), unit-words.ts (units and counted things), attach.ts
 * (tying values to measures), checks.ts (needs_review reasons) and estimate.ts (the result,
 * ExtractedEstimate: the schema's estimate without outcome and source, its label, unit and
 * quote). One notation is one entry in these tables or one rule of this grammar, with one row in
 * test/lib/ingest/extract.test.ts.
 */
import type { Measure } from '../schema/index.ts';
import type { Span, Tok } from './extract/tokens.ts';
import type { Mention } from './extract/mentions.ts';
import type { Num } from './extract/values.ts';
import { attachAfter, attachBefore, attachFar, attachToList, toSentence, type Active, type Attachment, type Sentence } from './extract/attach.ts';
import { problems } from './extract/checks.ts';
import { applyRespectively, toEstimate, type ExtractedEstimate, type Found } from './extract/estimate.ts';
import { CHANGE_VERBS, forwardLabel, UNIT_WORDS } from './extract/labels.ts';
import { readCiSpec, readCounts, readInterval, readNumber, readSlashTuple, readValueGroup, type ValueGroup } from './extract/values.ts';
import { ID_WORDS } from './extract/labels.ts';
import { splitSentences } from './sentences.ts';

/** The review reason of a value compared with another ("0.645 vs 0.313", "higher than that of raters (77.6%…"). */
const COMPARED = 'compared with another value: check which group this estimate belongs to';

/** After a value at token k: the end of a bare range ("–7", " to 0.84"), or null. */
function readRange(t: readonly Tok[], k: number): number | null {
  const x = t[k];
  if (!x || !(x.kind === 'dash' || x.norm === 'to')) return null;
  const n = readNumber(t, k + 1, true);
  return n ? n.end : null;
}

/** A number that qualifies a word, not an estimate: "5-year", "30-day", "week 33", "grade 3". */
function isQualifier(t: readonly Tok[], start: number, end: number): boolean {
  const x = t[start]!;
  const dash = t[end];
  if (dash?.kind === 'dash' && dash.start === t[end - 1]!.end && t[end + 1]?.kind === 'word' && t[end + 1]!.start === dash.end) return true;
  return Number.isInteger(x.num) && !x.pct && ID_WORDS.has(t[start - 1]?.norm ?? '');
}

/** The review reason of one value given in brackets after several measures ("sensitivity and specificity (approximately 0.95)"). */
const SHARED = 'one value given for several measures: check it is each one’s';
/** Words that may stand with a value shared by several measures inside their bracket: "(approximately 0.95)". */
const HEDGES = new Set(['approximately', 'approx', 'about', 'around', 'nearly', 'almost', 'roughly', 'both', 'all', 'each', '~', '≈']);

/**
 * Whether the value `vg` after the list of measures `g` is given for all of them: "were both
 * 0.95", "of 90% each", "both sensitivity and specificity being 71%" ('stated'), or alone in a bracket right after the list, "(approximately
 * 0.95)" ('bracket'); never when another value follows in a list ("… both 85% and 90%").
 */
function sharedValue(t: readonly Tok[], g: { start: number; end: number }, vg: ValueGroup): 'stated' | 'bracket' | null {
  const next = t[vg.end];
  if (next && /^(?:,|;|\/|and|or|vs|versus)$/.test(next.norm) && (t[vg.end + 1]?.kind === 'num' || t[vg.end + 2]?.kind === 'num')) return null;
  if (next?.norm === 'each') return 'stated';
  const from = g.end;
  if (t[g.start - 1]?.norm === 'both') return 'stated'; // "both sensitivity and specificity being 71%"
  const to = vg.value.start;
  if (to - from > 8) return null;
  if (t[from]?.text === '(' && next?.text === ')' && t.slice(from + 1, to).every((x) => HEDGES.has(x.norm))) return t.slice(from + 1, to).some((x) => /^(?:both|all|each)$/.test(x.norm)) ? 'stated' : 'bracket';
  // "both" (or "all", "each") with only filler between it and the value: "were both 0.95", "were all above" is a bound (not read before)
  for (let k = to - 1; k >= from && k >= to - 3; k--) {
    if (/^(?:both|each)$/.test(t[k]!.norm) || (t[k]!.norm === 'all' && t[k - 1]?.kind === 'word' && /^(?:were|are|of)$/.test(t[k - 1]!.norm))) return 'stated';
    if (!/^(?:[:=,]|of|were|are|was|is)$/.test(t[k]!.norm)) return null;
  }
  return null;
}

/** Words that refer back to the previous sentence's measures: "These values were 0.98 (…) and 0.97 (…)". */
const ANAPHORS = new Set(['these', 'corresponding', 'respective', 'such']);
const ANAPHOR_NOUNS = new Set(['values', 'figures', 'estimates', 'numbers', 'rates']);

/** "These values were 0.98": the previous sentence's measures, in order, for a sentence that names none. */
function attachAnaphor(t: readonly Tok[], vg: ValueGroup, previous: readonly Measure[], afterStop: boolean): Attachment | null {
  if (previous.length === 0) return null;
  const at = vg.value.start;
  for (let j = Math.max(0, at - 6); j < at - 1; j++) {
    if (!ANAPHORS.has(t[j]!.norm) || !ANAPHOR_NOUNS.has(t[j + 1]!.norm)) continue;
    if (afterStop && t[j - 1]?.text !== '.') return null;
    for (let k = j + 2; k < at; k++) if (!/^(?:were|was|are|is|of|respectively|:|,)$/.test(t[k]!.norm)) return null;
    const mentions: Mention[] = previous.map((measure) => ({ measure, start: j, end: j + 2 }));
    const group = { mentions, start: j, end: j + 2, consumed: false };
    return { measure: mentions[0]!.measure, group, next: 1, mention: mentions[0]!, quoteFrom: { start: j, end: j + 2 }, label: null, ownLabel: false, end: vg.end };
  }
  return null;
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

/** What reading carries from sentence to sentence: the text, its stated CI levels, the list chain and the last measures. */
interface TextState {
  text: string;
  levels: { at: number; level: number }[];
  severalLevels: boolean;
  chain: number;
  previous: readonly Measure[]; // the measures of the last list of the previous sentence, for "These values were …"
  borrowed: WeakSet<object>; // groups standing for the previous sentence's measures
}

/** What reading one sentence carries from value to value. */
interface SentenceState {
  s: Sentence;
  t: readonly Tok[];
  startsAt: Map<number, Attachment['group']>;
  found: Found[];
  active: Active | null;
  sentenceLevel: number | null; // the level stated (or assumed) last in this sentence
  assumed: string | null; // why sentenceLevel was assumed, when it was
  gp: number; // index of the last group ending at or before the current value
  pending: { events: number; total: number; end: number } | null; // n/N read just before a value
  pairGroup: Attachment['group'] | null; // the last "AUROC/AUPRC" that took a "0.99/0.98"
  taken: number; // where the last estimate tied to a measure before it ended ("sensitivity 90.2% specificity …")
}

/** How a value group was tied to a measure, and by which rule. */
interface Tie {
  hit: Attachment;
  before: Attachment | null;
  after: Attachment | null;
  anaphor: Attachment | null;
  fresh: Attachment | null;
  far: Attachment | null;
}

/**
 * Extract every measure-labelled estimate from `text` ("AUC 0.87 (95% CI 0.81-0.92)",
 * "sensitivity of 85.2%", "T2 0.553 [0.420-0.692]" in a list of AUCs), each with an exact quote.
 */
export function extractEstimates(text: string): ExtractedEstimate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const sentences = splitSentences(text).map((s) => toSentence(s.text, s.start));
  const levels = statedLevels(sentences);
  const doc: TextState = { text, levels, severalLevels: new Set(levels.map((l) => l.level)).size > 1, chain: 0, previous: [], borrowed: new WeakSet<object>() };
  const out: ExtractedEstimate[] = [];
  for (const s of sentences) {
    const found = readSentence(doc, s);
    applyRespectively(s.tokens, found);
    if (found.length > 0) doc.previous = found[found.length - 1]!.hit.group.mentions.map((m) => m.measure);
    for (const f of found) out.push(toEstimate(text, s.tokens, f));
  }
  return out;
}

/** Read one sentence's estimates, value by value, left to right. */
function readSentence(doc: TextState, s: Sentence): Found[] {
  const t = s.tokens;
  const st: SentenceState = {
    s,
    t,
    startsAt: new Map(s.groups.map((g) => [g.start, g] as const)),
    found: [],
    active: null,
    sentenceLevel: null,
    assumed: null,
    gp: -1,
    pending: null,
    pairGroup: null,
    taken: -1,
  };
  for (let i = 0; i < t.length; ) {
    const read = readValueAt(st, i);
    if (typeof read === 'number') {
      i = read;
      continue;
    }
    let vg = read;
    const skipTo = vg.ci || vg.sd ? vg.end : vg.value.end;
    const tie = tieValue(doc, st, vg, skipTo);
    if (!tie) {
      if (vg.ci?.level != null) [st.sentenceLevel, st.assumed] = [vg.ci.level, null];
      i = skipTo;
      continue;
    }
    vg = extendInterval(st, vg, tie);
    if (tie.fresh || tie.far) doc.chain++;
    const reasons = reviewReasons(doc, st, vg, tie);
    const ciLevel = resolveLevel(doc, st, vg, reasons);
    i = recordValue(doc, st, vg, tie, reasons, ciLevel);
  }
  return st.found;
}

/**
 * At token i: the value group that starts there, or the token index to go on from (past a CI
 * statement, counts, a qualifier number, a bare range or a token that starts no value).
 */
function readValueAt(st: SentenceState, i: number): ValueGroup | number {
  const t = st.t;
  const spec = readCiSpec(t, i);
  if (spec) {
    if (spec.level !== null) [st.sentenceLevel, st.assumed] = [spec.level, null];
    return spec.end;
  }
  const counted = readCounts(t, i);
  if (counted) {
    // "35/50 = 0.70": counts, which the value after "=" takes
    st.pending = { events: counted.events, total: counted.total, end: counted.end };
    return counted.end;
  }
  let vg: ValueGroup | null = readValueGroup(t, i);
  if (!vg) return i + 1;
  if (isQualifier(t, vg.value.start, vg.value.end)) return vg.value.end; // "5-year mortality", "week 33"
  const pending = st.pending;
  if (!vg.counts && pending && /^[=:]$/.test(t[pending.end]?.text ?? '') && pending.end + 1 === vg.value.start) {
    vg = { ...vg, counts: { events: pending.events, total: pending.total } };
  }
  st.pending = null;
  // "improved from 94% to 98%": two levels of a change, not a range
  const change = t[vg.value.start - 1]?.norm === 'from' && CHANGE_VERBS.has(t[vg.value.start - 2]?.norm ?? '');
  const range = vg.ci || change ? null : readRange(t, vg.value.end);
  // "4–7 years", "AUC 0.82 to 0.84": a range, not an estimate
  return range !== null ? range : vg;
}

/** Tie a value group to a measure: named before, after, in the previous sentence, by its list, or further back; null if none. */
function tieValue(doc: TextState, st: SentenceState, vg: ValueGroup, skipTo: number): Tie | null {
  const { s, t, found } = st;
  while (st.gp + 1 < s.groups.length && s.groups[st.gp + 1]!.end <= vg.value.start) st.gp++;
  const prefix = st.gp >= 0 ? s.groups[st.gp]! : null;
  const follower = t[skipTo];
  const counts = follower?.kind === 'word' && UNIT_WORDS.has(follower.norm); // "3 radiologists", "72 bpm"
  const before = counts ? null : attachBefore(s, vg, prefix, st.taken);
  const after = counts || before ? null : attachAfter(s, vg, st.startsAt);
  // "These values were …" after a full stop (inside a bracket the sentence splitter keeps going) or opening a sentence
  const sameSentence = found.length > 0 || prefix !== null;
  const earlier = found.length > 0 ? found[found.length - 1]!.hit.group.mentions.map((m) => m.measure) : doc.previous;
  const anaphor = before || after || counts ? null : attachAnaphor(t, vg, earlier, sameSentence);
  const fresh = before ?? after ?? anaphor;
  const listed: Attachment | null = fresh ?? (counts ? null : attachToList(s, vg, st.active, prefix));
  const far: Attachment | null = listed || counts ? null : attachFar(s, vg, prefix, found.some((f) => prefix !== null && f.vg.value.start > prefix.end));
  const hit: Attachment | null = listed ?? far;
  return hit ? { hit, before, after, anaphor, fresh, far } : null;
}

/** A value with no interval of its own takes one that follows its measure or its label; the hit is extended to it. */
function extendInterval(st: SentenceState, vg: ValueGroup, { hit, after }: Tie): ValueGroup {
  const t = st.t;
  if (after && !vg.ci) {
    // "83.4% sensitivity (95% CI 77.8–89.0%)": the interval follows the measure
    const ci = readInterval(t, after.group.end);
    if (ci) {
      vg = { ...vg, ci, end: ci.end };
      hit.end = Math.max(hit.end, ci.end);
    }
  }
  if (!vg.ci) {
    // "AUC of 0.87 for LR (95% CI 0.86–0.87)", "0.90 in the development cohort, 95% CI 0.85–0.94": the interval follows a label
    const tail = forwardLabel(t, vg.end, st.s.inMention);
    const ci = tail ? readInterval(t, tail.end, vg.value) : null;
    if (ci && (ci.named || (ci.low.value <= vg.value.value && vg.value.value <= ci.high.value && !t.slice(ci.low.start, ci.end).some((x) => x.kind === 'word')))) {
      vg = { ...vg, ci, end: ci.end };
      hit.end = Math.max(hit.end, ci.end);
    }
  }
  return vg;
}

/** The needs_review reasons of a tied value: its checks, a measure named far back or in the previous sentence, a comparison. */
function reviewReasons(doc: TextState, st: SentenceState, vg: ValueGroup, { hit, before, anaphor, far }: Tie): string[] {
  const { t, found } = st;
  const reasons = problems(hit.measure, vg);
  if (far) reasons.push(`the measure is named further back ("${doc.text.slice(t[far.mention.start]!.start, t[far.mention.end - 1]!.end)}"): check the estimate is of it`);
  if (anaphor) doc.borrowed.add(anaphor.group);
  if (doc.borrowed.has(hit.group)) reasons.push(`the measure is named in the previous sentence ("${t[hit.group.start]!.text} ${t[hit.group.end - 1]!.text}"): check it is ${hit.measure}`);
  if (hit.versus) {
    reasons.push(COMPARED);
    const prev = before ? null : found[found.length - 1];
    if (prev && !prev.reasons.includes(COMPARED)) prev.reasons.push(COMPARED);
  }
  return reasons;
}

/** The CI level of a value's interval: its own, the sentence's, or the nearest the text states (else 95%), adding why it was assumed. */
function resolveLevel(doc: TextState, st: SentenceState, vg: ValueGroup, reasons: string[]): number | null {
  let ciLevel: number | null = null;
  if (vg.ci?.level != null) {
    [ciLevel, st.sentenceLevel, st.assumed] = [vg.ci.level, vg.ci.level, null];
  } else if (vg.ci && st.sentenceLevel !== null) {
    ciLevel = st.sentenceLevel; // inherited from the list it stands in
    if (st.assumed) reasons.push(st.assumed);
  } else if (vg.ci) {
    // nothing in this sentence states a level: use the one the text states, if any
    const at = st.t[vg.value.start]!.start;
    const nearest = doc.levels.findLast((l) => l.at < at) ?? doc.levels[0];
    ciLevel = nearest?.level ?? 0.95;
    if (!nearest) st.assumed = 'CI level not stated; 95% assumed';
    else if (doc.severalLevels) st.assumed = `CI level not stated; ${+(nearest.level * 100).toFixed(2)}% assumed from elsewhere in the text`;
    if (st.assumed) reasons.push(st.assumed);
    st.sentenceLevel = ciLevel;
  }
  return ciLevel;
}

/** Record a tied value as one estimate or several (a slash tuple, two slashed values, a shared value); returns where to go on. */
function recordValue(doc: TextState, st: SentenceState, vg: ValueGroup, tie: Tie, reasons: string[], ciLevel: number | null): number {
  const { hit, before } = tie;
  const tuple = readSlashTuple(st.t, vg);
  // a slash tuple fills a list of measures (and of other statistics' slots) one value each
  const fills = (g: Attachment['group']): boolean =>
    tuple.length > 0 && (g.mentions.length > 1 || g.slots !== undefined) && (tuple.length + 1 === g.mentions.length || tuple.length + 1 === g.mentions.length + (g.slots?.count ?? 0));
  if (tuple.length > 0 && !before && !fills(hit.group) && st.pairGroup && fills(st.pairGroup)) {
    // "(AUROC/AUPRC) 0.99/0.98 with sensitivity of 94%, and 0.97/0.91 …": the pair belongs to the pair of measures
    const pg = st.pairGroup;
    Object.assign(hit, { group: pg, measure: pg.mentions[0]!.measure, mention: pg.mentions[0]!, quoteFrom: { start: pg.start, end: pg.end } });
  }
  if (fills(hit.group)) return recordTuple(doc, st, vg, hit, tuple, reasons, ciLevel);
  const pair = tuple.length === 1 ? tuple[0]! : null;
  if (pair && before && hit.group.mentions.length === 1 && !vg.ci) return recordSlashPair(doc, st, vg, hit, pair, reasons, ciLevel);
  if (tuple.length > 0) return tuple[tuple.length - 1]!.end; // a tuple with no list of measures to take it
  const shared = before && hit.group.mentions.length > 1 ? sharedValue(st.t, hit.group, vg) : null;
  if (shared) return recordShared(doc, st, vg, hit, shared, reasons, ciLevel);
  st.found.push({ hit, vg, chain: doc.chain, ciLevel, reasons });
  if (before && hit.end === vg.end) st.taken = vg.end;
  const headLabel: Span | null = tie.fresh ? hit.label : (st.active?.label ?? null);
  st.active = { group: hit.group, measure: hit.measure, next: hit.next, end: hit.end, label: headLabel };
  return hit.end;
}

/**
 * "(AUROC/AUPRC) 0.99/0.98", "sensitivity and specificity were 49.2/89.5",
 * "accuracy/specificity/sensitivity/Youden index of (95.7%/98.8%/82.1%/0.809)": one value per measure.
 */
function recordTuple(doc: TextState, st: SentenceState, vg: ValueGroup, hit: Attachment, tuple: readonly Num[], reasons: string[], ciLevel: number | null): number {
  st.pairGroup = hit.group;
  const values = [vg.value, ...tuple];
  const ms: readonly Mention[] = hit.group.mentions;
  ms.forEach((m, n) => {
    const v = n === 0 ? vg : { value: values[n]!, ci: null, end: values[n]!.end };
    st.found.push({ hit: { ...hit, measure: m.measure, mention: m, end: n === 0 ? hit.end : Math.max(hit.end, v.end) }, vg: v, chain: doc.chain, ciLevel: n === 0 ? ciLevel : null, reasons: n === 0 ? reasons : problems(m.measure, v) });
  });
  const last = tuple[tuple.length - 1]!;
  st.active = { group: hit.group, measure: ms[ms.length - 1]!.measure, next: ms.length, end: last.end };
  return last.end;
}

/** "C-indices of 0.858/0.836": two values of one measure, which is which unknown. */
function recordSlashPair(doc: TextState, st: SentenceState, vg: ValueGroup, hit: Attachment, pair: Num, reasons: string[], ciLevel: number | null): number {
  const second = { value: pair, ci: null, end: pair.end };
  const why = 'two values joined by a slash: check which group each belongs to';
  st.found.push({ hit, vg, chain: doc.chain, ciLevel, reasons: [...reasons, why] });
  st.found.push({ hit: { ...hit, end: Math.max(hit.end, pair.end) }, vg: second, chain: doc.chain, ciLevel: null, reasons: [...problems(hit.measure, second), why] });
  st.active = { group: hit.group, measure: hit.measure, next: 1, end: pair.end, label: hit.label };
  return pair.end;
}

/** "sensitivity and specificity were both 0.95", "sensitivity and specificity (approximately 0.95)": one value for every measure of the list. */
function recordShared(doc: TextState, st: SentenceState, vg: ValueGroup, hit: Attachment, shared: 'stated' | 'bracket', reasons: string[], ciLevel: number | null): number {
  const why = shared === 'bracket' ? [SHARED] : [];
  if (st.t[vg.end]?.norm === 'each') hit.end = Math.max(hit.end, vg.end + 1);
  for (const m of hit.group.mentions) st.found.push({ hit: { ...hit, measure: m.measure, mention: m }, vg, chain: doc.chain, ciLevel, reasons: [...reasons, ...why] });
  st.active = { group: hit.group, measure: hit.group.mentions[hit.group.mentions.length - 1]!.measure, next: hit.group.mentions.length, end: hit.end };
  return hit.end;
}
