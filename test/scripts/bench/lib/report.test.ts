import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from '../../../../scripts/bench/lib/budgets.ts';
import { databaseFacts, distFacts, renderReport, renderTable } from '../../../../scripts/bench/lib/table.ts';
import type { BenchResults, CommandCost, DtaRepool, SiteResult, SizeResult } from '../../../../scripts/bench/lib/types.ts';

const GB = 1024 ** 3;
const cmd = (wallMs: number, peak = 0.5 * GB, extra: Partial<CommandCost> = {}): CommandCost => ({ wallMs, exitCode: 0, timedOut: false, treePeakBytes: peak, maxProcessBytes: peak, cpuSeconds: wallMs / 1000, steps: [], ...extra });

function size(studies: number, build: CommandCost, bare: CommandCost): SizeResult {
  return { studies, estimates: studies * 5, estimatesIntended: studies * 5, sourceBytes: 1, ingest: cmd(100), build, rebuild: null, routes: null, bareRoutes: null, bare, htmlPages: studies, files: studies, distBytes: 1, variant: null, notes: [] };
}

function site(extra: Partial<SiteResult> = {}): SiteResult {
  return {
    label: '10,000 studies',
    studies: 10_000,
    estimates: 50_000,
    bytes: [
      { page: 'home', path: '/', requests: 5, transferred: 200_000, gzip: 40_000, brotli: 30_000, forbidden: [] },
      { page: 'study', path: '/studies/x/', requests: 5, transferred: 200_000, gzip: 70_000, brotli: 50_000, forbidden: [] },
    ],
    first: { state: 'outcome=x', realMs: [1200, 1300, 1250], floorMs: [1000, 1000, 1000], afterBytes: 1 },
    later: null,
    search: [{ term: 'x', boxMs: 200, boxBytes: 150_000, total: 3, apiMs: 120, apiBytes: 160_000, apiPhases: null, pageMs: null, pageBytes: null, pageRequests: null }],
    skipped: [],
    ...extra,
  };
}

