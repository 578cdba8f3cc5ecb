/**
 * The explore client, loaded by boot.ts on first interaction: starts DuckDB-WASM, then on every
 * filter change runs the bound SQL (src/lib/explore/sql.ts), re-pools and redraws with the same
 * renderer the build used (src/lib/explore/render.ts → synthesize, layoutForest, renderForestSvg),
 * and keeps the filters in the URL. Performance marks: explore:first-interaction (boot.ts),
 * explore:query-start and explore:results-drawn on every run.
 */
import { renderResults } from '../../lib/explore/render.ts';
import type { ExploreResult } from '../../lib/explore/rows.ts';
import { estimatesQuery, studiesQuery, totalQuery, versionQuery } from '../../lib/explore/sql.ts';
import { parseState, serializeState, type FilterState } from '../../lib/explore/state.ts';
import { databaseUrl, openEngine, type Engine } from './engine.ts';
import { formPairs, setStatus, showNotices, type ExplorePage } from './page.ts';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

async function select(engine: Engine, state: FilterState): Promise<ExploreResult> {
  const studies = await engine.query(studiesQuery(state));
  const estimates = await engine.query(estimatesQuery(state));
  return { studies, estimates } as unknown as ExploreResult;
}

/** Start the engine and take over the form; resolves false (prerendered list kept, message shown) when the engine fails. */
export async function startExplore(page: ExplorePage): Promise<boolean> {
  const { form, results } = page;
  results.setAttribute('aria-busy', 'true');
  let engine: Engine;
  let total: number;
  try {
    engine = await openEngine(databaseUrl());
    total = Number((await engine.query(totalQuery()))[0]?.n ?? 0);
    page.root.dataset.engine = String((await engine.query(versionQuery()))[0]?.v ?? '');
  } catch (error) {
    results.removeAttribute('aria-busy');
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error);
    setStatus(page, 'error', `The filters could not start (${reason}). The list below shows every study, unfiltered.`);
    return false;
  }
  const ctx = { ...page.ctx, total };
  let seq = 0;
  const run = async (fromForm: boolean) => {
    const mine = ++seq;
    const { state, notices } = parseState(formPairs(form), page.vocabulary);
    if (fromForm) showNotices(page, notices);
    performance.mark('explore:query-start');
    results.setAttribute('aria-busy', 'true');
    try {
      const result = await select(engine, state);
      if (mine !== seq) return; // a newer change is already running
      results.innerHTML = renderResults(result, ctx); // escaped by renderResults, like the prerender
      const n = result.studies.length;
      setStatus(page, 'ready', `Showing ${plural(n, 'study', 'studies')} of ${total}; ${plural(total - n, 'study', 'studies')} excluded by the filter.`);
      const query = serializeState(state);
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      history.replaceState(history.state, '', url);
      page.permalink.href = url;
      page.permalink.hidden = !query;
      performance.mark('explore:results-drawn');
    } catch (error) {
      if (mine !== seq) return;
      setStatus(page, 'error', `The filter could not be applied (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    } finally {
      if (mine === seq) results.removeAttribute('aria-busy');
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
  return true;
}
