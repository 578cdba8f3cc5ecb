/**
 * Sentences of our own around a corpus span: the evaluation never stores an abstract's prose,
 * so it writes the context itself — text before and after the span, a following sentence,
 * brackets round it, a section label — chosen by a seeded generator, so a run is repeatable
 * and a different seed tries other contexts.
 */
import type { Rng } from '../../prng.ts';

/** A span placed in a sentence: the text, and where the span starts in it. */
export interface Embedded {
  template: string;
  text: string;
  at: number;
}

/** One context: text before and after the span (the span is placed verbatim between them). */
interface Template {
  id: string;
  before: string;
  after: string;
  /** The span opens the sentence, so a lowercase first word is capitalised. */
  opens?: boolean;
}

/** Every context the evaluation may use. None names a measure or holds a number. */
export const TEMPLATES: readonly Template[] = [
  { id: 'bare', before: '', after: '.', opens: true },
  { id: 'test-set', before: 'In the test set, ', after: '.' },
  { id: 'found', before: 'We found ', after: ' on the held-out data.' },
  { id: 'brackets', before: 'The approach performed well (', after: ').' },
  { id: 'following-sentence', before: '', after: '. These results were consistent across the participating sites.', opens: true },
  { id: 'semicolon-clause', before: 'Overall, ', after: '; performance was stable over time.' },
  { id: 'which-clause', before: 'On external validation, ', after: ', which supports prospective evaluation.' },
  { id: 'results-label', before: 'Results: ', after: '.', opens: true },
  { id: 'after-sentence', before: 'The reference standard was histopathology. ', after: '.', opens: true },
  { id: 'dash-aside', before: 'The final model — trained on routine data — gave ', after: ' in this cohort.' },
];

/** A span as the first words of a sentence: "sensitivity was…" → "Sensitivity was…" (mixed-case abbreviations such as "aOR" stay as they are). */
function capitalise(span: string): string {
  return /^\p{Ll}[\p{Ll}\s]/u.test(span) ? span[0]!.toUpperCase() + span.slice(1) : span;
}

/** Place `span` in the given template. */
export function embedIn(template: Template, span: string): Embedded {
  const body = template.opens ? capitalise(span) : span;
  const endsWithStop = /[.;:!?]$/.test(body) && template.after.startsWith('.');
  const after = endsWithStop ? template.after.slice(1) : template.after;
  return { template: template.id, text: template.before + body + after, at: template.before.length };
}

/** `count` distinct contexts for one span, drawn from `rng`. */
export function embedSpan(rng: Rng, span: string, count: number): Embedded[] {
  const order = TEMPLATES.map((t) => ({ t, k: rng.next() })).sort((a, b) => a.k - b.k);
  return order.slice(0, Math.max(1, Math.min(count, TEMPLATES.length))).map(({ t }) => embedIn(t, span));
}
