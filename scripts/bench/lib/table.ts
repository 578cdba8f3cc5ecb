/** The printed benchmark report: plain-text tables of the build, browser and budget results (pure). */
import { formatBytes, formatMs, formatRatio, median, quantile, ratio } from './stats.ts';
import type { BenchResults, CommandCost, DtaRepool, FirstFilter, SiteResult, SizeResult } from './types.ts';
import { LIMITS } from './budgets.ts';
import type { RouteCost } from './routes.ts';

/** Render rows as an aligned text table with a header rule. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Numbers right-aligned, text left-aligned.
  const numeric = headers.map((_, i) => i > 0 && rows.every((r) => /^(?:[-–>≤\d.,]|$)/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function status(c: CommandCost | null): string {
  if (!c) return '';
  if (c.timedOut) return ' (TIMED OUT)';
  return c.exitCode === 0 ? '' : ` (FAILED, exit ${c.exitCode})`;
}

function stepMs(c: CommandCost | null, name: string): { ms: number; peak: number; last: boolean } | null {
  const s = c?.steps.find((x) => x.name === name);
  return s ? { ms: s.endMs - s.startMs, peak: s.peakBytes, last: s === c!.steps.at(-1) } : null;
}

/** The steps of npm run build as the bench names them (scripts/bench/build.ts BUILD_STEPS), for the cold build and the update alike. */
const BUILD_STEP_NAMES = ['png warm-up (beside check, data, astro build)', 'pdf warm-up (beside check, data, astro build)', 'check', 'data', 'astro build', 'png', 'pdf', 'search (Pagefind)'];

function buildRows(s: SizeResult): string[][] {
  const n = s.studies;
  const perStudy = (ms: number | null | undefined) => (ms == null ? '–' : `${(ms / n).toFixed(ms / n < 10 ? 2 : 1)} ms`);
  const bare = s.bare && s.bare.exitCode === 0 ? s.bare.wallMs : null;
  // A step that finished before the command was stopped is complete: only the whole and its last step carry the status.
  const row = (step: string, c: CommandCost | null, ms: number | null = c?.wallMs ?? null, peak: number | null = c?.treePeakBytes ?? null, vsBare = false, complete = false): string[] => [
    `${n.toLocaleString('en-US')}  ${step}${complete ? '' : status(c)}`,
    formatMs(ms),
    perStudy(ms),
    c && ms === c.wallMs && c.cpuSeconds != null ? `${c.cpuSeconds.toFixed(1)} s` : '',
    formatBytes(peak),
    c && ms === c.wallMs ? formatBytes(c.maxProcessBytes) : '',
    vsBare ? `${c && !complete && (c.timedOut || c.exitCode !== 0) ? '> ' : ''}${formatRatio(ratio(ms, bare))}` : '',
  ];
  const rows: string[][] = [row('ingest (npm run ingest)', s.ingest)];
  for (const step of BUILD_STEP_NAMES) {
    const x = stepMs(s.build, step);
    if (x) rows.push(row(`  ${step}`, s.build, x.ms, x.peak, step.startsWith('astro'), !x.last));
  }
  rows.push(row(`npm run build (whole)${s.variant ? ` [variant: ${s.variant}]` : ''}`, s.build, undefined, undefined, true));
  if (s.rebuild) {
    for (const step of BUILD_STEP_NAMES) {
      const x = stepMs(s.rebuild, step);
      if (x) rows.push(row(`  again: ${step}`, s.rebuild, x.ms, x.peak, false, !x.last));
    }
    rows.push(row('npm run build again (1 page changed, caches kept)', s.rebuild, undefined, undefined, true));
  }
  rows.push(row('bare Astro build (baseline)', s.bare, undefined, undefined, true));
  return rows;
}

function routeRows(s: SizeResult): string[][] {
  const n = s.studies.toLocaleString('en-US');
  const rows = (costs: readonly RouteCost[]) =>
    costs.map((c) => [`${n}  ${c.kind}`, c.files.toLocaleString('en-US'), (c.files / s.studies).toFixed(2), formatMs(c.ms), `${(c.ms / c.files).toFixed(2)} ms`]);
  return [...rows(s.routes ?? []), ...rows(s.bareRoutes ?? [])];
}

