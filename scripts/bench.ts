/**
 * npm run bench [-- --studies 1000,10000 --parts build,browser,search,dta --keep --minutes 30 --variant no-png --rebuild-max 1000 --tables 100,1000]
 * Performance benchmark on synthetic corpora (never content/): build side (ingest, npm run build
 * and its steps: check, data, astro build, PNGs, Pagefind; a bare Astro baseline), browser side (bytes before interaction,
 * Explore's first filter vs a DuckDB-WASM floor, later filter changes also on a 100,000-estimate
 * table, Pagefind's first query), and the bivariate re-pooling alone at --tables 2×2 tables (part
 * dta, no build needed). Prints a table with budgets and writes bench/results.json.
 * Not a test: it never runs in npm test and budgets never fail it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResults } from './bench/lib/types.ts';
import { evaluateBudgets } from './bench/lib/budgets.ts';
import { renderReport } from './bench/lib/table.ts';
import { workingCombos } from './bench/lib/synthetic/probe.ts';
import { readReview } from './lib/content-fs.ts';
import { launchChromium } from './lib/browser.ts';
import type { Browser } from 'playwright-core';
import { benchSize, VARIANTS } from './bench/build.ts';
import { benchSite } from './bench/sites.ts';
import { overlaySite, writeSyntheticDatabase } from './bench/big-table.ts';
import { PROJECT_ROOT } from './bench/synthetic.ts';
import { dtaRepoolBrowser, dtaRepoolNode } from './bench/dta-repool.ts';

const PARTS = ['build', 'browser', 'search', 'dta'] as const;
/** Timed runs per size of the DTA re-pool part. */
const DTA_RUNS = 20;

/** How the numbers are taken (printed with the results and kept in results.json). */
export const METHODS = [
  'Wall time: performance.now() around each child process. CPU: user+sys from getrusage (/usr/bin/time).',
  'Memory: the process tree of each command (every descendant, found through /proc/*/stat parent ids) is sampled every 100 ms; "tree peak" is the highest sum of their resident sets (RSS); "largest" is the exact peak RSS of the biggest single process (getrusage ru_maxrss via /usr/bin/time -f %M).',
  'npm run build steps (PNG warm-up, check, data, astro build, png, search) are the lifetimes of their processes (/proc/<pid>/stat starttime to the last sample that saw them); the PNG warm-up overlaps check, data and astro build. Astro\'s per-file times come from its build log.',
  'Bytes: the bench server logs every request (page, workers, ranges); "transferred" is the bodies as sent uncompressed; gzip (level 6) and brotli (quality 11) compress the same files as a static host would; range responses count as sent.',
  'Each browser measurement uses a fresh Chromium context (empty cache). First filter: explore:first-interaction → explore:results-drawn; floor: import of the DuckDB-WASM bundle → instantiate → attach review.duckdb over HTTP → the same prepared queries, rows read; runs alternate.',
  'Later changes: explore:query-start → explore:results-drawn per change, and → the frame after the redraw (MutationObserver + requestAnimationFrame + setTimeout); DuckDB alone on the floor page, JS (re-pool + render; of it the bivariate re-pooling of the matching 2×2 tables) alone in Node on the same rows.',
  `DTA re-pool: synthesizeDta (poolDta + regions + SROC curve) and renderDta (summary + SROC SVG) on n synthetic 2×2 tables of one outcome, ${DTA_RUNS} timed runs after 3 warm-ups, in Chromium (bundled with esbuild; "drawn" adds innerHTML and a forced layout) and in Node.`,
];

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** The command line, parsed and checked. */
interface BenchArgs {
  studies: number[];
  parts: string[];
  variant: string | null;
  seed: number;
  keep: boolean;
  /** --minutes as given (it is quoted in messages). */
  minutes: string;
  rebuildMax: number;
  tables: string;
  runs: number;
  estimates: number;
  out: string;
}

