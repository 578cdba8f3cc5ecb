/**
 * Browser-side benchmark of one served site: bytes before interaction (home, study pages,
 * explore), the first filter interaction against the DuckDB-WASM floor, later filter changes
 * (with where their time goes), and Pagefind's first query. Each part that cannot run is
 * skipped with its reason instead of stopping the run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { SiteResult } from './lib/types.ts';
import { median } from './lib/stats.ts';
import { serveStatic } from '../lib/static-server.ts';
import { pageBytes, type Served } from './bytes.ts';
import { applyChanges, firstFilter, laterChanges, stateAfter, type Change } from './explore.ts';
import { busiestTableOutcome, jsCosts } from './decompose.ts';
import { searchFirstQuery } from './search.ts';
import { writeBarePagefind } from './search-bare.ts';
import { writeFloor } from './floor.ts';

/** What to measure on a site. */
export interface SiteOptions {
  label: string;
  root: string;
  studies: number;
  estimates: number;
  /** The review.duckdb the site serves (for the Node-side decomposition). */
  database: string;
  bytes: boolean;
  explore: boolean;
  search: boolean;
  runs: number;
  terms: string[];
  log(line: string): void;
}

/** Study pages to weigh: the median-size one (typical) and the largest. */
async function studyPages(root: string): Promise<{ typical: string; largest: string } | null> {
  const dir = join(root, 'studies');
  const names = await readdir(dir).catch(() => [] as string[]);
  const sized: { slug: string; size: number }[] = [];
  for (const n of names) {
    const s = await stat(join(dir, n, 'index.html')).catch(() => null);
    if (s) sized.push({ slug: n, size: s.size });
  }
  if (sized.length === 0) return null;
  sized.sort((a, b) => a.size - b.size);
  return { typical: `/studies/${sized[Math.floor(sized.length / 2)]!.slug}/`, largest: `/studies/${sized[sized.length - 1]!.slug}/` };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : String(error);
}

/** Measure one site; the server is started and stopped here. */
export async function benchSite(browser: Browser, o: SiteOptions): Promise<SiteResult> {
  const out: SiteResult = { label: o.label, studies: o.studies, estimates: o.estimates, bytes: [], first: null, later: null, search: [], skipped: [] };
  await writeFloor(o.root);
  const server = await serveStatic(o.root);
  const served: Served = { label: o.label, root: o.root, server };
  try {
    if (o.bytes) await benchBytes(browser, o, served, out);
    if (o.explore) await benchExplore(browser, o, served, out);
    if (o.search) await benchSearch(browser, o, served, out);
  } finally {
    await server.close();
  }
  return out;
}

/** Bytes before any interaction on the home, the largest and the median study page, and Explore. */
async function benchBytes(browser: Browser, o: SiteOptions, served: Served, out: SiteResult): Promise<void> {
  o.log(`  ${o.label}: bytes before interaction…`);
  const study = await studyPages(o.root);
  if (!study) out.skipped.push('study page bytes: no /studies/<slug>/index.html in the build');
  const pages: [string, string][] = [['home', '/'], ...(study ? ([['study', study.largest], ['study (median)', study.typical]] as [string, string][]) : []), ['explore', '/explore/']];
  for (const [page, path] of pages) {
    try {
      out.bytes.push(await pageBytes(browser, served, page, path));
    } catch (error) {
      out.skipped.push(`${page} page bytes: ${reason(error)}`);
    }
  }
}

/** Explore: the first filter against the floor, then the later changes (each beside the floor's same statements). */
async function benchExplore(browser: Browser, o: SiteOptions, served: Served, out: SiteResult): Promise<void> {
  o.log(`  ${o.label}: explore, first filter interaction vs floor (${o.runs} runs each)…`);
  try {
    const first: Change = { name: 'outcome', value: await firstOutcome(browser, served) };
    const probe = await firstFilter(browser, served, first, o.runs);
    out.first = { ...probe.result, databaseSize: (await stat(join(o.root, 'data', 'review.duckdb')).catch(() => null))?.size ?? null };
    const changes = laterChanges(probe.config.vocabulary, await busiestTableOutcome(o.database));
    o.log(`  ${o.label}: explore, ${changes.length} later filter changes…`);
    const all = [first, ...changes];
    const states = changes.map((_, i) => stateAfter(all.slice(0, i + 2), probe.config.vocabulary));
    // Each change, then the same state's statements on the floor page, so both see the same load.
    const done = await applyChanges(probe.page, changes, 120_000, { page: probe.floor, states });
    o.log(`  ${o.label}: explore, decomposing the changes (JS alone, in Node)…`);
    const js = await jsCosts(o.database, states, probe.config.ctx);
    const seen = [stateAfter([first], probe.config.vocabulary), ...states].map((x) => JSON.stringify(x));
    out.later = {
      ...done,
      revisits: seen.slice(1).filter((x, i) => seen.slice(0, i + 1).includes(x)).length,
      queryMs: median(done.floorMs),
      jsMs: median(js.map((j) => j.renderMs)),
      htmlChars: median(js.map((j) => j.htmlBytes)),
      dtaMs: median(js.map((j) => j.dtaMs)),
      dtaTables: { median: median(js.map((j) => j.tables)), max: Math.max(0, ...js.map((j) => j.tables)) },
    };
    await probe.context.close();
    await probe.floorContext.close();
  } catch (error) {
    out.skipped.push(`explore: ${reason(error)}`);
  }
}

/** Pagefind's first query per term, beside a bare Pagefind index of the same study pages. */
async function benchSearch(browser: Browser, o: SiteOptions, served: Served, out: SiteResult): Promise<void> {
  let withBare = false;
  try {
    o.log(`  ${o.label}: bare Pagefind index of the study pages (the search baseline)…`);
    const bare = await writeBarePagefind(o.root);
    o.log(`  ${o.label}: bare index, ${bare.pages} pages in ${(bare.ms / 1000).toFixed(1)} s`);
    withBare = true;
  } catch (error) {
    out.skipped.push(`bare Pagefind baseline: ${reason(error)}`);
  }
  for (const term of o.terms) {
    o.log(`  ${o.label}: Pagefind first query "${term}"…`);
    out.search.push(await searchFirstQuery(browser, served, term, out.skipped, withBare));
  }
}

/** The first outcome the Explore page offers (its select's first non-empty option). */
async function firstOutcome(browser: Browser, served: Served): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/explore/`, { waitUntil: 'domcontentloaded' });
    const value = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('.explore-filters [name=outcome] option')].map((x) => x.value).find(Boolean) ?? null);
    if (!value) throw new Error('the Explore page offers no outcome to filter by');
    return value;
  } finally {
    await context.close();
  }
}