function siteRows(site: SiteResult): { bytes: string[][]; explore: string[][]; search: string[][] } {
  const bytes = site.bytes.map((b) => [site.label, `${b.page} ${b.path}`, String(b.requests), formatBytes(b.transferred), formatBytes(b.gzip), formatBytes(b.brotli), b.forbidden.length ? `YES: ${b.forbidden.join(', ')}` : 'none']);
  const explore: string[][] = [];
  if (site.first) {
    const real = median(site.first.realMs);
    const floor = median(site.first.floorMs);
    explore.push([site.label, `first filter (${site.first.state}), n=${site.first.realMs.length}`, formatMs(real), `floor ${formatMs(floor)}`, formatRatio(ratio(real, floor)), `range ${formatMs(Math.min(...site.first.realMs))}–${formatMs(Math.max(...site.first.realMs))}; ${formatBytes(site.first.afterBytes)} loaded after the interaction${databaseFacts(site.first)}`]);
  }
  if (site.later) {
    const l = site.later;
    const dta = l.dtaTables ? `, of it bivariate re-pool ${formatMs(l.dtaMs)} (2×2 tables re-pooled: median ${l.dtaTables.median ?? '–'}, max ${l.dtaTables.max})` : '';
    const floor = l.floorMs ?? [];
    const stat = (xs: readonly number[], q: number | null) => (q === null ? median(xs) : quantile(xs, q));
    const later = (what: string, q: number | null, budget: number, detail: string) => {
      const [ours, base] = [stat(l.drawnMs, q), floor.length ? stat(floor, q) : null];
      return [site.label, `later changes, ${what}`, formatMs(ours), base === null ? '–' : `floor ${formatMs(base)}`, formatRatio(ratio(ours, base)), `budget ≤ ${budget} ms; paint ${formatMs(stat(l.paintMs, q))}${detail}`];
    };
    const ph = l.phases ?? [];
    const phase = (k: keyof NonNullable<typeof l.phases>[number]) => formatMs(median(ph.map((p) => p[k])));
    const split = ph.length ? `; on the page: match statement ${phase('queryMs')}, assemble + re-pool ${phase('poolMs')}, redraw ${phase('drawMs')} (medians)` : '';
    explore.push(later(`median (n=${l.drawnMs.length}${l.revisits == null ? '' : `, ${l.revisits} back to an earlier state`})`, null, LIMITS.laterMedianMs, `${split}; rows drawn median ${median(l.rows) ?? '–'}, max ${Math.max(0, ...l.rows)}; JS in Node: re-pool + render ${formatMs(l.jsMs)}${dta}, results HTML ${formatBytes(l.htmlChars)} (median)`));
    explore.push(later('p95', 0.95, LIMITS.laterP95Ms, ''));
  }
  const phases = (q: Pick<SiteResult['search'][number], 'apiPhases'>) => (q.apiPhases ? `${formatMs(q.apiPhases.importMs)} / ${formatMs(q.apiPhases.initMs)} / ${formatMs(q.apiPhases.searchMs)} / ${formatMs(q.apiPhases.dataMs)}` : '–');
  const range = (r: [number, number] | null | undefined) => (r ? ` (${formatMs(r[0])}–${formatMs(r[1])})` : '');
  const search = site.search.flatMap((q) => [
    [site.label, q.term, `${formatMs(q.apiMs)}${range(q.apiRange)}`, formatBytes(q.apiBytes), phases(q), formatMs(q.apiPhases?.warmMs), formatMs(q.boxMs), formatBytes(q.boxBytes), q.total == null ? '–' : String(q.total), q.pageMs == null ? '–' : `${formatMs(q.pageMs)}, ${formatBytes(q.pageBytes)}, ${q.pageRequests} req`],
    ...(q.bare ? [[site.label, `${q.term}, bare index`, `${formatMs(q.bare.apiMs)}${range(q.bare.apiRange)}`, formatBytes(q.bare.apiBytes), phases(q.bare), formatMs(q.bare.apiPhases?.warmMs), `ours ${formatRatio(ratio(q.apiMs, q.bare.apiMs))}`, `ours ${formatRatio(ratio(q.apiBytes, q.bare.apiBytes))}`, '', '']] : []),
  ]);
  return { bytes, explore, search };
}

/** Rows of the DTA re-pool section: per engine and number of tables, medians (p95) of each stage and the budget. */
export function dtaRows(dta: readonly DtaRepool[]): string[][] {
  const m = (xs: readonly number[] | null) => (xs ? `${formatMs(median(xs))} (p95 ${formatMs(quantile(xs, 0.95))})` : '–');
  return dta.map((d) => [
    `DTA re-pool (poolDta + SROC render), ${d.engine}`,
    d.tables.toLocaleString('en-US'),
    d.model ?? 'none',
    m(d.poolMs),
    m(d.renderMs),
    m(d.drawnMs),
    `≤ ${LIMITS.laterMedianMs} ms median`,
    `n=${d.renderMs.length}; HTML ${formatBytes(d.htmlChars)}`,
  ]);
}

/** What a first filter read of review.duckdb: "; of it review.duckdb 120 KB of 800 KB (15%) in 9 ranges, no whole-file read". */
export function databaseFacts(f: FirstFilter): string {
  if (f.databaseBytes == null) return '';
  const share = f.databaseSize ? ` of ${formatBytes(f.databaseSize)} (${((100 * f.databaseBytes) / f.databaseSize).toFixed(0)}%)` : '';
  const full = f.databaseFullReads ? `, ${f.databaseFullReads} WHOLE-FILE READ${f.databaseFullReads > 1 ? 'S' : ''}` : ', no whole-file read';
  return `; of it review.duckdb ${formatBytes(f.databaseBytes)}${share} in ${f.databaseRanges ?? '–'} ranges${full}`;
}

