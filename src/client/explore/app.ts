/**
 * The explore client, loaded by boot.ts on first interaction: starts DuckDB-WASM, then on every
 * filter change runs the bound SQL (src/lib/explore/sql.ts: a page of studies, the counts, the
 * pooling numbers of every matching estimate, then the full rows of only the ones drawn), re-pools
 * all of them (synthesizeRows in src/lib/site/synthesis-rows.ts) and re-pools the matching 2×2
 * tables with the bivariate model (synthesizeDta, the outcome pages' code), redraws with the renderer the
 * build used (render.ts: the first rows of each plot) and then, once painted, keeps the filters in
 * the URL; "Show more" appends the next page of studies. Performance marks: explore:first-interaction
 * (boot.ts), explore:query-start and explore:results-drawn on every filter run.
 */
import { plural, moreNote, studyItems } from '../../lib/explore/render-studies.ts';
import { renderResults } from '../../lib/explore/render.ts';
import { synthesizeRows, type PoolGroup } from '../../lib/site/synthesis-rows.ts';
import { dtaInputOf, type ExploreStudy, type ExploreTable } from '../../lib/explore/rows.ts';
import { synthesizeDta } from '../../lib/site/dta-synthesis.ts';
import { drawnRowIds } from '../../lib/explore/pool-columns.ts';
import { drawnQuery, groupsQuery, poolQuery, studiesQuery, tablesQuery, totalQuery, versionQuery } from '../../lib/explore/sql.ts';
import { EMPTY_STATE, parseState, serializeState, type FilterState } from '../../lib/explore/state.ts';
import { FOREST_ROWS, STUDY_PAGE, type ExploreView } from '../../lib/explore/view.ts';
import { databaseUrl, openEngine, type Engine } from './engine.ts';
import { formPairs, revealMore, setStatus, showNotices, type ExplorePage } from './page.ts';
import { estimateRowsOf, poolRowsOf, rowsOf } from './read.ts';

/** A running explore client. */
export interface Explorer {
  /** Append the next page of matching studies (the "Show more" button). */
  more(): Promise<void>;
}

type PageRow = ExploreStudy & { matching?: number };

async function studyPage(engine: Engine, state: FilterState, offset: number): Promise<{ studies: ExploreStudy[]; matching: number }> {
  const rows = rowsOf<PageRow>(await engine.query(studiesQuery(state, STUDY_PAGE, offset)));
  const matching = rows[0]?.matching ?? 0;
  return { studies: rows.map(({ matching: _m, ...s }) => s), matching };
}

async function select(engine: Engine, state: FilterState): Promise<ExploreView> {
  // Sent together: the worker runs them in turn while this thread reads each result as it comes.
  const [page, groupsTable, pool, tables] = await Promise.all([studyPage(engine, state, 0), engine.query(groupsQuery(state)), engine.query(poolQuery(state)), engine.query(tablesQuery(state))]);
  const groups = rowsOf<PoolGroup>(groupsTable);
  const drawn = await engine.query(drawnQuery(drawnRowIds(groups, estimateRowsOf(pool), FOREST_ROWS)));
  const rows = poolRowsOf(pool, groups, drawn);
  const dta = synthesizeDta(rowsOf<ExploreTable & { title: string; status: string }>(tables).map(dtaInputOf));
  return { matching: page.matching, estimates: groups.reduce((n, g) => n + g.estimates, 0), studies: page.studies, syntheses: synthesizeRows(rows, FOREST_ROWS), dta };
}

/** Run `f` once the redrawn results are painted and the page is idle (the address follows them: Chromium's replaceState takes 20–80 ms on this page). */
function afterPaint(f: () => unknown): void {
  requestAnimationFrame(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 500 }) : setTimeout(f, 50)));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error);
}

/** Start the engine and take over the form; null (prerendered list kept, message shown) when the engine fails. */
export async function startExplore(page: ExplorePage): Promise<Explorer | null> {
  const { form, results } = page;
  results.setAttribute('aria-busy', 'true');
  let engine: Engine;
  let total: number;
  try {
    engine = await openEngine(databaseUrl());
    total = rowsOf<{ n: number }>(await engine.query(totalQuery()))[0]?.n ?? 0;
    page.root.dataset.engine = String(rowsOf<{ v: string }>(await engine.query(versionQuery()))[0]?.v ?? '');
  } catch (error) {
    results.removeAttribute('aria-busy');
    setStatus(page, 'error', `The filters could not start (${reason(error)}). The list below shows every study, unfiltered.`);
    return null;
  }
  const ctx = { ...page.ctx, total };
  let seq = 0;
  let shownState: FilterState = EMPTY_STATE;
  const run = async (fromForm: boolean) => {
    const mine = ++seq;
    const { state, notices } = parseState(formPairs(form), page.vocabulary);
    if (fromForm) showNotices(page, notices);
    performance.mark('explore:query-start');
    results.setAttribute('aria-busy', 'true');
    try {
      const view = await select(engine, state);
      if (mine !== seq) return; // a newer change is already running
      results.innerHTML = renderResults(view, ctx); // escaped by renderResults, like the prerender
      revealMore(page);
      shownState = state;
      const n = view.matching;
      setStatus(page, 'ready', `Showing ${plural(n, 'study', 'studies')} of ${total}; ${plural(total - n, 'study', 'studies')} excluded by the filter.`);
      const query = serializeState(state);
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      page.permalink.href = url;
      page.permalink.hidden = !query;
      performance.mark('explore:results-drawn');
      afterPaint(() => mine === seq && history.replaceState(history.state, '', url));
    } catch (error) {
      if (mine !== seq) return;
      setStatus(page, 'error', `The filter could not be applied (${reason(error)}).`);
    } finally {
      if (mine === seq) results.removeAttribute('aria-busy');
    }
  };
  const more = async () => {
    const note = results.querySelector<HTMLElement>('.explore-more');
    const list = results.querySelector<HTMLElement>('.explore-studies');
    if (!note || !list) return;
    const mine = seq;
    const shown = Number(note.dataset.shown);
    note.querySelector('button')?.setAttribute('disabled', '');
    try {
      const { studies, matching } = await studyPage(engine, shownState, shown);
      if (mine !== seq || !note.isConnected) return; // the filters changed meanwhile
      const first = list.children.length;
      list.insertAdjacentHTML('beforeend', studyItems(studies, ctx.base));
      note.outerHTML = moreNote(shown + studies.length, matching || shown, ctx.base);
      revealMore(page);
      list.children[first]?.querySelector('a')?.focus();
      setStatus(page, 'ready', `Listed ${(shown + studies.length).toLocaleString('en-US')} of ${plural(Math.max(matching, shown), 'matching study', 'matching studies')}.`);
    } catch (error) {
      if (mine === seq) setStatus(page, 'error', `More studies could not be listed (${reason(error)}).`);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(true), 150);
  };
  form.addEventListener('input', (event) => (event.target instanceof HTMLSelectElement ? void run(true) : soon()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(true);
  });
  await run(false);
  return { more };
}
