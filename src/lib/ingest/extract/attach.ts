/**
 * Tying a value group to its measure, in three ways: a measure named before the value ("AUC of
 * 0.91"), right after it ("92% accuracy"), or the next item of the list an earlier estimate
 * started ("…, T2 0.553 [0.420-0.692]").
 */
import type { Measure } from '../../schema/index.ts';
import { backLabel, forwardLabel, hasDifferenceWords, isDifferenceGap, isGeneric, PREP, readGap, readListGap } from './labels.ts';
import { PROPORTION_MEASURES, RATIO_MEASURES } from '../../schema/measures.ts';
import { findGroups, type Group } from './mentions.ts';
import { tokenize, type Span, type Tok } from './tokens.ts';
import { readSlashTuple, type ValueGroup } from './values.ts';

/** A sentence's tokens and the measure names in it. */
export interface Sentence {
  tokens: Tok[];
  groups: Group[];
  /** For each token, the index of the group whose mentions cover it, else -1. */
  inMention: Int32Array;
}

/** The list an estimate belongs to, so the next list item can inherit its measure. */
export interface Active {
  group: Group;
  measure: Measure;
  next: number; // in a multi-measure group, which measure the next list item takes
  end: number; // token index where the estimate ended
  /** The label of the list's first estimate ("sensitivity and specificity for WMA were …"). */
  label?: Span | null;
}

/** How a value group was tied to a measure. */
export interface Attachment {
  measure: Measure;
  group: Group;
  next: number;
  mention: Span; // the measure words (for the fallback label)
  quoteFrom: Span | null; // measure words the quote must cover, if any
  label: Span | null;
  ownLabel: boolean; // a list item named before its value ("T2 0.553")
  end: number; // exclusive token index where the estimate (with any trailing label) ends
  /** The value is the comparator of the previous one ("0.645 vs 0.313"). */
  versus?: boolean;
  /** Tied to a measure named further back than the usual words allow (attachFar). */
  far?: boolean;
}

const LIST_FOLLOWERS = /^(?:and|or|vs|versus|respectively|compared|based|using|when)$/;

/** 1. A measure named before the value: "AUC of 0.91", "WMA (AUC 0.873 …)", "AUC for WMA was 0.91" ("sensitivity 90% specificity 82%"). */
export function attachBefore(s: Sentence, vg: ValueGroup, prefix: Group | null, taken = -1): Attachment | null {
  if (!prefix || prefix.consumed || prefix.mentions[0]!.afterOnly) return null;
  const { tokens: t, inMention } = s;
  // "at 70% IoU": the measure belongs to the number before it — unless that number already has its
  // measure before it ("sensitivity 90.2% specificity 82.5%": `taken` is where that estimate ended)
  if (t[prefix.start - 1]?.kind === 'num' && prefix.start !== taken) return null;
  // "accuracy/specificity/sensitivity/Youden index of (95.7%/98.8%/82.1%/0.809)": a tuple that fills every slot
  const slotted = prefix.slots && readSlashTuple(t, vg).length + 1 === prefix.mentions.length + prefix.slots.count;
  const gap = readGap(t, slotted ? prefix.slots!.end : prefix.end, vg.value.start, vg.ci !== null);
  if (!gap) return null;
  // "a change in AUC of 0.03", "the AUC difference was 0.05": a difference of the measure (a mention of MD or SMD holds its own words)
  if (hasDifferenceWords(t, prefix.start - 3, prefix.start) || hasDifferenceWords(t, prefix.end, vg.value.start)) return null;
  const m = prefix.mentions[0]!;
  // a whole number above 1 with no % and no interval is a count or a year for a proportion ("accuracy … the 2018 classification")
  if (PROPORTION_MEASURES.has(m.measure) && !vg.ci && !vg.value.pct && vg.value.value > 1 && !/[.·]/.test(t[vg.value.start]!.text)) return null;
  const before = backLabel(t, prefix.start, inMention);
  const after = forwardLabel(t, vg.end, inMention);
  const label = [gap.label, before, after].find((l) => l && !isGeneric(t, l)) ?? gap.label ?? before ?? after ?? null;
  const end = label && label === after ? Math.max(vg.end, after.end) : vg.end;
  return { measure: m.measure, group: prefix, next: 1, mention: m, quoteFrom: { start: prefix.start, end: m.end }, label, ownLabel: false, end, versus: gap.comparison };
}

