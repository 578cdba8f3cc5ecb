/**
 * The explore client, loaded by boot.ts on first interaction: starts DuckDB-WASM and reads the
 * review's studies, estimates and 2×2 tables into columns once (src/lib/explore/columns.ts), then on
 * every filter change runs one bound statement (sql.ts matchQuery: the row ids that pass the
 * filters), assembles and re-pools the matching rows from the columns (synthesizeRows, with each
 * estimate's effect computed once; synthesizeDta for the 2×2 tables, kept for the last few sets of
 * tables), redraws with the renderer the build used (render.ts: the first rows of each plot) and
 * then, once painted, keeps the filters in the URL; "Show more" appends the next page of the
 * matching studies. Performance marks: explore:first-interaction (boot.ts), and on every filter
 * run explore:query-start, explore:matched (the statement's rows are here), explore:selected
 * (assembled and re-pooled) and explore:results-drawn.
 */
import { plural, moreNote, studyItems } from '../../lib/explore/render-studies.ts';
import { resultParts, type RenderContext } from '../../lib/explore/render.ts';
import { indexColumns, selectView, studiesAt, warmEffects, type ExploreIndex, type Selection } from '../../lib/explore/columns.ts';
import { estimatesTableQuery, matchQuery, studiesTableQuery, tablesTableQuery, versionQuery } from '../../lib/explore/sql.ts';
import { parseState, serializeState, type FilterState } from '../../lib/explore/state.ts';
import { STUDY_PAGE } from '../../lib/explore/view.ts';
import { databaseUrl, openEngine, type Engine } from './engine.ts';
import { formPairs, revealMore, setStatus, showNotices, type ExplorePage } from './page.ts';
import { forget, redraw, type Drawn } from './patch.ts';
import { estimateColumnsOf, matchColumnsOf, rowsOf, studyColumnsOf, tableColumnsOf } from './read.ts';

/** A running explore client. */
export interface Explorer {
  /** Append the next page of matching studies (the "Show more" button). */
  more(): Promise<void>;
}

/** Read the review's columns (sent together: the worker runs them in turn while this thread reads each result as it comes). */
async function readIndex(engine: Engine): Promise<ExploreIndex> {
  const [studies, estimates, tables] = await Promise.all([engine.query(studiesTableQuery()), engine.query(estimatesTableQuery()), engine.query(tablesTableQuery())]);
  return indexColumns(studyColumnsOf(studies), estimateColumnsOf(estimates), tableColumnsOf(tables));
}

/** A filter state's selection: its one match statement (none when no filter is set), then the columns. */
async function select(engine: Engine, index: ExploreIndex, state: FilterState): Promise<Selection> {
  const q = matchQuery(state);
  const match = q ? matchColumnsOf(await engine.query(q)) : null;
  performance.mark('explore:matched');
  const selection = selectView(index, state, match);
  performance.mark('explore:selected');
  return selection;
}

/** Run `f` once the redrawn results are painted and the page is idle (the address follows them: Chromium's replaceState takes 20–80 ms on this page). */
function afterPaint(f: () => unknown): void {
  requestAnimationFrame(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 500 }) : setTimeout(f, 50)));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error);
}

/** The engine, the review's columns and what the page shows now. */
interface Session {
  page: ExplorePage;
  engine: Engine;
  index: ExploreIndex;
  ctx: RenderContext;
  /** Number of the latest filter run (an older run that finishes late draws nothing). */
  seq: number;
  /** The selection drawn. */
  shown: Selection | null;
  /** Its elements, by the HTML each was drawn from (kept where the next selection draws the same). */
  drawn: Drawn | null;
}

/** Start the engine and read the columns; null (prerendered list kept, message shown) when the engine fails. */
async function startSession(page: ExplorePage): Promise<Session | null> {
  page.results.setAttribute('aria-busy', 'true');
  try {
    const engine = await openEngine(databaseUrl());
    const [index, version] = await Promise.all([readIndex(engine), engine.query(versionQuery())]);
    page.root.dataset.engine = String(rowsOf<{ v: string }>(version)[0]?.v ?? '');
    return { page, engine, index, ctx: { ...page.ctx, total: index.total }, seq: 0, shown: null, drawn: null };
  } catch (error) {
    page.results.removeAttribute('aria-busy');
    setStatus(page, 'error', `The filters could not start (${reason(error)}). The list below shows every study, unfiltered.`);
    return null;
  }
}

