/**
 * Identity of a record: its dedupe key (DOI, else PMID, else PMCID, else a hash of the
 * normalised abstract) and a stable, human-readable slug for its page.
 */

/** Lowercase, NFKC-normalised text with punctuation and whitespace runs reduced to one space. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** SHA-256 hex digest of a string (Web Crypto: works in Node and in browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Identifiers a record may carry. */
export interface RecordIds {
  doi?: string | null;
  pmid?: string | null;
  pmcid?: string | null;
}

/** The dedupe key: `doi:<lowercase doi>`, `pmid:<n>`, `pmcid:<PMCn>`, else `hash:<16 hex of the normalised abstract>`. */
export async function dedupeKey(ids: RecordIds, abstractText: string): Promise<string> {
  if (ids.doi) return `doi:${ids.doi.toLowerCase()}`;
  if (ids.pmid) return `pmid:${ids.pmid}`;
  if (ids.pmcid) return `pmcid:${ids.pmcid.toUpperCase()}`;
  return `hash:${(await sha256Hex(normaliseText(abstractText))).slice(0, 16)}`;
}

/** Every key a record can be recognised by: its DOI, PMID and PMCID keys and the hash of its abstract. */
export async function identityKeys(ids: RecordIds, abstractText: string): Promise<string[]> {
  const keys = [
    ids.doi ? `doi:${ids.doi.toLowerCase()}` : null,
    ids.pmid ? `pmid:${ids.pmid}` : null,
    ids.pmcid ? `pmcid:${ids.pmcid.toUpperCase()}` : null,
    abstractText.trim() ? `hash:${(await sha256Hex(normaliseText(abstractText))).slice(0, 16)}` : null,
  ];
  return keys.filter((k): k is string => k !== null);
}

const STOP = new Set(
  'a an the of for to in on and or with by from at as is are was were be been this that these those using use via its their our we into than versus vs based'.split(' '),
);

/** A slug such as `2024-deep-learning-echocardiography-predict-cmr`: year plus up to six content words of the title. */
export function slugFor(year: string | null, title: string): string {
  const words = normaliseText(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(' ')
    .filter((w) => /^[a-z0-9]+$/.test(w) && !STOP.has(w));
  const base = [year ?? 'undated', ...words.slice(0, 6)].join('-');
  return base.replace(/-+/g, '-').replace(/^-|-$/g, '') || 'study';
}

/** Make `slug` unique against `taken` by appending -2, -3, … */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Extract a DOI from a doi.org / dx.doi.org URL or a bare DOI string. */
export function doiFrom(text: string): string | null {
  const m = /\b(10\.\d{4,9}\/[^\s|"<>]+)/.exec(text);
  return m ? m[1]!.replace(/[.,;]+$/, '') : null;
}

/** Extract a PMCID (PMC12345) from a URL or text. */
export function pmcidFrom(text: string): string | null {
  const m = /\b(PMC\d+)\b/i.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

/** The posting date embedded in a medRxiv/bioRxiv DOI (10.1101/2024.04.16.24305936 → 2024-04-16). */
export function dateFromPreprintDoi(doi: string): string | null {
  const m = /^10\.1101\/(\d{4})\.(\d{2})\.(\d{2})\.\d+/.exec(doi);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${mo}-${d}`;
}