/** The built site's size: files, HTML pages, bytes, each per study, and its largest file. */
export function distFacts(s: SizeResult): string {
  const per = (x: number | null | undefined, f: (v: number) => string) => (x == null ? '–' : f(x / s.studies));
  const files = `${s.files ?? '–'} files (${per(s.files, (v) => v.toFixed(1))} per study), ${s.htmlPages ?? '–'} HTML pages`;
  const bytes = `${formatBytes(s.distBytes)}${s.nonWasmBytes == null ? '' : `, ${formatBytes(s.nonWasmBytes)} without wasm (${per(s.nonWasmBytes, (v) => formatBytes(v))} per study)`}`;
  const largest = s.largestFile ? `; largest file ${s.largestFile.path} ${formatBytes(s.largestFile.bytes)}` : '';
  return `${files}, ${bytes}${largest}`;
}

/** The whole printed report. */
export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Benchmark ${r.startedAt} → ${r.finishedAt}; ${r.machine.cpus} CPUs, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; load average at start ${r.machine.loadStart.map((x) => x.toFixed(1)).join(' ')}, at end ${r.machine.loadEnd.map((x) => x.toFixed(1)).join(' ')}`);
  if (r.sizes.length) {
    out.push('', 'BUILD (wall time; peak = sampled RSS sum of the process tree; largest = exact peak RSS of the biggest process)');
    out.push(renderTable(['studies  step', 'wall', 'per study', 'CPU', 'tree peak', 'largest', 'vs bare'], r.sizes.flatMap(buildRows)));
    for (const s of r.sizes) {
      const facts = `${s.studies.toLocaleString('en-US')} studies: ${s.estimates.toLocaleString('en-US')} estimates ingested of ${s.estimatesIntended.toLocaleString('en-US')} written; sources ${formatBytes(s.sourceBytes)}; dist ${distFacts(s)}`;
      out.push(`  ${facts}${s.notes.length ? `\n    ${s.notes.join('\n    ')}` : ''}`);
    }
  }
  const routed = r.sizes.filter((s) => s.routes?.length);
  if (routed.length) {
    out.push('', "ASTRO BUILD BY OUTPUT (Astro's logged time per file written, summed by kind; the bare baseline's trivial pages below each size)");
    out.push(renderTable(['studies  output', 'files', 'per study', 'total', 'per file'], routed.flatMap(routeRows)));
  }
  const sites = r.sites.map((s) => ({ s, rows: siteRows(s) }));
  if (sites.some((x) => x.rows.bytes.length)) {
    out.push('', 'BYTES BEFORE ANY INTERACTION (transferred = bodies as the bench server sent them, uncompressed; gzip -6 / brotli -11 = the same bodies compressed, as a static host sends them)');
    out.push(renderTable(['site', 'page', 'requests', 'transferred', 'gzip', 'brotli', 'DuckDB/Pagefind loaded'], sites.flatMap((x) => x.rows.bytes)));
  }
  if (sites.some((x) => x.rows.explore.length)) {
    out.push('', 'EXPLORE (first: first filter interaction → results drawn, engine start included; floor: bare page, same DuckDB-WASM files, same review.duckdb over HTTP, same queries)');
    out.push(renderTable(['site', 'measure', 'ours', 'baseline', 'ratio', 'detail'], sites.flatMap((x) => x.rows.explore)));
  }
  if (sites.some((x) => x.rows.search.length)) {
    out.push('', 'SEARCH (first Pagefind query, cold: API alone in a blank page, median of 5 (fastest–slowest) = import / init / search / data of 5 results; "bare index" = the same on a Pagefind index of the same study pages with default settings and no data-pagefind-* attributes, alternating with ours (box columns: ours ÷ bare); header box = focus + typing → results shown, its 150 ms debounce overlapping the load; warm query = a second query ("model": search + 5 results) once Pagefind has started; search page = load → status and the first 20 hits listed)');
    out.push(renderTable(['site', 'term', 'API time', 'API bytes', 'import / init / search / 5 results', 'warm query', 'box time', 'box bytes', 'hits', 'search page'], sites.flatMap((x) => x.rows.search)));
  }
  if (r.dta?.length) {
    out.push('', 'DTA RE-POOL (the Explore page\'s bivariate re-pooling alone, synthetic 2×2 tables of one outcome: pool = synthesizeDta (poolDta, regions, SROC curve); + render = the DTA section\'s HTML with the SROC SVG; + drawn = put into the page and laid out, Chromium only)');
    out.push(renderTable(['measure', 'tables', 'model', 'pool', '+ render', '+ drawn', 'budget', 'detail'], dtaRows(r.dta)));
  }
  const skipped = r.sites.flatMap((s) => s.skipped.map((k) => `${s.label}: ${k}`));
  if (skipped.length) out.push('', 'SKIPPED', ...skipped.map((k) => `  ${k}`));
  out.push('', 'BUDGETS (goals, not tests)');
  out.push(renderTable(['budget', 'limit', 'actual', 'verdict', 'note'], r.budgets.map((b) => [b.name, b.limit, b.actual, b.verdict, b.note])));
  return out.join('\n');
}
