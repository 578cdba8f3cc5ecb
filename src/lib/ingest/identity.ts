/**
 * Identity of a record: its dedupe key (DOI, else PMID, else PMCID, else a hash of the
 * normalised abstract, else of title + journal + year + first author, else of its place in the
 * sources; see recordKey) and a stable, human-readable slug for its page (see slugFor).
 */

import { asciiShare, transliterate } from './transliterate.ts';

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

/** What a record's dedupe key is made from, strongest first. */
export type KeyBasis = 'identifier' | 'abstract' | 'title' | 'position';

/** Everything recordKey looks at. `title` is the title the source gives (never a derived one). */
export interface KeyInput extends RecordIds {
  abstractText: string;
  title: string | null;
  journal: string | null;
  year: string | null;
  firstAuthor: string | null;
  /** The record's place in the sources: the key of last resort. */
  file: string;
  record: number;
}

/**
 * The dedupe key of a source record and what it rests on: a DOI, PMID or PMCID; else the hash of
 * the abstract; else, for a record with only a title, the hash of title + journal + year + first
 * author's family name (all four needed, so "Erratum" in two journals stays two records); else the
 * hash of its position (source file and record number), so a record with nothing to recognise it
 * by is never merged with another one.
 */
export async function recordKey(input: KeyInput): Promise<{ key: string; basis: KeyBasis }> {
  if (input.doi || input.pmid || input.pmcid) return { key: await dedupeKey(input, ''), basis: 'identifier' };
  if (input.abstractText.trim()) return { key: await dedupeKey(input, input.abstractText), basis: 'abstract' };
  const title = input.title ? normaliseText(input.title) : '';
  const journal = input.journal ? normaliseText(input.journal) : '';
  const author = input.firstAuthor ? familyName(input.firstAuthor) : '';
  if (title && journal && input.year && author) {
    return { key: `hash:${(await sha256Hex(['title', title, journal, input.year, author].join('\u0000'))).slice(0, 16)}`, basis: 'title' };
  }
  return { key: `hash:${(await sha256Hex(['record', input.file, String(input.record)].join('\u0000'))).slice(0, 16)}`, basis: 'position' };
}

/** The normalised family name of an author written "Family, Given", "Family G" (MEDLINE AU) or "Family". */
export function familyName(author: string): string {
  const comma = author.indexOf(',');
  if (comma >= 0) return normaliseText(author.slice(0, comma));
  const words = author.trim().split(/\s+/);
  if (words.length > 1 && /^[A-Z]{1,3}$/.test(words.at(-1)!)) words.pop();
  return normaliseText(words.join(' '));
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

/** Longest slug slugFor makes (uniqueSlug may add "-2", …): far below any file system's name limit. */
export const MAX_SLUG = 80;

/** An 8-hex FNV-1a hash of a string: short, stable slug suffixes (not for security). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A slug such as `2024-deep-learning-echocardiography-predict-cmr`: year plus up to six content
 * words of the title, transliterated (Cyrillic, Greek, Latin diacritics). At most MAX_SLUG
 * characters: a longer one is cut at a word boundary and ends in the short hash of `id`. A title
 * mostly in another script (CJK, Arabic, …) or without words gets `<year>-<latin words>-<hash of id>`
 * or `<year>-record-<hash of id>`, so the slug stays stable and distinct. `id` is the record's key
 * (defaults to the title).
 */
export function slugFor(year: string | null, title: string, id: string = title): string {
  // The slug needs the first words only: a damaged export's megabyte title is not read whole.
  const start = title.slice(0, 1000);
  const words = transliterate(start)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOP.has(w));
  const head = year ?? 'undated';
  const suffix = shortHash(id);
  if (words.length === 0) return `${head}-record-${suffix}`;
  if (asciiShare(start) < 0.5) return capSlug([head, ...words.slice(0, 3)], suffix, true);
  return capSlug([head, ...words.slice(0, 6)], suffix, false);
}

/** Join slug parts; when longer than MAX_SLUG (or `always`), keep whole parts up to the cap and end with the hash. */
function capSlug(parts: string[], suffix: string, always: boolean): string {
  const full = parts.join('-');
  if (!always && full.length <= MAX_SLUG) return full;
  const room = MAX_SLUG - suffix.length - 1;
  const kept: string[] = [];
  let length = 0;
  for (const part of parts) {
    const add = (kept.length > 0 ? 1 : 0) + part.length;
    if (length + add > room) {
      // A single part longer than the room (a 300-character "word") is cut, not dropped.
      if (kept.length <= 1) kept.push(part.slice(0, room - length - (kept.length > 0 ? 1 : 0)));
      break;
    }
    kept.push(part);
    length += add;
  }
  return [...kept.filter(Boolean), suffix].join('-');
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