describe('benchmark budgets', () => {
  it('passes and fails each budget against its limit, at the 10,000-study size', () => {
    const budgets = evaluateBudgets({ sizes: [size(1000, cmd(50_000), cmd(10_000)), size(10_000, cmd(140_000, 5 * GB), cmd(100_000))], sites: [site()] });
    const by = Object.fromEntries(budgets.map((b) => [b.name, b]));
    expect(by['Cold build (npm run build) vs bare Astro']!.verdict).toBe('PASS');
    expect(by['Cold build (npm run build) vs bare Astro']!.actual).toBe('1.40×');
    const slow = evaluateBudgets({ sizes: [size(10_000, cmd(410_000), cmd(100_000))], sites: [] });
    expect([slow[0]!.actual, slow[0]!.verdict]).toEqual(['4.10×', 'FAIL']);
    expect(by['Build peak memory (process tree)']!.verdict).toBe('FAIL');
    expect(by['First filter result vs DuckDB-WASM floor']!.actual).toBe('1.25×');
    expect(by['First filter result vs DuckDB-WASM floor']!.verdict).toBe('PASS');
    expect(by['Study page bytes before interaction (gzip)']!.verdict).toBe('FAIL');
    expect(by['Home page bytes before interaction (gzip)']!.verdict).toBe('PASS');
    expect(by['Pagefind first query, time']!.verdict).toBe('PASS');
    expect(by['Later filter change, median']!.verdict).toBe('SKIP');
  });

  it('fails the build budget when the build was stopped, and leaves a low memory peak unjudged', () => {
    const stopped = cmd(1_800_000, 3 * GB, { timedOut: true, exitCode: 1 });
    const budgets = evaluateBudgets({ sizes: [size(10_000, stopped, cmd(100_000))], sites: [] });
    expect(budgets[0]!.verdict).toBe('FAIL');
    expect(budgets[0]!.note).toMatch(/timed out/);
    expect(budgets[1]!.verdict).toBe('SKIP');
  });

  it('puts the bare Pagefind baseline beside the first query, with our ratio to it, in the budgets and the search table', () => {
    const s = site();
    s.search[0] = { ...s.search[0]!, apiMs: 90, bare: { apiMs: 120, apiBytes: 200_000, apiPhases: null, apiRange: [100, 140] } };
    const time = evaluateBudgets({ sizes: [], sites: [s] }).find((b) => b.name === 'Pagefind first query, time')!;
    expect(time.note).toMatch(/bare Pagefind index of the same pages 120 ms \(ours 0\.75×\)/);
    const report = renderReport({ startedAt: '', finishedAt: '', machine: { cpus: 2, memoryGiB: 24, node: '24', loadStart: [1, 1, 1], loadEnd: [1, 1, 1] }, options: { studies: [10_000], parts: ['search'], seed: 1, keep: false, variant: null }, sizes: [], sites: [s], dta: [], budgets: [], methods: [] });
    expect(report).toMatch(/x, bare index\s+120 ms \(100 ms–140 ms\)/);
    expect(report).toMatch(/ours 0\.80×/);
  });

  it('judges the update after one study page changed at 1,000 studies against that size\'s bare build, and skips it when none ran', () => {
    const quick = { ...size(1000, cmd(50_000), cmd(10_000)), rebuild: cmd(14_000) };
    const slow = { ...size(1000, cmd(50_000), cmd(10_000)), rebuild: cmd(16_000) };
    const update = (s: SizeResult[]) => evaluateBudgets({ sizes: s, sites: [] }).find((b) => b.name.startsWith('Update, 1 study page changed'))!;
    expect([update([quick, size(10_000, cmd(140_000), cmd(100_000))]).actual, update([quick]).verdict]).toEqual(['1.40×', 'PASS']);
    expect(update([slow]).verdict).toBe('FAIL');
    expect(update([{ ...quick, rebuild: cmd(9_000, GB, { timedOut: true }) }]).verdict).toBe('FAIL');
    expect(update([size(1000, cmd(50_000), cmd(10_000))]).verdict).toBe('SKIP');
  });

  it('fails a page budget when DuckDB or Pagefind bytes load before any interaction', () => {
    const s = site();
    s.bytes[0]!.forbidden = ['/pagefind/pagefind.js'];
    const home = evaluateBudgets({ sizes: [], sites: [s] }).find((b) => b.name.startsWith('Home'))!;
    expect(home.verdict).toBe('FAIL');
    expect(home.note).toMatch(/LOADED \/pagefind\/pagefind.js/);
  });
});

describe('the site size budgets', () => {
  const MiB = 1024 ** 2;
  const sized = (extra: Partial<SizeResult>) => ({ ...size(10_000, cmd(140_000), cmd(100_000)), ...extra });
  const by = (s: SizeResult) => Object.fromEntries(evaluateBudgets({ sizes: [s], sites: [] }).map((b) => [b.name, b]));

  it('judges files and non-wasm bytes per study and the largest file, naming it', () => {
    const b = by(sized({ files: 35_000, distBytes: 600 * MiB, nonWasmBytes: 500 * MiB, largestFile: { path: '_astro/duckdb-eh.wasm.x.gz', bytes: 7.3 * MiB } }));
    expect([b['Site files per study']!.actual, b['Site files per study']!.verdict]).toEqual(['3.5', 'PASS']);
    expect([b['Site bytes per study (without wasm)']!.actual, b['Site bytes per study (without wasm)']!.verdict]).toEqual(['51.2 KB', 'PASS']);
    expect(b['Largest file of the site']!).toMatchObject({ actual: '7.30 MB', verdict: 'PASS', note: '_astro/duckdb-eh.wasm.x.gz' });
  });

  it('fails a 37.5 MiB wasm file and 23 files per study, and skips what an older result did not record', () => {
    const b = by(sized({ files: 230_000, largestFile: { path: '_astro/duckdb-mvp.wasm', bytes: 37.5 * MiB } }));
    expect(b['Largest file of the site']!.verdict).toBe('FAIL');
    expect(b['Site files per study']!.verdict).toBe('FAIL');
    expect(b['Site bytes per study (without wasm)']!.verdict).toBe('SKIP');
    expect(by(sized({ files: null }))['Site files per study']!.verdict).toBe('SKIP');
  });

  it('prints files, bytes, each per study, and the largest file of a build', () => {
    const text = distFacts(sized({ files: 35_000, htmlPages: 10_002, distBytes: 600 * MiB, nonWasmBytes: 500 * MiB, largestFile: { path: 'a/b.gz', bytes: 2 * MiB } }));
    expect(text).toBe('35000 files (3.5 per study), 10002 HTML pages, 600.00 MB, 500.00 MB without wasm (51.2 KB per study); largest file a/b.gz 2.00 MB');
  });
});

