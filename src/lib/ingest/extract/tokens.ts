/**
 * The tokenizer of the estimate extractor: a sentence into numbers (with any % sign), words,
 * dashes, minus signs and punctuation, each with its offsets in the abstract.
 */

/** One token of a sentence, with its offsets in the whole text. */
export interface Tok {
  kind: 'num' | 'word' | 'dash' | 'minus' | 'punct';
  text: string;
  /** Lowercased, with hyphen and apostrophe variants unified (words only). */
  norm: string;
  start: number;
  end: number;
  /** Numeric value of a `num` token, NaN otherwise. */
  num: number;
  /** The number was written with a % sign (included in the token). */
  pct: boolean;
}

const NUM_RE = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:[.·]\d+)?|[.·]\d+/y;
const WORD_RE =
  /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’](?:[\p{L}\p{M}][\p{L}\p{M}\p{N}]*|\p{N}+(?!\p{N}|[.,·]\p{N})(?:[\p{L}\p{M}][\p{L}\p{M}\p{N}]*)?))*/uy;
const ALNUM_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/uy;
const PCT_RE = /[ \u00a0\u2009\u202f]?%/y;
const DASHES = '-‐‑‒–—―';
const MINUSES = '−﹣－';

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function tok(kind: Tok['kind'], text: string, start: number, extra: Partial<Tok> = {}): Tok {
  return { kind, text, norm: text, start, end: start + text.length, num: Number.NaN, pct: false, ...extra };
}

/** Tokens of `s`, with offsets shifted by `base`. */
export function tokenize(s: string, base: number): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const prev = i > 0 ? s[i - 1]! : ' ';
    const isDigitStart = /\d/.test(ch) || (/[.·]/.test(ch) && /\d/.test(s[i + 1] ?? '') && !/[\p{L}\p{N}]/u.test(prev));
    if (isDigitStart) {
      const n = sticky(NUM_RE, s, i);
      if (n && !/[\p{L}]/u.test(s[i + n.length] ?? '')) {
        const value = Number(n.replace(/,/g, '').replace('·', '.'));
        const pct = sticky(PCT_RE, s, i + n.length);
        const text = pct ? n + pct : n;
        out.push(tok('num', text, base + i, { num: value, pct: Boolean(pct) }));
        i += text.length;
        continue;
      }
      const w = sticky(ALNUM_RE, s, i);
      if (w) {
        out.push(tok('word', w, base + i, { norm: normWord(w) }));
        i += w.length;
        continue;
      }
    }
    if (/[\p{L}\p{M}]/u.test(ch)) {
      const w = sticky(WORD_RE, s, i) ?? ch;
      out.push(tok('word', w, base + i, { norm: normWord(w) }));
      i += w.length;
      continue;
    }
    const cp = String.fromCodePoint(s.codePointAt(i) ?? 0xfffd);
    const text = cp.length === 2 && s.slice(i, i + 2) === cp ? cp : ch;
    const kind = DASHES.includes(text) ? 'dash' : MINUSES.includes(text) ? 'minus' : 'punct';
    out.push(tok(kind, text, base + i));
    i += text.length;
  }
  return out;
}

function normWord(w: string): string {
  return w.toLowerCase().replace(/[‐‑]/g, '-').replace(/’/g, "'");
}

/** A range of token indexes. */
export interface Span {
  start: number; // token index
  end: number; // exclusive
}

/** Opening brackets and the bracket that closes each. */
export const OPEN = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);
