/**
 * The Explore page in Chromium: time from the first filter interaction to the redrawn results
 * (engine start included, read from the page's performance marks) next to the DuckDB-WASM floor
 * (floor.ts) measured in the same run, then later filter changes (query + re-pool + redraw, and
 * until the next frame is painted).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { estimatesTableQuery, matchQuery, studiesTableQuery, tablesTableQuery, versionQuery, type BoundQuery } from '../../src/lib/explore/sql.ts';
import { parseState, type FilterState, type Vocabulary } from '../../src/lib/explore/state.ts';
import type { RenderContext } from '../../src/lib/explore/render.ts';
import { median } from './lib/stats.ts';
import type { FirstFilter, LaterPhase } from './lib/types.ts';
import { FLOOR_DIR } from './floor.ts';
import { databaseReads, logSince, type Served } from './bytes.ts';

/** A reason a measurement could not be taken (printed, not thrown further). */
export class Skip extends Error {}

/** One filter change: a form field and its new value ('' clears it). */
export interface Change {
  name: string;
  value: string;
}

/** The page's build-time configuration (vocabulary and render context). */
export interface ExploreConfig {
  vocabulary: Vocabulary;
  ctx: RenderContext;
}

const DRAWN = 'explore:results-drawn';

/** The filter state after applying `changes` in order (as the form would hold it). */
export function stateAfter(changes: readonly Change[], vocabulary: Vocabulary): FilterState {
  const fields = new Map<string, string>();
  for (const c of changes) fields.set(c.name, c.value);
  return parseState([...fields].filter(([, v]) => v !== ''), vocabulary).state;
}

/** The statements the page runs for a state: on the first filter, the engine's reading of the review's columns (and its version) first; then the state's match (none when it sets no filter). */
export function queriesFor(state: FilterState, first: boolean): BoundQuery[] {
  const match = matchQuery(state);
  return [...(first ? [studiesTableQuery(), estimatesTableQuery(), tablesTableQuery(), versionQuery()] : []), ...(match ? [match] : [])];
}

async function openExplore(browser: Browser, served: Served): Promise<{ context: BrowserContext; page: Page; config: ExploreConfig }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${served.server.origin}/explore/`, { waitUntil: 'load' });
  if (!response || response.status() !== 200) {
    await context.close();
    throw new Skip(`/explore/ answered ${response?.status() ?? 'nothing'}: the Explore page is missing`);
  }
  await page.waitForLoadState('networkidle');
  const config = await page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-explore]');
    return root ? (JSON.parse(root.dataset.config ?? 'null') as ExploreConfig | null) : null;
  });
  if (!config) {
    await context.close();
    throw new Skip('/explore/ has no [data-explore] element with its configuration');
  }
  return { context, page, config };
}

/** Wait for the n-th results-drawn mark (or an error state); returns false on error. */
async function waitDrawn(page: Page, n: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([name, count]) => performance.getEntriesByName(name as string).length >= (count as number) || document.querySelector('[data-explore-status]')?.getAttribute('data-state') === 'error',
    [DRAWN, n] as const,
    { timeout },
  );
  const error = await page.evaluate(() => (document.querySelector('[data-explore-status]')?.getAttribute('data-state') === 'error' ? document.querySelector('[data-explore-status]')!.textContent : null));
  if (error) throw new Skip(`the Explore page reported an error: ${error}`);
}

/** One real first interaction: select `change` on a fresh page; ms from explore:first-interaction to explore:results-drawn. */
async function realFirst(browser: Browser, served: Served, change: Change): Promise<{ ms: number; afterBytes: number; database: ReturnType<typeof databaseReads>; page: Page; context: BrowserContext; config: ExploreConfig }> {
  const { context, page, config } = await openExplore(browser, served);
  const from = served.server.requests.length;
  await page.selectOption(`.explore-filters [name=${change.name}]`, change.value);
  await waitDrawn(page, 1, 180_000);
  const ms = await page.evaluate(([drawn]) => {
    const f = performance.getEntriesByName('explore:first-interaction')[0];
    const d = performance.getEntriesByName(drawn as string)[0];
    return f && d ? d.startTime - f.startTime : null;
  }, [DRAWN] as const);
  if (ms === null) throw new Skip('the explore:first-interaction / explore:results-drawn marks are missing');
  await page.waitForLoadState('networkidle');
  return { ms, afterBytes: (await logSince(served, from)).bytes, database: databaseReads(served.server.requests.slice(from)), page, context, config };
}

/** Open the floor page in a fresh context and start DuckDB-WASM with `queries`; ms for the whole (bundle import included). */
async function floorFirst(browser: Browser, served: Served, queries: BoundQuery[]): Promise<{ ms: number; page: Page; context: BrowserContext }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${served.server.origin}/${FLOOR_DIR}/`, { waitUntil: 'load' });
  const ms = await page.evaluate(
    async ({ dbUrl, queries: qs }) => {
      const t0 = performance.now();
      const url = './floor.js';
      const floor = (await import(url)) as { runFloor(a: unknown): Promise<unknown> };
      await floor.runFloor({ dbUrl, queries: qs });
      return performance.now() - t0;
    },
    { dbUrl: `${served.server.origin}/data/review.duckdb`, queries },
  );
  return { ms, page, context };
}