describe('the range-read report', () => {
  const first = (extra: Partial<SiteResult['first'] & object>) => site({ first: { state: 'outcome=x', realMs: [1, 2, 3], floorMs: [1, 1, 1], afterBytes: 9_000_000, ...extra } });
  const budget = (s: SiteResult) => evaluateBudgets({ sizes: [], sites: [s] }).find((b) => b.name === 'First filter reads review.duckdb by ranges')!;

  it('passes when the first filter read review.duckdb by ranges only, with the bytes read of the file size', () => {
    const b = budget(first({ databaseBytes: 120 * 1024, databaseRanges: 9, databaseFullReads: 0, databaseSize: 800 * 1024 }));
    expect([b.actual, b.verdict]).toEqual(['120.0 KB of 800.0 KB', 'PASS']);
    expect(databaseFacts(first({ databaseBytes: 120 * 1024, databaseRanges: 9, databaseFullReads: 0, databaseSize: 800 * 1024 }).first!)).toBe('; of it review.duckdb 120.0 KB of 800.0 KB (15%) in 9 ranges, no whole-file read');
  });

  it('fails a whole-file read (the server ignored the ranges), and skips results without the measurement', () => {
    const full = first({ databaseBytes: 800 * 1024, databaseRanges: 0, databaseFullReads: 1, databaseSize: 800 * 1024 });
    expect(budget(full).verdict).toBe('FAIL');
    expect(databaseFacts(full.first!)).toMatch(/1 WHOLE-FILE READ$/);
    expect(budget(first({})).verdict).toBe('SKIP');
    expect(databaseFacts(first({}).first!)).toBe('');
  });
});

function dta(engine: DtaRepool['engine'], tables: number, ms: number[]): DtaRepool {
  return { engine, tables, model: 'bivariate', poolMs: ms.map((x) => x / 4), renderMs: ms.map((x) => x / 2), drawnMs: engine === 'chromium' ? ms : null, htmlChars: tables * 300 };
}

describe('the DTA re-pool budget', () => {
  const budget = (d: DtaRepool[]) => evaluateBudgets({ sizes: [], sites: [], dta: d }).find((b) => b.name.startsWith('DTA re-pool'))!;

  it('judges the drawn time in Chromium at 1,000 tables against the later-filter median, naming the other sizes', () => {
    const b = budget([dta('chromium', 100, [4, 5, 6]), dta('chromium', 1000, [15, 18, 40]), dta('node', 1000, [50, 60, 70])]);
    expect([b.limit, b.actual, b.verdict]).toEqual(['≤ 20 ms', '18 ms', 'PASS']);
    expect(b.note).toBe('1,000 tables in chromium, drawn; pool alone 4.5 ms; p95 38 ms; 100 tables 5.0 ms');
    expect(budget([dta('chromium', 1000, [15, 25, 40])]).verdict).toBe('FAIL');
  });

  it('falls back to the largest size measured and to Node, saying so, and skips when the part did not run', () => {
    const b = budget([dta('node', 100, [2, 3, 4]), dta('node', 500, [30, 30, 30])]);
    expect([b.actual, b.verdict]).toEqual(['15 ms', 'PASS']);
    expect(b.note).toMatch(/^measured at 500 2×2 tables, not 1,000; 500 tables in node, HTML string/);
    expect(budget([]).verdict).toBe('SKIP');
    expect(evaluateBudgets({ sizes: [], sites: [] }).at(-1)!.verdict).toBe('SKIP');
  });
});

