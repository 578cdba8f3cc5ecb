/**
 * Pagefind excerpts are HTML: entity-encoded text with the matched words in <mark> elements.
 * Instead of trusting that string as markup, split it into plain-text segments (entities
 * decoded) with a flag for the marked ones; the renderer then builds the <mark> elements
 * itself and sets every text with textContent. Any other tag stays literal text. Pure: no DOM.
 */

/** One piece of an excerpt: its text and whether Pagefind marked it as a hit. */
export interface ExcerptSegment {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the HTML character references Pagefind writes (named basics and numeric); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Split an excerpt into text segments; only exact `<mark>`…`</mark>` pairs count as highlights. */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (raw: string, mark: boolean) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  let rest = excerpt;
  while (rest) {
    const open = rest.indexOf('<mark>');
    const close = open < 0 ? -1 : rest.indexOf('</mark>', open + 6);
    if (open < 0 || close < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 6, close), true);
    rest = rest.slice(close + 7);
  }
  return segments;
}
