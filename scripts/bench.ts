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

async function main(): Promise<void> {
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
  const seed = Number(values.seed);
  const started = Date.now();
  const deadline = started + Number(values.minutes) * 60_000;
  const browserParts = parts.includes('browser') || parts.includes('search');
  // Time kept for the browser side after the builds (measured on 2 cores: ~4 min at 1,000 studies with the
  // 100,000-estimate table, ~7.5 min more at 10,000 studies, whose /explore/ page is 60 MB).
  const reserveMin = browserParts ? Math.max(4, 2 + 0.55 * studies.reduce((n, k) => n + k, 0) / 1000) : 0;
  const buildDeadline = deadline - reserveMin * 60_000;

  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.versions.node, loadStart: loadavg(), loadEnd: [] },
    options: { studies, parts, seed, keep: values.keep!, variant },
    sizes: [],
    sites: [],
    dta: [],
    budgets: [],
    methods: METHODS,
  };
  const work = await mkdtemp(join(tmpdir(), 'living-review-bench-'));
  log(`working in ${work}${values.keep ? ' (kept)' : ''}; deadline ${new Date(deadline).toISOString().slice(11, 19)}`);
  const review = await readReview(PROJECT_ROOT);
  const combos = workingCombos(review.outcomes);
  const built: { studies: number; estimates: number; site: string; database: string }[] = [];
  try {
    const builds = parts.some((p) => p !== 'dta');
    for (const n of builds ? studies : []) {
      log(`${n} studies: build side`);
      const { result, site, data } = await benchSize({ studies: n, seed, review, combos, workDir: work, deadline: buildDeadline, variant, rebuild: n <= Number(values['rebuild-max']), log });
      results.sizes.push(result);
      if (site) built.push({ studies: n, estimates: result.estimates, site, database: join(data, 'review.duckdb') });
      if (!site && browserParts) log(`${n} studies: not built, so no browser measurements at this size`);
    }
    if (browserParts && built.length) {
      const browser = await launchChromium();
      try {
        const late = (label: string, n: number) => {
          if (Date.now() < deadline) return false;
          log(`${label}: browser side skipped, past the run's deadline (--minutes ${values.minutes})`);
          results.sites.push({ label, studies: n, estimates: 0, bytes: [], first: null, later: null, search: [], skipped: [`not measured: past the run's deadline (--minutes ${values.minutes})`] });
          return true;
        };
        for (const b of built) {
          if (late(`${b.studies.toLocaleString('en-US')} studies`, b.studies)) continue;
          log(`${b.studies} studies: browser side`);
          results.sites.push(
            await benchSite(browser, {
              label: `${b.studies.toLocaleString('en-US')} studies`,
              root: b.site,
              studies: b.studies,
              estimates: b.estimates,
              database: b.database,
              bytes: parts.includes('browser'),
              explore: parts.includes('browser'),
              search: parts.includes('search'),
              runs: Number(values.runs),
              terms: ['mesiobuccal', 'echocardiography'],
              log,
            }),
          );
        }
        if (parts.includes('browser') && !late(`${Number(values.estimates).toLocaleString('en-US')}-estimates table`, 0)) {
          const largest = built[built.length - 1]!;
          const n = Number(values.estimates);
          log(`${n} estimates table: writing review.duckdb and serving the ${largest.studies}-study site with it`);
          const tableDir = join(work, `table-${n}`);
          const counts = await writeSyntheticDatabase(tableDir, n, review.outcomes, seed);
          log(`  ${counts.estimates} estimates, ${counts.studies} studies, ${counts.tables} 2×2 tables`);
          const overlay = join(work, `site-${largest.studies}-with-table-${n}`);
          await overlaySite(largest.site, overlay, join(tableDir, 'review.duckdb'));
          results.sites.push(
            await benchSite(browser, {
              label: `${counts.estimates.toLocaleString('en-US')}-estimates table (${counts.studies.toLocaleString('en-US')} studies)`,
              root: overlay,
              studies: counts.studies,
              estimates: counts.estimates,
              database: join(tableDir, 'review.duckdb'),
              bytes: false,
              explore: true,
              search: false,
              runs: Math.min(3, Number(values.runs)),
              terms: [],
              log,
            }),
          );
        }
      } finally {
        await browser.close();
      }
    }
    if (parts.includes('dta')) {
      const sizes = values.tables!.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
      log(`DTA re-pool at ${sizes.join(', ')} tables (${DTA_RUNS} runs each): Chromium, then Node`);
      const browser = await launchChromium();
      try {
        results.dta!.push(...(await dtaRepoolBrowser(browser, sizes, DTA_RUNS, seed)));
      } finally {
        await browser.close();
      }
      results.dta!.push(...dtaRepoolNode(sizes, DTA_RUNS, seed));
    }
  } finally {
    results.finishedAt = new Date().toISOString();
    results.machine.loadEnd = loadavg();
    results.budgets = evaluateBudgets(results);
    await mkdir(join(values.out!, '..'), { recursive: true });
    await writeFile(values.out!, `${JSON.stringify(results, null, 2)}\n`);
    console.log(renderReport(results));
    console.log(`\nMethods:\n${METHODS.map((m) => `  - ${m}`).join('\n')}\nResults written to ${values.out}; total ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
    if (values.keep) console.log(`Kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
