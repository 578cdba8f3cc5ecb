/**
 * node scripts/bench/pagefind-alone.ts <siteDir>
 * Index a built site with Pagefind alone (the same call the build's integration makes), so the
 * benchmark can time it apart from astro build. Writes <siteDir>/pagefind again.
 */
import { buildSearchIndex } from '../astro/pagefind.ts';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/bench/pagefind-alone.ts <siteDir>');
  process.exit(2);
}
const started = performance.now();
const pages = await buildSearchIndex(site);
console.log(`pagefind: indexed ${pages} pages in ${Math.round(performance.now() - started)} ms`);
