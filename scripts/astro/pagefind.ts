/**
 * Astro integration: builds the Pagefind search index into <outDir>/pagefind at the end of
 * every build (astro:build:done), with Pagefind's Node API, so `npm run build` and the test
 * build both ship search. Only pages carrying `data-pagefind-body` (the study pages) are
 * indexed: Pagefind skips every other page once one page uses that attribute.
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

/** Elements left out of the index: plot drawings and the plots' duplicate value tables. */
export const PAGEFIND_EXCLUDE = ['svg', '.forest-table', '.forest-skipped'];

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
    const added = await index.addDirectory({ path: siteDir });
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

/** The integration: runs buildSearchIndex on the build output. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = await buildSearchIndex(siteDir);
        logger.info(`indexed ${pages} pages into ${join(siteDir, 'pagefind')}`);
      },
    },
  };
}
