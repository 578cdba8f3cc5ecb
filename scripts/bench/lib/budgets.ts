/**
 * The performance budgets (goals, not tests): each is checked against a run's results and
 * reported PASS, FAIL or SKIP (not measured in this run, with the reason).
 */
import { formatBytes, formatMs, formatRatio, median, quantile, ratio } from './stats.ts';
import type { BenchResults, BudgetResult, DtaRepool, SiteResult, SizeResult } from './types.ts';

const KB = 1024;
const GB = 1024 ** 3;

/** The budgets' limits, in one place. */
export const LIMITS = {
  /** A cold npm run build at `studies` vs bare Astro with as many trivial pages. */
  buildRatio: 4,
  /** npm run build again after one study page changed (caches kept) vs bare Astro, at updateStudies. */
  updateRatio: 1.5,
  updateStudies: 1000,
  buildPeakBytes: 4 * GB,
  firstFilterRatio: 1.3,
  laterMedianMs: 20,
  laterP95Ms: 50,
  studyPageBytes: 60 * KB,
  homePageBytes: 100 * KB,
  searchBytes: 300 * KB,
  searchMs: 150,
  /** Site size: the largest single file Cloudflare Pages accepts (25 MiB), files and non-wasm bytes per study. */
  fileBytes: 25 * 1024 * 1024,
  filesPerStudy: 4,
  siteBytesPerStudy: 60 * KB,
  /** The corpus size the build and search budgets speak of. */
  studies: 10_000,
  /** The table size the later-filter budget speaks of. */
  estimates: 100_000,
  /** The number of 2×2 tables the DTA re-pool budget (the later-filter median) speaks of. */
  dtaTables: 1000,
};

function verdict(ok: boolean | null): BudgetResult['verdict'] {
  return ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL';
}

/** The size the build budgets apply to: the target size, else the largest measured (noted). */
function buildSize(sizes: readonly SizeResult[]): SizeResult | null {
  return sizes.find((s) => s.studies === LIMITS.studies) ?? [...sizes].sort((a, b) => b.studies - a.studies)[0] ?? null;
}

function sizeNote(n: number, want: number, what: string): string {
  return n === want ? '' : `measured at ${n.toLocaleString('en-US')} ${what}, not ${want.toLocaleString('en-US')}; `;
}

/** The real-data site with the most studies (the 100k-estimate table excluded). */
function largestSite(sites: readonly SiteResult[]): SiteResult | null {
  return [...sites].filter((s) => !s.label.includes('estimates table')).sort((a, b) => b.studies - a.studies)[0] ?? null;
}

function buildBudgets(sizes: readonly SizeResult[]): BudgetResult[] {
  const s = buildSize(sizes);
  const b = s?.build;
  const bare = s?.bare;
  const note = s ? sizeNote(s.studies, LIMITS.studies, 'studies') + (s.variant ? `what-if variant "${s.variant}", not the real site; ` : '') : '';
  const failed = b && (b.timedOut || b.exitCode !== 0) ? `npm run build ${b.timedOut ? `timed out after ${formatMs(b.wallMs)}` : `failed (exit ${b.exitCode})`}` : null;
  const r = failed ? null : ratio(b?.wallMs, bare?.wallMs);
  const cpu = ratio(b?.cpuSeconds, bare?.cpuSeconds);
  return [
    {
      name: 'Cold build (npm run build) vs bare Astro',
      limit: `≤ ${LIMITS.buildRatio}×`,
      actual: failed ? `> ${formatRatio(ratio(b?.wallMs, bare?.wallMs))}` : formatRatio(r),
      verdict: failed ? 'FAIL' : verdict(r === null ? null : r <= LIMITS.buildRatio),
      note: `${note}${failed ? `${failed}; ` : ''}wall ${formatMs(b?.wallMs)} vs ${formatMs(bare?.wallMs)}; CPU ${formatRatio(cpu)}`,
    },
    {
      name: 'Build peak memory (process tree)',
      limit: `≤ ${formatBytes(LIMITS.buildPeakBytes)}`,
      actual: formatBytes(b?.treePeakBytes),
      // A build stopped early gives a lower bound: it can fail the budget, not pass it.
      verdict: !b ? 'SKIP' : b.treePeakBytes > LIMITS.buildPeakBytes ? 'FAIL' : failed ? 'SKIP' : 'PASS',
      note: `${note}${failed ? `${failed}, so the peak may be higher; ` : ''}largest single process ${formatBytes(b?.maxProcessBytes)}`,
    },
    updateBudget(sizes),
  ];
}

