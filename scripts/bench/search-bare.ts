/**
 * The Pagefind baseline: a bare index of the same study pages, with Pagefind's default settings
 * and none of the site's tuning. The pages are copied with every `data-pagefind-*` attribute
 * removed (so no body selection, ignores, filters or metadata of ours reach it) and indexed by
 * `createIndex()` with no options; the bundle is written under the served root at BARE_DIR.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { indexedPages, STUDY_PAGES } from '../lib/search-index.ts';

/** Folder (under the served root) holding the bare bundle's `pagefind/` directory. */
export const BARE_DIR = '__bench_bare';

/** The page without any `data-pagefind-*` attribute (valued or bare). */
export function stripPagefindAttributes(html: string): string {
  return html.replace(/\s+data-pagefind-[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/gi, '');
}

/** Build the bare bundle of `root`'s study pages into root/BARE_DIR/pagefind; returns the pages indexed and the indexing time. */
export async function writeBarePagefind(root: string): Promise<{ pages: number; ms: number }> {
  const copy = await mkdtemp(join(tmpdir(), 'bare-pagefind-'));
  try {
    const studies = join(root, 'studies');
    for (const slug of await readdir(studies)) {
      let html: string;
      try {
        html = await readFile(join(studies, slug, 'index.html'), 'utf8');
      } catch {
        continue;
      }
      await mkdir(join(copy, 'studies', slug), { recursive: true });
      await writeFile(join(copy, 'studies', slug, 'index.html'), stripPagefindAttributes(html));
    }
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`pagefind (bare): could not create the index: ${errors.join('; ')}`);
    try {
      const added = await index.addDirectory({ path: copy, glob: STUDY_PAGES });
      if (added.errors.length) throw new Error(`pagefind (bare): ${added.errors.join('; ')}`);
      const outputPath = join(root, BARE_DIR, 'pagefind');
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`pagefind (bare): ${written.errors.join('; ')}`);
      return { pages: await indexedPages(outputPath), ms: performance.now() - started };
    } finally {
      await pagefind.close();
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
