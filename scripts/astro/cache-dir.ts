/**
 * Astro's cache folder (content data store, incremental-build manifest and copies), relative to
 * the project root. In the project's own .cache/ rather than node_modules/.astro: project copies
 * (tests, benchmark) link node_modules, and must not share, or race on, one cache.
 */
export const ASTRO_CACHE_DIR = '.cache/astro';