describe('the printed report', () => {
  it('aligns numbers right and text left', () => {
    expect(renderTable(['name', 'ms'], [['a', '5'], ['bbb', '120']])).toBe('name   ms\n----  ---\na       5\nbbb   120');
  });

  it('prints every section with its baseline, ratio and verdicts', () => {
    const results: BenchResults = {
      startedAt: 'a',
      finishedAt: 'b',
      machine: { cpus: 2, memoryGiB: 24, node: '24', loadStart: [1, 1, 1], loadEnd: [1, 1, 1] },
      options: { studies: [10_000], parts: ['build', 'browser', 'search'], seed: 1, keep: false, variant: null },
      sizes: [{ ...size(10_000, cmd(140_000), cmd(100_000)), rebuild: cmd(30_000), routes: [{ kind: 'study pages', files: 10_000, ms: 65_000 }], bareRoutes: [{ kind: 'bare pages', files: 10_000, ms: 30_000 }] }],
      sites: [site({ later: { drawnMs: [10, 12, 30], paintMs: [15, 16, 40], rows: [5, 6, 7], floorMs: [2, 4, 10], revisits: 1, phases: [{ queryMs: 3, poolMs: 4, drawMs: 3 }, { queryMs: 5, poolMs: 4, drawMs: 3 }, { queryMs: 11, poolMs: 9, drawMs: 10 }], queryMs: 4, jsMs: 3, htmlChars: 1000, dtaMs: 1.5, dtaTables: { median: 120, max: 400 } } })],
      dta: [dta('chromium', 1000, [15, 18, 40]), dta('node', 100, [2, 3, 4])],
      budgets: [],
      methods: [],
    };
    results.budgets = evaluateBudgets(results);
    const text = renderReport(results);
    for (const heading of ['BUILD', 'BYTES BEFORE ANY INTERACTION', 'EXPLORE', 'SEARCH', 'DTA RE-POOL', 'BUDGETS']) expect(text).toContain(heading);
    expect(text).toMatch(/DTA re-pool \(poolDta \+ SROC render\), chromium\s+1,000\s+bivariate\s+4\.5 ms \(p95 9\.4 ms\)\s+9\.0 ms \(p95 19 ms\)\s+18 ms \(p95 38 ms\)\s+≤ 20 ms median\s+n=3; HTML 293\.0 KB/);
    expect(text).toMatch(/DTA re-pool \(poolDta \+ SROC render\), node\s+100\s+bivariate\s+0\.8 ms .*\s+–\s+≤ 20 ms median/);
    expect(text).toContain('re-pool + render 3.0 ms, of it bivariate re-pool 1.5 ms (2×2 tables re-pooled: median 120, max 400)');
    // Later changes: ours beside the floor (the same statements on the bare page), the ratio, the budget, where the time went.
    expect(text).toMatch(/later changes, median \(n=3, 1 back to an earlier state\)\s+12 ms\s+floor 4\.0 ms\s+3\.00×\s+budget ≤ 20 ms; paint 16 ms; on the page: match statement 5\.0 ms, assemble \+ re-pool 4\.0 ms, redraw 3\.0 ms \(medians\)/);
    expect(text).toMatch(/later changes, p95\s+28 ms\s+floor 9\.4 ms\s+3\.00×\s+budget ≤ 50 ms/);
    const table = evaluateBudgets({ sizes: [], sites: [site({ label: '100,000-estimates table', later: results.sites[0]!.later })] });
    expect(table.find((b) => b.name === 'Later filter change, median')!.note).toContain('DuckDB-WASM floor (the same statements, bare page) 4.0 ms, 3.00×');
    expect(table.find((b) => b.name === 'Later filter change, p95')!.note).toContain('floor (the same statements, bare page) 9.4 ms, 3.00×');
    expect(text).toMatch(/npm run build \(whole\)\s+2 min 20 s\s+14\.0 ms\s+140\.0 s\s+512\.00 MB\s+512\.00 MB\s+1\.40×/);
    expect(text).toMatch(/npm run build again \(1 page changed, caches kept\)\s+30\.0 s\s+3\.00 ms\s+30\.0 s\s+512\.00 MB\s+512\.00 MB\s+0\.30×/);
    expect(text).toMatch(/10,000  study pages\s+10,000\s+1\.00\s+65\.0 s\s+6\.50 ms/);
    expect(text).toMatch(/10,000  bare pages\s+10,000\s+1\.00\s+30\.0 s\s+3\.00 ms/);
    expect(text).toMatch(/PASS|FAIL/);
  });
});
