/**
 * node scripts/build-search.ts [-- --out DIR]  (run by npm run build after the PNGs)
 * Builds the Pagefind index of the built site into <out>/pagefind, in its own process after
 * astro build has exited, so the indexer's memory never adds to Astro's.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from './lib/search-index.ts';

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = values.out ?? process.env.SITE_OUT_DIR ?? join(process.cwd(), 'dist');
  const started = performance.now();
  buildSearchIndex(outDir).then(
    (pages) => console.log(`search: indexed ${pages} pages into ${join(outDir, 'pagefind')} in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