/** First filter interaction vs floor, `runs` times each, alternating which goes first; the last real page is left open for later changes. */
export async function firstFilter(browser: Browser, served: Served, change: Change, runs: number): Promise<{ result: FirstFilter; page: Page; context: BrowserContext; config: ExploreConfig; floor: Page; floorContext: BrowserContext }> {
  const realMs: number[] = [];
  const floorMs: number[] = [];
  let afterBytes: number[] = [];
  const database: ReturnType<typeof databaseReads>[] = [];
  let last: Awaited<ReturnType<typeof realFirst>> | null = null;
  let lastFloor: Awaited<ReturnType<typeof floorFirst>> | null = null;
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 === 0 ? ['real', 'floor'] : ['floor', 'real']) {
      if (which === 'real') {
        await last?.context.close();
        last = await realFirst(browser, served, change);
        realMs.push(last.ms);
        afterBytes.push(last.afterBytes);
        database.push(last.database);
      } else {
        if (!last) continue; // the floor needs the page's vocabulary: run it after the first real run
        await lastFloor?.context.close();
        lastFloor = await floorFirst(browser, served, queriesFor(stateAfter([change], last.config.vocabulary), true));
        floorMs.push(lastFloor.ms);
      }
    }
  }
  if (!lastFloor) lastFloor = await floorFirst(browser, served, queriesFor(stateAfter([change], last!.config.vocabulary), true));
  if (floorMs.length < realMs.length) floorMs.push(lastFloor.ms);
  afterBytes = afterBytes.filter((b) => b > 0);
  return {
    result: {
      state: `${change.name}=${change.value}`,
      realMs,
      floorMs,
      afterBytes: median(afterBytes),
      databaseBytes: median(database.map((d) => d.bytes)),
      databaseRanges: median(database.map((d) => d.ranges)),
      databaseFullReads: Math.max(0, ...database.map((d) => d.fullReads)),
    },
    page: last!.page,
    context: last!.context,
    config: last!.config,
    floor: lastFloor.page,
    floorContext: lastFloor.context,
  };
}

/**
 * A varied sequence of later filter changes from the page's vocabulary (each keeps the earlier ones,
 * as a reader's form does). After the sweep over outcomes, the form goes back to `hold` (when given:
 * the outcome with the most 2×2 tables) for the measure, journal and status changes, so those
 * re-pool its tables bivariately rather than act on whichever outcome the sweep ended on.
 */
export function laterChanges(v: Vocabulary, hold: string | null = null): Change[] {
  const swept = v.outcomes.slice(0, 8);
  const back = hold !== null && v.outcomes.includes(hold) && swept.at(-1) !== hold ? [{ name: 'outcome', value: hold }] : [];
  return [
    ...swept.map((value) => ({ name: 'outcome', value })),
    ...back,
    ...v.measures.slice(0, 3).map((value) => ({ name: 'measure', value })),
    { name: 'measure', value: '' },
    ...v.journals.slice(0, 3).map((value) => ({ name: 'journal', value })),
    { name: 'journal', value: '' },
    ...v.statuses.filter((s) => s !== 'included').map((value) => ({ name: 'status', value })),
    { name: 'status', value: '' },
    { name: 'outcome', value: '' },
    ...v.outcomes.slice(0, 2).map((value) => ({ name: 'outcome', value })),
  ];
}

/**
 * Apply each change on a page whose engine already runs; per change: query → drawn, query →
 * painted, rows drawn, and (with a floor page whose engine runs) right after it the same state's
 * statements on the floor (states[i] is the state after change i).
 */
export async function applyChanges(page: Page, changes: readonly Change[], timeoutMs: number, floor?: { page: Page; states: readonly FilterState[] }): Promise<{ drawnMs: number[]; paintMs: number[]; rows: number[]; floorMs: number[]; phases: LaterPhase[]; done: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __painted: number | null };
    const results = document.querySelector('[data-explore-results]')!;
    new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => (w.__painted = performance.now()), 0))).observe(results, { childList: true });
  });
  const out = { drawnMs: [] as number[], paintMs: [] as number[], rows: [] as number[], floorMs: [] as number[], phases: [] as LaterPhase[], done: 0 };
  for (const [i, c] of changes.entries()) {
    const before = await page.evaluate(([name]) => {
      (window as unknown as { __painted: number | null }).__painted = null;
      return performance.getEntriesByName(name as string).length;
    }, [DRAWN] as const);
    await page.selectOption(`.explore-filters [name=${c.name}]`, c.value);
    await waitDrawn(page, before + 1, timeoutMs);
    await page.waitForFunction(() => (window as unknown as { __painted: number | null }).__painted !== null, null, { timeout: timeoutMs });
    const t = await page.evaluate(([name]) => {
      const last = (n: string) => performance.getEntriesByName(n).at(-1)!.startTime;
      const start = last('explore:query-start');
      // Rows drawn: the forest-plot rows in the results (each plot draws at most its first rows).
      const rows = document.querySelectorAll('[data-explore-results] g.forest-row').length;
      const [matched, selected, drawn] = ['explore:matched', 'explore:selected', name as string].map(last) as [number, number, number];
      const phases = matched >= start && selected >= matched ? { queryMs: matched - start, poolMs: selected - matched, drawMs: drawn - selected } : null;
      return { drawn: drawn - start, painted: (window as unknown as { __painted: number }).__painted - start, rows, phases };
    }, [DRAWN] as const);
    out.drawnMs.push(t.drawn);
    out.paintMs.push(t.painted);
    out.rows.push(t.rows);
    if (t.phases) out.phases.push(t.phases);
    if (floor) out.floorMs.push(await floorQueryTime(floor.page, floor.states[i]!));
    out.done++;
  }
  return out;
}

/** On the floor page (engine open), the DuckDB time alone of a later change to `state` (its match statement; 0 when it runs none), ms. */
export async function floorQueryTime(floor: Page, state: FilterState): Promise<number> {
  return floor.evaluate(async (qs) => {
    const url = './floor.js';
    const f = (await import(url)) as { queryOnly(q: unknown): Promise<{ ms: number }> };
    return (await f.queryOnly(qs)).ms;
  }, queriesFor(state, false));
}
