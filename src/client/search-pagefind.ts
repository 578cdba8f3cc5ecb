/**
 * Loads the Pagefind bundle that the build writes to <base>pagefind/ (scripts/lib/search-index.ts)
 * on demand, once per page, and runs searches with it. Nothing here runs until a caller asks:
 * the header box calls it on focus, the search page when it opens with a query.
 */
import { base } from '../base-path.ts';
import { PAGEFIND_OPTIONS } from './search-options.ts';

/** Filters as Pagefind takes them: per filter name, the values any of which may match. */
export type SearchFilters = Record<string, string[]>;

/** The fields of a Pagefind result this site shows. */
export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  date: string | null;
  journal: string | null;
}

/** Counts per filter value, as `pagefind.filters()` returns them. */
export type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: unknown }): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<FilterCounts>;
  preload(term: string): Promise<void>;
}

let loading: Promise<PagefindApi> | null = null;

/** Import <base>pagefind/pagefind.js once (later calls share the promise) and point its result URLs at the site base. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: base, ...PAGEFIND_OPTIONS });
    await api.init();
    return api;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Pagefind's filter object: OR within one filter name, AND across names; empty names dropped. */
export function toPagefindFilters(filters: SearchFilters): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, { any: v }]));
}

/** Search the index (a null or blank term with filters lists every page matching them); returns the count and the hits from `offset`, at most `limit` of them loaded (one request each). */
export async function searchStudies(term: string | null, filters: SearchFilters = {}, limit = Infinity, offset = 0): Promise<{ total: number; hits: SearchHit[] }> {
  const api = await loadPagefind();
  const q = term && term.trim() ? term.trim() : null;
  const pf = toPagefindFilters(filters);
  if (q === null && Object.keys(pf).length === 0) return { total: 0, hits: [] };
  const found = await api.search(q, { filters: pf });
  if (!found) return { total: 0, hits: [] };
  const data = await Promise.all(found.results.slice(offset, offset + limit).map((r) => r.data()));
  return {
    total: found.results.length,
    hits: data.map((d) => ({ url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt, date: d.meta.date ?? null, journal: d.filters?.journal?.[0] ?? null })),
  };
}

/** Start fetching the index chunks for a term while the reader is still typing (Pagefind's preload); errors are left to the search itself. */
export function preloadTerm(term: string): void {
  const q = term.trim();
  if (q) void loadPagefind().then((api) => api.preload(q), () => {}).catch(() => {});
}

/** The filter names and values in the index, with their page counts. */
export async function filterCounts(): Promise<FilterCounts> {
  return (await loadPagefind()).filters();
}
