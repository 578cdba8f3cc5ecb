/** Build-time citations: each study's CSL item, citation files and formatted references (memoised per build). */
import { cslItem, reviewCslItem } from '../lib/cite/csl.ts';
import { formatReference, toBibtex, toCslJson, toRis } from '../lib/cite/format.ts';
import { review } from './load.ts';
import { readManifest } from './manifest-fs.ts';
import pkg from '../../package.json';
import type { StudyRecord } from '../lib/data/tables.ts';

/** A study's citation in every form the site offers. */
export interface StudyCitation {
  bibtex: string;
  ris: string;
  csl: string;
  apa: string;
  vancouver: string;
  derivedTitle: boolean;
}

const cache = new Map<string, StudyCitation>();

/** The citation of one study page. */
export function studyCitation({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): StudyCitation {
  let c = cache.get(slug);
  if (!c) {
    const item = cslItem(slug, study);
    c = { bibtex: toBibtex(item), ris: toRis(item), csl: toCslJson(item), apa: formatReference(item, 'apa'), vancouver: formatReference(item, 'vancouver'), derivedTitle: study.title_source === 'derived' };
    cache.set(slug, c);
  }
  return c;
}

/** The project version (package.json). */
export const siteVersion: string = pkg.version;

/** How to cite the review itself: version (package + data), date, formatted reference and BibTeX. */
export function reviewCitation(date: string | null, url?: string) {
  const dataVersion = readManifest().version;
  const version = `${siteVersion} (data ${dataVersion})`;
  const item = reviewCslItem({ title: review.title, authors: review.authors, version, date, url });
  return { version: siteVersion, dataVersion, date, apa: formatReference(item, 'apa'), bibtex: toBibtex(item) };
}