/** Put a selection on the page: the results, the status line and the link to this view (the address follows once painted). */
function draw(s: Session, state: FilterState, selection: Selection, mine: number): void {
  const { page, ctx } = s;
  s.drawn = redraw(page.results, resultParts(selection.view, ctx), s.drawn);
  revealMore(page);
  s.shown = selection;
  const n = selection.view.matching;
  setStatus(page, 'ready', `Showing ${plural(n, 'study', 'studies')} of ${ctx.total}; ${plural(ctx.total - n, 'study', 'studies')} excluded by the filter.`);
  const query = serializeState(state);
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  page.permalink.href = url;
  page.permalink.hidden = !query;
  performance.mark('explore:results-drawn');
  afterPaint(() => mine === s.seq && history.replaceState(history.state, '', url));
}

/** Apply the form's filters (`fromForm`: show the notices about ignored values). */
async function run(s: Session, fromForm: boolean): Promise<void> {
  const { page } = s;
  const mine = ++s.seq;
  const { state, notices } = parseState(formPairs(page.form), page.vocabulary);
  if (fromForm) showNotices(page, notices);
  performance.mark('explore:query-start');
  page.results.setAttribute('aria-busy', 'true');
  try {
    const selection = await select(s.engine, s.index, state);
    if (mine !== s.seq) return; // a newer change is already running
    draw(s, state, selection, mine);
  } catch (error) {
    if (mine === s.seq) setStatus(page, 'error', `The filter could not be applied (${reason(error)}).`);
  } finally {
    if (mine === s.seq) page.results.removeAttribute('aria-busy');
  }
}

/** Append the next page of the matching studies after the ones listed. */
async function more(s: Session): Promise<void> {
  const { page } = s;
  const note = page.results.querySelector<HTMLElement>('.explore-more');
  const list = page.results.querySelector<HTMLElement>('.explore-studies');
  if (!note || !list || !s.shown) return;
  const shown = Number(note.dataset.shown);
  const matching = s.shown.studies;
  const studies = studiesAt(s.index, matching, shown, STUDY_PAGE);
  forget(s.drawn, list); // the list grows: the next filter run draws it again
  const first = list.children.length;
  list.insertAdjacentHTML('beforeend', studyItems(studies, s.ctx.base));
  note.outerHTML = moreNote(shown + studies.length, matching.length, s.ctx.base);
  revealMore(page);
  list.children[first]?.querySelector('a')?.focus();
  setStatus(page, 'ready', `Listed ${(shown + studies.length).toLocaleString('en-US')} of ${plural(matching.length, 'matching study', 'matching studies')}.`);
}

/** Run the filters on every change of the form: at once for a select, after a pause in typing otherwise, and on submit. */
function listen(s: Session): void {
  const { form } = s.page;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(s, true), 150);
  };
  form.addEventListener('input', (event) => (event.target instanceof HTMLSelectElement ? void run(s, true) : soon()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(s, true);
  });
}

/** In idle time, compute every estimate's effect on its pooling scale (what a first re-pool of a group spends most of its time on). */
function warm(index: ExploreIndex): void {
  if (typeof requestIdleCallback !== 'function') return;
  let at = 0;
  const step = (deadline: IdleDeadline) => {
    at = warmEffects(index, at, () => deadline.timeRemaining() > 2);
    if (at < index.estimates.length) requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/** Start the engine and take over the form; null (prerendered list kept, message shown) when the engine fails. */
export async function startExplore(page: ExplorePage): Promise<Explorer | null> {
  const s = await startSession(page);
  if (!s) return null;
  listen(s);
  await run(s, false);
  warm(s.index);
  return {
    async more() {
      try {
        await more(s);
      } catch (error) {
        setStatus(page, 'error', `More studies could not be listed (${reason(error)}).`);
      }
    },
  };
}
