/**
 * Pagefind's first query in Chromium: through the header search box on the home page (time from
 * focus and typing to the first results shown: the box starts loading Pagefind on focus and waits
 * its 150 ms debounce meanwhile; the bytes of every request after the focus), through Pagefind's
 * API alone in a blank page of the same site (import, init, search, first 5 results' data, each
 * timed; the median of three cold starts), and through the search page (/search/?q=…), which loads the data of the first 20 hits (its first page).
 */
import type { Browser } from 'playwright-core';
import type { SearchResult } from './lib/types.ts';
import { FLOOR_DIR } from './floor.ts';
import { logSince, type Served } from './bytes.ts';
import { Skip } from './explore.ts';

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

async function apiAlone(browser: Browser, served: Served, term: string): Promise<Pick<SearchResult, 'apiMs' | 'apiBytes' | 'apiPhases'>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/${FLOOR_DIR}/`, { waitUntil: 'load' });
    const from = served.server.requests.length;
    const phases = await page.evaluate(async (q) => {
      const t = [performance.now()];
      const url = '/pagefind/pagefind.js';
      const pf = (await import(url)) as { options(o: unknown): Promise<void>; init(): Promise<void>; search(t: string): Promise<{ results: { data(): Promise<unknown> }[] }> };
      (window as unknown as { __pf: typeof pf }).__pf = pf;
      t.push(performance.now());
      await pf.options({ baseUrl: '/' });
      await pf.init();
      t.push(performance.now());
      const found = await pf.search(q);
      t.push(performance.now());
      await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
      t.push(performance.now());
      return { importMs: t[1]! - t[0]!, initMs: t[2]! - t[1]!, searchMs: t[3]! - t[2]!, dataMs: t[4]! - t[3]! };
    }, term);
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

/** All three measurements for one term; parts that cannot run are left null with the reason in `skipped`. */
export async function searchFirstQuery(browser: Browser, served: Served, term: string, skipped: string[]): Promise<SearchResult> {
  const out: SearchResult = { term, boxMs: null, boxBytes: null, total: null, apiMs: null, apiBytes: null, apiPhases: null, pageMs: null, pageBytes: null, pageRequests: null };
  const attempt = async <T extends Partial<SearchResult>>(what: string, f: () => Promise<T>) => {
    try {
      Object.assign(out, await f());
    } catch (error) {
      skipped.push(`search "${term}" ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  await attempt('header box', () => headerBox(browser, served, term));
  await attempt('Pagefind API', async () => {
    // A cold start is a single-shot measurement: take the median of three fresh contexts.
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await apiAlone(browser, served, term));
    return runs.sort((a, b) => a.apiMs! - b.apiMs!)[1]!;
  });
  await attempt('search page', () => searchPage(browser, served, term));
  return out;
}