/** Parses and checks the command line; throws a usage message for no sizes, an unknown part or an unknown variant. */
function readArgs(): BenchArgs {
  const { values } = parseArgs({
    options: {
      studies: { type: 'string', default: '1000,10000' },
      parts: { type: 'string', default: PARTS.join(',') },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      minutes: { type: 'string', default: '30' },
      variant: { type: 'string' },
      'rebuild-max': { type: 'string', default: '1000' },
      tables: { type: 'string', default: '100,1000' },
      runs: { type: 'string', default: '5' },
      estimates: { type: 'string', default: '100000' },
      out: { type: 'string', default: join(PROJECT_ROOT, 'bench', 'results.json') },
    },
  });
  const studies = values.studies!.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const parts = values.parts!.split(',').map((s) => s.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (studies.length === 0 || unknown.length) throw new Error(`usage: --studies 1000,10000 --parts ${PARTS.join(',')}${unknown.length ? ` (unknown part ${unknown.join(', ')})` : ''}`);
  const variant = values.variant ?? null;
  const unknownVariant = variant?.split(',').find((v) => !VARIANTS[v]);
  if (unknownVariant) throw new Error(`unknown --variant ${unknownVariant}; known: ${Object.keys(VARIANTS).join(', ')}`);
  return {
    studies,
    parts,
    variant,
    seed: Number(values.seed),
    keep: values.keep!,
    minutes: values.minutes!,
    rebuildMax: Number(values['rebuild-max']),
    tables: values.tables!,
    runs: Number(values.runs),
    estimates: Number(values.estimates),
    out: values.out!,
  };
}

/** A site built for the browser side: its size, folder and database. */
interface BuiltSite {
  studies: number;
  estimates: number;
  site: string;
  database: string;
}

/** What every part needs: the arguments, the results being filled in, the working folder and the deadlines. */
interface BenchRun {
  args: BenchArgs;
  results: BenchResults;
  work: string;
  deadline: number;
  buildDeadline: number;
  review: Awaited<ReturnType<typeof readReview>>;
  combos: ReturnType<typeof workingCombos>;
}

/** The build side at every size (when a part other than dta is asked for); returns the sites built. */
async function buildSide(run: BenchRun, browserParts: boolean): Promise<BuiltSite[]> {
  const { args, results, review, combos } = run;
  const built: BuiltSite[] = [];
  const builds = args.parts.some((p) => p !== 'dta');
  for (const n of builds ? args.studies : []) {
    log(`${n} studies: build side`);
    const { result, site, data } = await benchSize({ studies: n, seed: args.seed, review, combos, workDir: run.work, deadline: run.buildDeadline, variant: args.variant, rebuild: n <= args.rebuildMax, log });
    results.sizes.push(result);
    if (site) built.push({ studies: n, estimates: result.estimates, site, database: join(data, 'review.duckdb') });
    if (!site && browserParts) log(`${n} studies: not built, so no browser measurements at this size`);
  }
  return built;
}

/** True (and a skipped entry in the results) when the run is past its deadline before measuring `label`. */
function pastDeadline(run: BenchRun, label: string, n: number): boolean {
  if (Date.now() < run.deadline) return false;
  log(`${label}: browser side skipped, past the run's deadline (--minutes ${run.args.minutes})`);
  run.results.sites.push({ label, studies: n, estimates: 0, bytes: [], first: null, later: null, search: [], skipped: [`not measured: past the run's deadline (--minutes ${run.args.minutes})`] });
  return true;
}

/** Bytes, Explore and search on each built site. */
async function measureSites(run: BenchRun, browser: Browser, built: readonly BuiltSite[]): Promise<void> {
  const { parts } = run.args;
  for (const b of built) {
    if (pastDeadline(run, `${b.studies.toLocaleString('en-US')} studies`, b.studies)) continue;
    log(`${b.studies} studies: browser side`);
    run.results.sites.push(
      await benchSite(browser, {
        label: `${b.studies.toLocaleString('en-US')} studies`,
        root: b.site,
        studies: b.studies,
        estimates: b.estimates,
        database: b.database,
        bytes: parts.includes('browser'),
        explore: parts.includes('browser'),
        search: parts.includes('search'),
        runs: run.args.runs,
        terms: ['mesiobuccal', 'echocardiography'],
        log,
      }),
    );
  }
}

/** Explore on the largest built site served with a synthetic table of --estimates estimates. */
async function measureBigTable(run: BenchRun, browser: Browser, largest: BuiltSite): Promise<void> {
  const { args } = run;
  const n = args.estimates;
  log(`${n} estimates table: writing review.duckdb and serving the ${largest.studies}-study site with it`);
  const tableDir = join(run.work, `table-${n}`);
  const counts = await writeSyntheticDatabase(tableDir, n, run.review.outcomes, args.seed);
  log(`  ${counts.estimates} estimates, ${counts.studies} studies, ${counts.tables} 2×2 tables`);
  const overlay = join(run.work, `site-${largest.studies}-with-table-${n}`);
  await overlaySite(largest.site, overlay, join(tableDir, 'review.duckdb'));
  run.results.sites.push(
    await benchSite(browser, {
      label: `${counts.estimates.toLocaleString('en-US')}-estimates table (${counts.studies.toLocaleString('en-US')} studies)`,
      root: overlay,
      studies: counts.studies,
      estimates: counts.estimates,
      database: join(tableDir, 'review.duckdb'),
      bytes: false,
      explore: true,
      search: false,
      runs: Math.min(3, args.runs),
      terms: [],
      log,
    }),
  );
}

/** The browser side: every built site, then (part browser) the big table on the largest. */
async function browserSide(run: BenchRun, built: readonly BuiltSite[]): Promise<void> {
  const browser = await launchChromium();
  try {
    await measureSites(run, browser, built);
    if (run.args.parts.includes('browser') && !pastDeadline(run, `${run.args.estimates.toLocaleString('en-US')}-estimates table`, 0)) {
      await measureBigTable(run, browser, built[built.length - 1]!);
    }
  } finally {
    await browser.close();
  }
}

/** The DTA re-pool at each --tables size: Chromium, then Node. */
async function dtaSide(run: BenchRun): Promise<void> {
  const sizes = run.args.tables.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  log(`DTA re-pool at ${sizes.join(', ')} tables (${DTA_RUNS} runs each): Chromium, then Node`);
  const browser = await launchChromium();
  try {
    run.results.dta!.push(...(await dtaRepoolBrowser(browser, sizes, DTA_RUNS, run.args.seed)));
  } finally {
    await browser.close();
  }
  run.results.dta!.push(...dtaRepoolNode(sizes, DTA_RUNS, run.args.seed));
}

/** Budgets, results.json, the printed report; the working folder removed unless --keep. */
async function finish(run: BenchRun, started: number): Promise<void> {
  const { args, results } = run;
  results.finishedAt = new Date().toISOString();
  results.machine.loadEnd = loadavg();
  results.budgets = evaluateBudgets(results);
  await mkdir(join(args.out, '..'), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderReport(results));
  console.log(`\nMethods:\n${METHODS.map((m) => `  - ${m}`).join('\n')}\nResults written to ${args.out}; total ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  if (args.keep) console.log(`Kept ${run.work}`);
  else await rm(run.work, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const args = readArgs();
  const { studies, parts, seed, keep, variant } = args;
  const started = Date.now();
  const deadline = started + Number(args.minutes) * 60_000;
  const browserParts = parts.includes('browser') || parts.includes('search');
  // Time kept for the browser side after the builds (measured on 2 cores: ~4 min at 1,000 studies with the
  // 100,000-estimate table, ~7.5 min more at 10,000 studies, whose /explore/ page is 60 MB).
  const reserveMin = browserParts ? Math.max(4, 2 + 0.55 * studies.reduce((n, k) => n + k, 0) / 1000) : 0;
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.versions.node, loadStart: loadavg(), loadEnd: [] },
    options: { studies, parts, seed, keep, variant },
    sizes: [],
    sites: [],
    dta: [],
    budgets: [],
    methods: METHODS,
  };
  const work = await mkdtemp(join(tmpdir(), 'living-review-bench-'));
  log(`working in ${work}${keep ? ' (kept)' : ''}; deadline ${new Date(deadline).toISOString().slice(11, 19)}`);
  const review = await readReview(PROJECT_ROOT);
  const combos = workingCombos(review.outcomes);
  const run: BenchRun = { args, results, work, deadline, buildDeadline: deadline - reserveMin * 60_000, review, combos };
  try {
    const built = await buildSide(run, browserParts);
    if (browserParts && built.length) await browserSide(run, built);
    if (parts.includes('dta')) await dtaSide(run);
  } finally {
    await finish(run, started);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
