/**
 * Working titles for records the listing shows without one. A derived title is marked
 * `title_source: derived` so the site flags it and an author replaces it.
 */
import type { Section } from './listing.ts';
import { splitSentences } from './sentences.ts';

const MAX_TITLE = 150;

/** Patterns that turn an aim or hypothesis sentence into a title; the first capture is kept. `infinitive` marks captures starting with a verb ("assess …"), turned into a gerund ("Assessing …"). */
const AIM_PATTERNS: RegExp[] = [
  /\bwe hypothesi[sz]ed that (.+)/i,
  /\b(?:the )?(?:main |primary )?(?:purpose|aim|objective|goal)s? of (?:this|the present|our) (?:study|paper|work|review) (?:was|were|is|are) to (.+)/i,
  /\b(?:this|the|the present|our) (?:study|paper|work) (?:aims|aimed|sought|seeks) to (.+)/i,
  /\bwe (?:aimed|sought|aim) to (.+)/i,
  /\b(?:this|the present|our) (?:study|paper|work|article) (?:evaluates|evaluated|assesses|assessed|investigates|investigated|examines|examined|compares|compared|proposes|presents|describes|develops|reports) (.+)/i,
];

/** Aim patterns whose capture starts with an infinitive verb. */
const INFINITIVE_AIMS = new Set([AIM_PATTERNS[1]!, AIM_PATTERNS[2]!, AIM_PATTERNS[3]!]);

/** "assess the accuracy" → "assessing the accuracy" (first word only). */
function gerund(phrase: string): string {
  return phrase.trim().replace(/^([a-z]+)/i, (verb) => {
    const v = verb.toLowerCase();
    if (v.endsWith('ing')) return verb;
    if (/[^aeiou]e$/.test(v) && v !== 'be') return `${verb.slice(0, -1)}ing`;
    if (/^(?:[^aeiou]*[aeiou][^aeiouwxy])$/.test(v) && v.length <= 4) return `${verb}${verb.slice(-1)}ing`;
    return `${verb}ing`;
  });
}

/** Upper-case the first letter, drop a final full stop, and cut at a word boundary. */
function tidy(text: string): string {
  let t = text.trim().replace(/[.;:,\s]+$/, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length <= MAX_TITLE) return t;
  const cut = t.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : MAX_TITLE).replace(/[,;:\s]+$/, '')}…`;
}

/** Derive a readable working title from an abstract's aim/hypothesis sentence, else its first sentence. */
export function deriveTitle(sections: readonly Section[]): string {
  const sentences = sections.flatMap((s) => splitSentences(s.text).map((p) => p.text.trim())).filter(Boolean);
  for (const pattern of AIM_PATTERNS) {
    for (const sentence of sentences) {
      const m = pattern.exec(sentence);
      if (m?.[1] && m[1].trim().length >= 12) return tidy(INFINITIVE_AIMS.has(pattern) ? gerund(m[1]) : m[1]);
    }
  }
  const first = sentences.find((t) => /[\p{L}\p{N}]/u.test(t)) ?? '';
  return tidy(first) || 'Untitled record (no readable sentence in the abstract)';
}