/** 2. A measure named right after the value: "92% accuracy", "0.91 AUC". */
export function attachAfter(s: Sentence, vg: ValueGroup, startsAt: ReadonlyMap<number, Group>): Attachment | null {
  const post = [startsAt.get(vg.value.end), startsAt.get(vg.end)].find((g) => g && !g.consumed);
  const m = post?.mentions[0];
  if (!post || !m || RATIO_MEASURES.has(m.measure) || m.measure === 'MD') return null;
  // above 1 without a % sign only on the percent scale, written as a measurement: "91.22 (90.79, 91.64) sensitivity"
  const tok = s.tokens[vg.value.start]!;
  if (!vg.value.pct && Math.abs(vg.value.value) > 1 && !(PROPORTION_MEASURES.has(m.measure) && vg.value.value <= 100 && (vg.ci || /[.·]/.test(tok.text)))) return null;
  if (s.tokens[vg.value.start - 1]?.norm === 'at') return null; // "sensitivity 85% at 90% specificity": a fixed operating point
  post.consumed = true;
  const after = forwardLabel(s.tokens, Math.max(post.end, vg.end), s.inMention);
  const label = after ?? backLabel(s.tokens, vg.value.start, s.inMention);
  const end = Math.max(vg.end, post.end, after?.end ?? 0);
  return { measure: m.measure, group: post, next: 1, mention: m, quoteFrom: { start: post.start, end: m.end }, label, ownLabel: false, end };
}

/** 3. The next item of the current list: "…), T2 0.553 [0.420-0.692]", "sensitivity and specificity were 85% and 90%". */
export function attachToList(s: Sentence, vg: ValueGroup, active: Active | null, prefix: Group | null): Attachment | null {
  if (!active || (prefix && prefix.start >= active.end)) return null; // a measure named in between starts a new list
  const { tokens: t, inMention } = s;
  const follower = t[vg.end];
  const perCent = follower?.norm === 'per' && t[vg.end + 1]?.norm === 'cent';
  const atThe = follower?.norm === 'at' && t[vg.end + 1]?.norm === 'the'; // "0.84 (…) at the lesion level"
  // "F1 scores of 0.80 and 0.85 were obtained": a verb after an estimate-like number (a decimal or a percentage, not "54 were male")
  const verb = /^(?:was|were|is|are)$/.test(follower?.norm ?? '') && (vg.value.pct || /[.·]/.test(t[vg.value.start]!.text));
  if (follower?.kind === 'word' && !PREP.has(follower.norm) && !LIST_FOLLOWERS.test(follower.norm) && !(vg.ci && follower.norm === 'to') && !perCent && !atThe && !verb) return null;
  const list = readListGap(t, active.end, vg.value.start, inMention, vg.ci !== null);
  if (!list) return null;
  const multi = active.group.mentions.length > 1;
  // past the last measure of "sensitivity and specificity were …" the list starts over: "…, and 80% and 70% in B"
  const m = multi ? active.group.mentions[active.next % active.group.mentions.length]! : { measure: active.measure, start: active.group.start, end: active.group.end };
  const after = list.label ? null : forwardLabel(t, vg.end, inMention);
  // within the first round of "sensitivity and specificity for WMA were 85% and 80%", each value is about WMA
  const inherited = multi && active.next < active.group.mentions.length ? (active.label ?? null) : null;
  return {
    measure: m.measure,
    group: active.group,
    next: active.next + 1,
    mention: m,
    quoteFrom: multi || !(list.label ?? after) ? m : null, // an unnamed item quotes its measure too
    label: list.label ?? after ?? inherited,
    ownLabel: list.label !== null,
    end: Math.max(vg.end, after?.end ?? 0),
    versus: list.versus,
  };
}

/**
 * 4. A value with a named interval ("0.77 (95% CI 0.75–0.79)") that the words between it and the
 * last measure named before it do not tie to that measure ("AUC of the model in … was 0.77 (95% CI …)"):
 * a CI makes it an estimate, so it is tied to that measure anyway, within 40 tokens and when
 * nothing was read since, and flagged.
 */
export function attachFar(s: Sentence, vg: ValueGroup, prefix: Group | null, readSince: boolean): Attachment | null {
  if (!vg.ci?.named || !prefix || prefix.consumed || readSince || prefix.mentions[0]!.afterOnly) return null;
  if (vg.value.start - prefix.end > 40 || s.tokens[prefix.start - 1]?.kind === 'num') return null;
  if (isDifferenceGap(s.tokens, Math.max(0, prefix.start - 3), vg.value.start)) return null;
  const m = prefix.mentions[0]!;
  return { measure: m.measure, group: prefix, next: 1, mention: m, quoteFrom: { start: prefix.start, end: m.end }, label: null, ownLabel: false, end: vg.end, far: true };
}

/** Tokenize a sentence starting at offset `start` and find its measure names. */
export function toSentence(text: string, start: number): Sentence {
  const tokens = tokenize(text, start);
  const groups = findGroups(tokens);
  const inMention = new Int32Array(tokens.length).fill(-1);
  groups.forEach((g, gi) => inMention.fill(gi, g.start, g.end));
  return { tokens, groups, inMention };
}
