/** The shape of bench/results.json: what `npm run bench` measured (pure types, no code). */
import type { RouteCost } from './routes.ts';
import type { DtaTimes } from './dta-time.ts';

/** A measured child process (see scripts/bench/measure.ts). */
export interface CommandCost {
  wallMs: number;
  exitCode: number;
  /** True when the command was killed for running past its time limit. */
  timedOut: boolean;
  /** Highest sampled sum of the RSS of every process in the tree. */
  treePeakBytes: number;
  /** Exact peak RSS of the largest single process (getrusage via /usr/bin/time), or null. */
  maxProcessBytes: number | null;
  /** User + system CPU seconds of the tree (getrusage), or null. */
  cpuSeconds: number | null;
  /** Steps told apart by their processes: each one's window and the tree's peak RSS in it. */
  steps: { name: string; startMs: number; endMs: number; peakBytes: number }[];
}

/** Build-side results for one corpus size. */
export interface SizeResult {
  studies: number;
  estimates: number;
  /** Estimates ingest was meant to read / did read. */
  estimatesIntended: number;
  sourceBytes: number;
  ingest: CommandCost | null;
  /** `npm run build` (check, data, astro build, PNGs, Pagefind), steps from the process tree. */
  build: CommandCost | null;
  /** `npm run build` again after one study page changed, caches kept (the PNG cache warm): a living review's usual update. */
  rebuild: CommandCost | null;
  /** Astro's logged time per kind of output in our build, and in the bare baseline's (routes.ts). */
  routes: RouteCost[] | null;
  bareRoutes: RouteCost[] | null;
  /** `astro build` of the bare baseline with as many trivial MDX pages. */
  bare: CommandCost | null;
  htmlPages: number | null;
  files: number | null;
  distBytes: number | null;
  /** distBytes without DuckDB-WASM's module (the per-study budget leaves it out); absent in older results. */
  nonWasmBytes?: number | null;
  /** The largest file of the built site (static hosts limit single files); absent in older results. */
  largestFile?: { path: string; bytes: number } | null;
  /** The build was a what-if variant of the site (named), not the real one. */
  variant: string | null;
  notes: string[];
}

/** Bytes a page loads before any interaction. */
export interface PageBytes {
  page: string;
  path: string;
  requests: number;
  /** Bodies as the bench server sent them (uncompressed), from its request log (worker requests included). */
  transferred: number;
  /** Bodies gzip-compressed (level 6), as a static host sends them. */
  gzip: number;
  /** Bodies brotli-compressed (quality 11), as precompressed static files. */
  brotli: number;
  /** Requests for DuckDB or Pagefind files made before any interaction (must be none). */
  forbidden: string[];
}

/** First filter interaction on /explore/ against the DuckDB-WASM floor. */
export interface FirstFilter {
  state: string;
  realMs: number[];
  floorMs: number[];
  /** Bytes loaded after the interaction (engine, worker, wasm, database ranges). */
  afterBytes: number | null;
  /** Of them, review.duckdb: body bytes read (ranges summed, median over runs), range requests (median), whole-file reads (most in a run); absent in older results. */
  databaseBytes?: number | null;
  databaseRanges?: number | null;
  databaseFullReads?: number;
  /** The size of the review.duckdb served; absent in older results. */
  databaseSize?: number | null;
}

/** Where one later change's time went on the page (its performance marks): the match statement, assembly + re-pool, the redraw (ms). */
export interface LaterPhase {
  queryMs: number;
  poolMs: number;
  drawMs: number;
}

/** Later filter changes once the engine runs. */
export interface LaterFilters {
  /** explore:query-start → explore:results-drawn, per change (ms). */
  drawnMs: number[];
  /** explore:query-start → the frame after the redraw was painted, per change (ms). */
  paintMs: number[];
  /** Rows each change drew (estimates). */
  rows: number[];
  /** Changes that return to a state drawn earlier in the same sequence (the page keeps what did not change; absent in older results). */
  revisits?: number;
  /** Per change, where its time went on the page (absent in older results, and for a page without the marks). */
  phases?: LaterPhase[];
  /** Per change, the same state's statements on the bare DuckDB-WASM floor page, run right after it (ms; absent in older results). */
  floorMs?: number[];
  /** Medians over the same changes: DuckDB queries alone (floor page) and re-pool + render in JS (Node). */
  queryMs: number | null;
  jsMs: number | null;
  /** Median size of the results HTML the changes drew (characters). */
  htmlChars: number | null;
  /** Of jsMs: the bivariate re-pooling (synthesizeDta), median over the same changes, and the 2×2 tables it re-pooled (median, max). */
  dtaMs?: number | null;
  dtaTables?: { median: number | null; max: number };
}

/** The bivariate re-pooling timed alone at a fixed number of tables, in one engine (scripts/bench/dta-repool.ts). */
export interface DtaRepool extends DtaTimes {
  engine: 'chromium' | 'node';
}

/** A first Pagefind query. */
export interface SearchResult {
  term: string;
  /** Header box: focus and type, until the first results show (ms; the box's 150 ms debounce runs while Pagefind loads). */
  boxMs: number | null;
  boxBytes: number | null;
  total: number | null;
  /** Pagefind's API alone in a blank page of the site: import, init, search, first 5 results' data. */
  apiMs: number | null;
  apiBytes: number | null;
  /** Where the API's time went: module import, options + init, search, the first 5 results' data (ms); then a second query (search + 5 results) in the warm engine. */
  apiPhases: { importMs: number; initMs: number; searchMs: number; dataMs: number; warmMs?: number } | null;
  /** Fastest and slowest of the cold starts whose median is apiMs. */
  apiRange?: [number, number] | null;
  /** The same API measurement on a bare Pagefind index of the same study pages (default settings, no data-pagefind-* attributes): the baseline. */
  bare?: { apiMs: number; apiBytes: number; apiPhases: SearchResult['apiPhases']; apiRange: [number, number] } | null;
  /** The search page (/search/?q=…), which loads every hit's data (ms, bytes), capped. */
  pageMs: number | null;
  pageBytes: number | null;
  pageRequests: number | null;
}

/** Browser results for one served site. */
export interface SiteResult {
  label: string;
  studies: number;
  estimates: number;
  bytes: PageBytes[];
  first: FirstFilter | null;
  later: LaterFilters | null;
  search: SearchResult[];
  skipped: string[];
}

/** One budget's verdict. */
export interface BudgetResult {
  name: string;
  limit: string;
  actual: string;
  verdict: 'PASS' | 'FAIL' | 'SKIP';
  note: string;
}

/** Everything one run measured. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string; loadStart: number[]; loadEnd: number[] };
  options: { studies: number[]; parts: string[]; seed: number; keep: boolean; variant: string | null };
  sizes: SizeResult[];
  sites: SiteResult[];
  /** The bivariate re-pooling alone (part "dta"); absent in results written before it existed. */
  dta?: DtaRepool[];
  budgets: BudgetResult[];
  methods: string[];
}