function sizeBudgets(sizes: readonly SizeResult[]): BudgetResult[] {
  const s = buildSize(sizes);
  const note = s ? `${sizeNote(s.studies, LIMITS.studies, 'studies')}${s.variant ? `what-if variant "${s.variant}"; ` : ''}` : 'not built';
  const files = s?.files == null ? null : s.files / s.studies;
  const bytes = s?.nonWasmBytes == null ? null : s.nonWasmBytes / s.studies;
  const largest = s?.largestFile ?? null;
  return [
    { name: 'Site files per study', limit: `≤ ${LIMITS.filesPerStudy}`, actual: files == null ? '–' : files.toFixed(1), verdict: verdict(files === null ? null : files <= LIMITS.filesPerStudy), note: s?.files == null ? note : `${note}${s.files.toLocaleString('en-US')} files` },
    { name: 'Site bytes per study (without wasm)', limit: `≤ ${formatBytes(LIMITS.siteBytesPerStudy)}`, actual: formatBytes(bytes), verdict: verdict(bytes === null ? null : bytes <= LIMITS.siteBytesPerStudy), note: s?.nonWasmBytes == null ? note : `${note}${formatBytes(s.nonWasmBytes)} of ${formatBytes(s.distBytes)}` },
    { name: 'Largest file of the site', limit: `≤ ${formatBytes(LIMITS.fileBytes)}`, actual: formatBytes(largest?.bytes), verdict: verdict(largest ? largest.bytes <= LIMITS.fileBytes : null), note: largest ? `${note}${largest.path}` : note },
  ];
}

/** The update after one study page changed, at LIMITS.updateStudies (else the largest size that measured one). */
function updateBudget(sizes: readonly SizeResult[]): BudgetResult {
  const s = sizes.find((x) => x.studies === LIMITS.updateStudies && x.rebuild) ?? [...sizes].filter((x) => x.rebuild).sort((a, b) => b.studies - a.studies)[0];
  const name = 'Update, 1 study page changed (npm run build again) vs bare Astro';
  const limit = `≤ ${LIMITS.updateRatio}×`;
  if (!s?.rebuild) return { name, limit, actual: '–', verdict: 'SKIP', note: 'no update measured' };
  const u = s.rebuild;
  const failed = u.timedOut || u.exitCode !== 0;
  const r = ratio(u.wallMs, s.bare?.wallMs);
  return {
    name,
    limit,
    actual: `${failed ? '> ' : ''}${formatRatio(r)}`,
    verdict: failed ? 'FAIL' : verdict(r === null ? null : r <= LIMITS.updateRatio),
    note: `${sizeNote(s.studies, LIMITS.updateStudies, 'studies')}${failed ? 'the update did not finish; ' : ''}wall ${formatMs(u.wallMs)} vs ${formatMs(s.bare?.wallMs)}; CPU ${formatRatio(ratio(u.cpuSeconds, s.bare?.cpuSeconds))}`,
  };
}

