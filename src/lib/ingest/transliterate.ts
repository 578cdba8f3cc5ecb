/**
 * Transliteration of titles to ASCII for slugs: a small table for Cyrillic and Greek (the
 * scripts of most non-Latin titles in medical exports), and Unicode NFKD with combining marks
 * removed for Latin letters with diacritics (é → e, ø → o via the table). Letters of other
 * scripts (CJK, Arabic, Hebrew, …) are left as they are; `asciiShare` tells how much of a
 * title could be transliterated, so the slug can fall back to an id. Pure: no Node imports.
 */

/** Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian, Macedonian letters), close to ISO 9 / BGN. */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ђ: 'dj', ѓ: 'gj', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', ѕ: 'dz',
  и: 'i', і: 'i', ї: 'yi', й: 'y', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'c', ќ: 'kj', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dz', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Greek (monotonic and polytonic letters reduce to these after NFKD removes the accents). */
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Latin letters that NFKD does not decompose into a base letter plus marks. */
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng' };

const TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...LATIN };

/** Lowercase ASCII transliteration of a text: table letters replaced, Latin diacritics dropped, other scripts kept as they are. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const direct = TABLE[ch];
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    // Not in the table as it stands (é, ά, ǅ): decompose, drop the combining marks, map what is left.
    for (const base of ch.normalize('NFKD').replace(/\p{M}+/gu, '')) out += TABLE[base] ?? base;
  }
  return out;
}

/** Share of a text's letters that are ASCII after transliteration (1 for a text without letters). */
export function asciiShare(text: string): number {
  const letters = Array.from(transliterate(text)).filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return 1;
  return letters.filter((c) => /[a-z]/.test(c)).length / letters.length;
}
