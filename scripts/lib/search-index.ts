/**
 * The Pagefind search index of a built site, with Pagefind's Node API (scripts/build-search.ts
 * runs it after astro build). Only the study pages are read (STUDY_PAGES) and, in them, only
 * what carries `data-pagefind-body`: the title, authors, abstract and notes (not the citation
 * formats, facts, estimates, 2×2 tables or figure blocks: at 1,000 studies that halved the index
 * chunks and the fragments a result loads).
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

/** Elements left out of the index: plot drawings and the plots' duplicate value tables. */
export const PAGEFIND_EXCLUDE = ['svg', '.forest-table', '.forest-skipped'];

/** The pages searched: study pages only (at 1,000 studies the site has 4,696 HTML files; reading the others cost time and memory for nothing). */
export const STUDY_PAGES = 'studies/*/index.html';

/** Pages in a written bundle (addDirectory counts every HTML file it read, indexed or not). */
export async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Index the HTML files in `siteDir` and write the bundle to `siteDir/pagefind`; returns the number of pages indexed. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: PAGEFIND_EXCLUDE });
  if (!index) throw new Error(`pagefind: could not create the index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: STUDY_PAGES });
    if (added.errors.length) throw new Error(`pagefind: indexing ${siteDir} failed: ${added.errors.join('; ')}`);
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: writing the bundle failed: ${written.errors.join('; ')}`);
    const pages = await indexedPages(outputPath);
    if (pages === 0) throw new Error(`pagefind: no page in ${siteDir} was indexed`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
