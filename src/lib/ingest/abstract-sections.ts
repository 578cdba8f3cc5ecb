/**
 * Splitting an abstract into its sections ("BACKGROUND: … METHODS: …"), for the export parsers
 * (MEDLINE in medline.ts, RIS in ris.ts).
 */

import type { Section } from './record.ts';

/**
 * Words that make a "Label:" at a sentence start an abstract heading (matched as word prefixes,
 * so "method" covers "Methods" and "Methodology"). Keeps "Odds ratio: 1.4" or "AUC: 0.9" inside
 * their section instead of starting a new one.
 */
const LABEL_STEMS = [
  'abstract', 'aim', 'analys', 'approach', 'appraisal', 'background', 'case', 'clinical', 'conclu', 'comparison',
  'context', 'criteria', 'data', 'design', 'discussion', 'eligib', 'evaluation', 'evidence', 'exposure', 'extraction',
  'finding', 'funding', 'goal', 'highlight', 'hypothes', 'impact', 'implication', 'importance', 'interpretation',
  'intervention', 'introduction', 'key', 'level', 'limitation', 'main', 'material', 'measure', 'method', 'objective',
  'observation', 'outcome', 'participant', 'patient', 'perspective', 'population', 'practice', 'procedure', 'protocol',
  'purpose', 'question', 'rationale', 'recommendation', 'registration', 'relevance', 'research', 'result', 'review',
  'sample', 'search', 'selection', 'setting', 'significance', 'source', 'statistic', 'study', 'subject', 'summary',
  'synthesis', 'technique', 'trial', 'translational', 'what', 'why',
];
/** Up to six words, the first capitalised, joined by space, "/", "&", "-" or ", "; then a colon. */
const LABEL_AT = /(\p{Lu}[\p{L}'’]*(?:(?: | ?[/&] ?|-|, )\p{L}[\p{L}'’]*){0,5}):(?=\s|$)/uy;
/** A sentence end followed by whitespace and a capital letter: where a heading may start. */
const SENTENCE_START = /[.?!)\]"'”’](\s+)(?=\p{Lu})/gu;

function labelMode(label: string): 'caps' | 'title' | null {
  const words = label.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (!words.some((w) => LABEL_STEMS.some((s) => w.startsWith(s)))) return null;
  if (label === label.toUpperCase()) return /\p{Lu}{2}/u.test(label) ? 'caps' : null;
  return /^\p{Lu}\p{Ll}/u.test(label) ? 'title' : null;
}

/**
 * Split an abstract into sections. A structured abstract starts with a heading ("BACKGROUND:"
 * as MEDLINE writes them, or "Background:" as Scopus and publishers do); later headings of the
 * same style count when they start a sentence and contain a usual heading word (see
 * LABEL_STEMS). Otherwise the abstract is one unlabelled section. Section text is an exact
 * substring of `text` (trimmed); every section gets `line`, the line of the abstract's tag.
 */
export function abstractSections(text: string, line: number): Section[] {
  const body = text.trim();
  if (body === '') return [];
  LABEL_AT.lastIndex = 0;
  const first = LABEL_AT.exec(body);
  const mode = first ? labelMode(first[1]!) : null;
  if (!first || !mode) return [{ label: null, text: body, line }];

  const heads: { label: string; start: number; end: number }[] = [{ label: first[1]!, start: 0, end: first[0].length }];
  for (const s of body.matchAll(SENTENCE_START)) {
    const at = s.index + 1 + s[1]!.length;
    if (at < heads[heads.length - 1]!.end) continue;
    LABEL_AT.lastIndex = at;
    const m = LABEL_AT.exec(body);
    if (m && labelMode(m[1]!) === mode) heads.push({ label: m[1]!, start: at, end: at + m[0].length });
  }
  return heads.map((h, i) => {
    const stop = heads[i + 1]?.start ?? body.length;
    return { label: h.label, text: body.slice(h.end, stop).trim(), line };
  });
}