function browserBudgets(sites: readonly SiteResult[]): BudgetResult[] {
  const site = largestSite(sites);
  const big = sites.find((s) => s.label.includes('estimates table')) ?? null;
  const out: BudgetResult[] = [];
  const real = median(site?.first?.realMs ?? []);
  const floor = median(site?.first?.floorMs ?? []);
  const r = ratio(real, floor);
  out.push({
    name: 'First filter result vs DuckDB-WASM floor',
    limit: `≤ ${LIMITS.firstFilterRatio}×`,
    actual: formatRatio(r),
    verdict: verdict(r === null ? null : r <= LIMITS.firstFilterRatio),
    note: site?.first ? `${site.label}: ${formatMs(real)} vs floor ${formatMs(floor)} (medians)` : `not measured${site ? `: ${site.skipped.join('; ')}` : ''}`,
  });
  const f = site?.first ?? null;
  const read = f?.databaseBytes ?? null;
  out.push({
    name: 'First filter reads review.duckdb by ranges',
    limit: 'no whole-file read',
    actual: read === null ? '–' : `${formatBytes(read)}${f?.databaseSize ? ` of ${formatBytes(f.databaseSize)}` : ''}`,
    verdict: verdict(read === null ? null : !f!.databaseFullReads && (f!.databaseRanges ?? 0) > 0),
    note: read === null ? 'not measured' : `${site!.label}; ${f!.databaseRanges ?? '–'} range requests, ${f!.databaseFullReads ?? 0} whole-file reads (medians over ${f!.realMs.length} runs)`,
  });
  const later = big?.later ?? null;
  const m = median(later?.drawnMs ?? []);
  const p95 = quantile(later?.drawnMs ?? [], 0.95);
  const at = big ? `${big.label}; ` : 'no 100,000-estimate table measured; ';
  const floorMs = later?.floorMs ?? [];
  const beside = (ours: number | null, base: number | null) => (floorMs.length ? `; DuckDB-WASM floor (the same statements, bare page) ${formatMs(base)}, ${formatRatio(ratio(ours, base))}` : '');
  const fm = median(floorMs);
  const fp95 = quantile(floorMs, 0.95);
  out.push({ name: 'Later filter change, median', limit: `≤ ${LIMITS.laterMedianMs} ms`, actual: formatMs(m), verdict: verdict(m === null ? null : m <= LIMITS.laterMedianMs), note: `${at}to next paint ${formatMs(median(later?.paintMs ?? []))}${beside(m, fm)}` });
  out.push({ name: 'Later filter change, p95', limit: `≤ ${LIMITS.laterP95Ms} ms`, actual: formatMs(p95), verdict: verdict(p95 === null ? null : p95 <= LIMITS.laterP95Ms), note: `${at}to next paint ${formatMs(quantile(later?.paintMs ?? [], 0.95))}${beside(p95, fp95)}` });
  for (const [page, limit] of [['study', LIMITS.studyPageBytes], ['home', LIMITS.homePageBytes]] as const) {
    const b = site?.bytes.find((x) => x.page === page);
    out.push({
      name: `${page === 'home' ? 'Home' : 'Study'} page bytes before interaction (gzip)`,
      limit: `≤ ${formatBytes(limit)}`,
      actual: formatBytes(b?.gzip),
      verdict: verdict(b ? b.gzip <= limit && b.forbidden.length === 0 : null),
      note: b ? `${site!.label}; ${b.requests} requests, ${formatBytes(b.transferred)} uncompressed${b.forbidden.length ? `; LOADED ${b.forbidden.join(', ')}` : '; no DuckDB/Pagefind bytes'}` : 'not measured',
    });
  }
  const searchSite = sites.find((s) => s.studies >= LIMITS.studies && s.search.length) ?? [...sites].filter((s) => s.search.length).sort((a, b) => b.studies - a.studies)[0];
  const q = searchSite?.search[0];
  const ph = q?.apiPhases;
  const phases = ph ? `import ${formatMs(ph.importMs)}, init ${formatMs(ph.initMs)}, search ${formatMs(ph.searchMs)}, 5 results ${formatMs(ph.dataMs)}` : '';
  const sNote = searchSite ? `${sizeNote(searchSite.studies, LIMITS.studies, 'studies')}"${q?.term}", Pagefind API cold in a blank page (${phases}); header box from focus ${formatMs(q?.boxMs)}, ${formatBytes(q?.boxBytes)}` : 'not measured';
  const bare = q?.bare;
  const bNote = (base: string, r: number | null) => (bare ? `; bare Pagefind index of the same pages ${base} (ours ${formatRatio(r)})` : '; no bare baseline measured');
  out.push({ name: 'Pagefind first query, bytes', limit: `≤ ${formatBytes(LIMITS.searchBytes)}`, actual: formatBytes(q?.apiBytes), verdict: verdict(q?.apiBytes == null ? null : q.apiBytes <= LIMITS.searchBytes), note: `${sNote}${bNote(formatBytes(bare?.apiBytes), ratio(q?.apiBytes, bare?.apiBytes))}` });
  out.push({ name: 'Pagefind first query, time', limit: `≤ ${LIMITS.searchMs} ms`, actual: formatMs(q?.apiMs), verdict: verdict(q?.apiMs == null ? null : q.apiMs <= LIMITS.searchMs), note: `${sNote}${bNote(formatMs(bare?.apiMs), ratio(q?.apiMs, bare?.apiMs))}` });
  return out;
}

/**
 * The bivariate re-pooling alone against the later-filter median: in Chromium, drawn (pool + render
 * + put into the page), at LIMITS.dtaTables tables (else the most measured, noted); Node when no
 * Chromium measurement was taken.
 */
function dtaBudget(dta: readonly DtaRepool[]): BudgetResult {
  const name = `DTA re-pool (poolDta + SROC render), median`;
  const limit = `≤ ${LIMITS.laterMedianMs} ms`;
  const engine = dta.some((d) => d.engine === 'chromium') ? 'chromium' : 'node';
  const mine = dta.filter((d) => d.engine === engine);
  const d = mine.find((x) => x.tables === LIMITS.dtaTables) ?? [...mine].sort((a, b) => b.tables - a.tables)[0];
  if (!d) return { name, limit, actual: '–', verdict: 'SKIP', note: 'not measured (part "dta")' };
  const times = d.drawnMs ?? d.renderMs;
  const m = median(times);
  const others = mine.filter((x) => x !== d).map((x) => `${x.tables.toLocaleString('en-US')} tables ${formatMs(median(x.drawnMs ?? x.renderMs))}`);
  return {
    name,
    limit,
    actual: formatMs(m),
    verdict: verdict(m === null ? null : m <= LIMITS.laterMedianMs),
    note: `${sizeNote(d.tables, LIMITS.dtaTables, '2×2 tables')}${d.tables.toLocaleString('en-US')} tables in ${engine}${d.drawnMs ? ', drawn' : ', HTML string'}; pool alone ${formatMs(median(d.poolMs))}; p95 ${formatMs(quantile(times, 0.95))}${others.length ? `; ${others.join(', ')}` : ''}`,
  };
}

/** Check every budget against a run's results. */
export function evaluateBudgets(results: Pick<BenchResults, 'sizes' | 'sites'> & Partial<Pick<BenchResults, 'dta'>>): BudgetResult[] {
  return [...buildBudgets(results.sizes), ...sizeBudgets(results.sizes), ...browserBudgets(results.sites), dtaBudget(results.dta ?? [])];
}
