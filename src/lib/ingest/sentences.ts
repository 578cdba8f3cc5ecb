/**
 * Sentence splitting for abstracts. Pieces always concatenate back to the exact input, so
 * offsets computed inside a sentence map straight back to the abstract.
 */

/** One sentence of a text and the offset where it starts. */
export interface Sentence {
  text: string;
  start: number;
}

/**
 * Abbreviations after which ICU's sentence rules break although the sentence goes on,
 * e.g. "e.g. AUC", "vs. T2", "95% CI. 0.81", "Fig. 2", "et al. (2020)".
 */
const ABBREVIATION_END =
  /(?:^|[^\p{L}\p{N}])(?:e\.g|i\.e|vs|cf|viz|approx|ca|resp|incl|al|fig|figs|tab|no|nos|eq|ref|refs|vol|dr|mr|mrs|ms|prof|st|jr|sr|ci|c\.i|cri|min|max|mo|yr|yrs|wk|wks|n\.s)\.["'’)\]]*\s*$/iu;

const OPENERS = '([{';
const CLOSERS = ')]}';

/** Bracket depth change across `s`, and the lowest depth reached while reading it. */
function bracketBalance(s: string): { net: number; min: number } {
  let depth = 0;
  let min = 0;
  for (const ch of s) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      depth--;
      if (depth < min) min = depth;
    }
  }
  return { net: depth, min };
}

/** A break between `prev` and `next` that ICU made but that does not end a sentence. */
function isFalseBreak(prevText: string, next: string, openDepth: number): boolean {
  const prev = prevText.slice(-40); // only the end matters; keeps merging linear
  if (/\n\s*$/.test(prev)) return false; // a line break is a real boundary
  const head = next.trimStart();
  if (head === '') return true;
  if (ABBREVIATION_END.test(prev)) return true;
  // A sentence does not start with a lowercase letter or with closing punctuation.
  if (/^[\p{Ll},;:)\]}]/u.test(head)) return true;
  // Inside an open bracket, a piece that closes it continues the same sentence: "(95% CI. 0.8-0.9)".
  if (openDepth > 0 && bracketBalance(next).min < 0) return true;
  return false;
}

/** ICU segmentation when available, else a simple punctuation-and-whitespace splitter. */
function rawSegments(text: string): string[] {
  const Segmenter = typeof Intl !== 'undefined' ? Intl.Segmenter : undefined;
  if (Segmenter) {
    const out: string[] = [];
    for (const s of new Segmenter('en', { granularity: 'sentence' }).segment(text)) out.push(s.segment);
    return out;
  }
  const out: string[] = [];
  const boundary = /[.!?]+["'’)\]]*[ \t]+|\r?\n+/g;
  let last = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    out.push(text.slice(last, m.index + m[0].length));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Split `text` into sentences with their start offsets; the pieces concatenate back to `text`
 * exactly. Uses `Intl.Segmenter` and re-joins its false breaks after "e.g.", "vs.", "CI." and
 * inside brackets.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  let depth = 0;
  for (const seg of rawSegments(text)) {
    const prev = out[out.length - 1];
    if (prev && isFalseBreak(prev.text, seg, depth)) {
      prev.text += seg;
    } else {
      out.push({ text: seg, start: offset });
      depth = 0;
    }
    depth = Math.max(0, depth + bracketBalance(seg).net);
    offset += seg.length;
  }
  return out;
}
