/**
 * The options the site gives Pagefind before it starts (src/client/search-pagefind.ts); the
 * bench's cold-start measurement (scripts/bench/search.ts) passes the same. No DOM, no imports.
 */

/**
 * Run Pagefind in the page instead of its web worker: the worker is a second 42 KB copy of the
 * engine, fetched and started before anything else can happen, while the work it would move off
 * the main thread (one index chunk, a few fragments) is small. Bench, 1,000 studies: see README.
 */
export const PAGEFIND_OPTIONS = { noWorker: true } as const;
