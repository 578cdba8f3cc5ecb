/**
 * Pagefind's first query in Chromium: through the header search box on the home page (time from
 * focus and typing to the first results shown: the box starts loading Pagefind on focus and waits
 * its 150 ms debounce meanwhile; the bytes of every request after the focus), through Pagefind's
 * API alone in a blank page of the same site, with the options the site passes (import, init, search, first 5 results' data, each
 * timed; the median of five cold starts, alternating with the same on a bare Pagefind index of the
 * same study pages, the baseline: scripts/bench/search-bare.ts), and through the search page (/search/?q=…), which loads the data of the first 20 hits (its first page).
 */
import type { Browser } from 'playwright-core';
import type { SearchResult } from './lib/types.ts';
import { FLOOR_DIR } from './floor.ts';
import { logSince, type Served } from './bytes.ts';
import { Skip } from './explore.ts';
import { BARE_DIR } from './search-bare.ts';
import { PAGEFIND_OPTIONS } from '../../src/client/search-options.ts';

type ApiRun = { apiMs: number; apiBytes: number; apiPhases: NonNullable<SearchResult['apiPhases']> };

async function headerBox(browser: Browser, served: Served, term: string): Promise<Pick<SearchResult, 'boxMs' | 'boxBytes' | 'total'>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    if (!(await page.$('[data-search-box] input[name=q]'))) throw new Skip('no header search box ([data-search-box]) on the home page');
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __done: number | null; __text: string };
      const box = document.querySelector('[data-search-box]')!;
      const status = box.querySelector('[data-search-status]')!;
      w.__done = null;
      box.querySelector('input')!.addEventListener('focus', () => (w.__t0 = performance.now()), { once: true });
      new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (w.__done === null && /found|No study|could not/.test(text)) [w.__done, w.__text] = [performance.now(), text];
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const from = served.server.requests.length;
    await page.focus('[data-search-box] input[name=q]');
    await page.keyboard.insertText(term);
    await page.waitForFunction(() => (window as unknown as { __done: number | null }).__done !== null, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const r = await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __done: number; __text: string };
      return { ms: w.__done - w.__t0, text: w.__text };
    });
    if (/could not/.test(r.text)) throw new Skip(`the search box reported: ${r.text}`);
    const m = /^(\d+)/.exec(r.text);
    return { boxMs: r.ms, boxBytes: (await logSince(served, from)).bytes, total: m ? Number(m[1]) : 0 };
  } finally {
    await context.close();
  }
}

/** One cold start of Pagefind's API from the bundle at `bundle` (a URL path ending in /pagefind/): import, init, search, the first 5 results' data, then a warm second query. */
async function apiAlone(browser: Browser, served: Served, term: string, bundle: string, options: Record<string, unknown>): Promise<ApiRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/${FLOOR_DIR}/`, { waitUntil: 'load' });
    const from = served.server.requests.length;
    const phases = await page.evaluate(async ({ q, b, o }) => {
      const t = [performance.now()];
      const url = `${b}pagefind.js`;
      const pf = (await import(url)) as { options(o: unknown): Promise<void>; init(): Promise<void>; search(t: string): Promise<{ results: { data(): Promise<unknown> }[] }> };
      (window as unknown as { __pf: typeof pf }).__pf = pf;
      t.push(performance.now());
      await pf.options({ baseUrl: '/', ...o });
      await pf.init();
      t.push(performance.now());
      const found = await pf.search(q);
      t.push(performance.now());
      await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
      t.push(performance.now());
      return { importMs: t[1]! - t[0]!, initMs: t[2]! - t[1]!, searchMs: t[3]! - t[2]!, dataMs: t[4]! - t[3]! };
    }, { q: term, b: bundle, o: options });
    const apiMs = phases.importMs + phases.initMs + phases.searchMs + phases.dataMs;
    const apiBytes = (await logSince(served, from)).bytes;
    // A second query in the warm engine (another, common word: new index chunk and fragments, no start-up).
    const warmMs = await page.evaluate(async () => {
      const pf = (window as unknown as { __pf: { search(t: string): Promise<{ results: { data(): Promise<unknown> }[] }> } }).__pf;
      const t0 = performance.now();
      const again = await pf.search('model');
      await Promise.all(again.results.slice(0, 5).map((r) => r.data()));
      return performance.now() - t0;
    });
    return { apiMs, apiBytes, apiPhases: { ...phases, warmMs } };
  } finally {
    await context.close();
  }
}

async function searchPage(browser: Browser, served: Served, term: string): Promise<Pick<SearchResult, 'pageMs' | 'pageBytes' | 'pageRequests'>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const from = served.server.requests.length;
    const response = await page.goto(`${served.server.origin}/search/?q=${encodeURIComponent(term)}`, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Skip('no /search/ page');
    // The page's own status line (the header box has one too, earlier in the document).
    await page.waitForFunction(() => /match|could not/.test(document.querySelector('.search-results [role=status]')?.textContent ?? ''), null, { timeout: 60_000 });
    const ms = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    const log = await logSince(served, from);
    return { pageMs: ms, pageBytes: log.bytes, pageRequests: log.requests };
  } finally {
    await context.close();
  }
}

/** Cold starts per bundle (ours, and the bare baseline beside it). */
const API_RUNS = 5;

/** All three measurements for one term, and Pagefind's API alone on the bare baseline bundle when `withBare` (scripts/bench/search-bare.ts); parts that cannot run are left null with the reason in `skipped`. */
export async function searchFirstQuery(browser: Browser, served: Served, term: string, skipped: string[], withBare: boolean): Promise<SearchResult> {
  const out: SearchResult = { term, boxMs: null, boxBytes: null, total: null, apiMs: null, apiBytes: null, apiPhases: null, apiRange: null, bare: null, pageMs: null, pageBytes: null, pageRequests: null };
  const attempt = async <T extends Partial<SearchResult>>(what: string, f: () => Promise<T>) => {
    try {
      Object.assign(out, await f());
    } catch (error) {
      skipped.push(`search "${term}" ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  await attempt('header box', () => headerBox(browser, served, term));
  await attempt('Pagefind API', async () => {
    // A cold start is a single-shot measurement: the median of API_RUNS fresh contexts, ours and the bare
    // index alternating so both see the same machine load.
    const ours: ApiRun[] = [];
    const bare: ApiRun[] = [];
    for (let i = 0; i < API_RUNS; i++) {
      ours.push(await apiAlone(browser, served, term, '/pagefind/', PAGEFIND_OPTIONS));
      if (withBare) bare.push(await apiAlone(browser, served, term, `/${BARE_DIR}/pagefind/`, {}));
    }
    const mid = (runs: ApiRun[]) => runs.sort((a, b) => a.apiMs - b.apiMs)[Math.floor(runs.length / 2)]!;
    const o = mid(ours);
    const b = bare.length ? mid(bare) : null;
    return { ...o, apiRange: [ours[0]!.apiMs, ours.at(-1)!.apiMs], bare: b ? { apiMs: b.apiMs, apiBytes: b.apiBytes, apiPhases: b.apiPhases, apiRange: [bare[0]!.apiMs, bare.at(-1)!.apiMs] } : null };
  });
  await attempt('search page', () => searchPage(browser, served, term));
  return out;
}
