/**
 * A study page's bibliographic record as CSL-JSON (the citation-js input), built from the
 * validated frontmatter only. Derived working titles are marked in the item's `note`, so every
 * export (BibTeX, RIS, CSL-JSON) carries the warning with the title.
 */
import type { Study } from '../schema/index.ts';

/** A CSL name: family and given parts, or a literal for a one-word or organisational name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** The CSL-JSON fields this site writes. */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'dataset';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  version?: string;
  publisher?: string;
  genre?: string;
  note?: string;
}

/** The note that marks a working title made by ingest (exported with the title in every format). */
export const DERIVED_TITLE_NOTE = 'Working title derived from the abstract by the review\'s ingest: the source record gives no title.';

const PREPRINT_SERVERS = /^(medrxiv|biorxiv|arxiv|research square|ssrn|preprints(\.org)?|chemrxiv|psyarxiv|osf preprints)$/i;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'le', 'la', 'dos', 'das', 'ter', 'ten']);

/** Split a personal name as written ("Daniel S. Berman", "AS Razavian", "Berman, Daniel S.") into CSL parts. */
export function parseName(written: string): CslName {
  const name = written.trim().replace(/\s+/g, ' ');
  if (name.includes(',')) {
    const [family, ...rest] = name.split(',');
    return { family: family!.trim(), given: expandInitials(rest.join(',').trim()) };
  }
  const tokens = name.split(' ');
  if (tokens.length === 1) return { literal: name };
  let i = tokens.length - 1;
  while (i > 1 && PARTICLES.has(tokens[i - 1]!.toLowerCase())) i--;
  return { family: tokens.slice(i).join(' '), given: expandInitials(tokens.slice(0, i).join(' ')) };
}

/** "AS" (Vancouver initials) → "A. S."; a single capital "A" → "A."; anything else unchanged. */
function expandInitials(given: string): string {
  return /^\p{Lu}{1,3}$/u.test(given) ? [...given].map((c) => `${c}.`).join(' ') : given;
}

/** "2024-04-16" → [[2024, 4, 16]]. */
function dateParts(date: string): number[][] {
  return [date.split('-').map(Number)];
}

/** True when the journal named is a preprint server (CSL type "article", i.e. a preprint). */
export function isPreprint(study: Pick<Study, 'journal'>): boolean {
  return study.journal !== null && PREPRINT_SERVERS.test(study.journal.trim());
}

/** The CSL-JSON item of one study page. */
export function cslItem(slug: string, study: Study): CslItem {
  const notes: string[] = [];
  if (study.title_source === 'derived') notes.push(DERIVED_TITLE_NOTE);
  if (study.version_of_record) notes.push(`Preprint; version of record: doi:${study.version_of_record.doi} (${study.version_of_record.title}).`);
  const item: CslItem = { id: slug, type: isPreprint(study) ? 'article' : 'article-journal', title: study.title };
  if (study.authors.length > 0) item.author = study.authors.map(parseName);
  // A preprint server is the publisher, not a container ("[Preprint]. medRxiv." in APA).
  if (study.journal && item.type === 'article') Object.assign(item, { genre: 'Preprint', publisher: study.journal });
  else if (study.journal) item['container-title'] = study.journal;
  if (study.published) item.issued = { 'date-parts': dateParts(study.published) };
  if (study.doi) item.DOI = study.doi; // styles print it as https://doi.org/…; a URL too would print twice
  if (study.pmid) item.PMID = study.pmid;
  if (study.pmcid) item.PMCID = study.pmcid;
  if (notes.length > 0) item.note = notes.join(' ');
  return item;
}

/** The CSL-JSON item of the review itself (a versioned dataset). */
export function reviewCslItem(input: { title: string; authors: readonly string[]; version: string; date: string | null; url?: string }): CslItem {
  const item: CslItem = { id: 'living-review', type: 'dataset', title: input.title, version: input.version };
  item.author = input.authors.map((a) => ({ literal: a }));
  if (input.date) item.issued = { 'date-parts': dateParts(input.date) };
  if (input.url) item.URL = input.url;
  return item;
}
