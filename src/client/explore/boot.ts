/**
 * The Explore page's bootstrap, the only script loaded with the page: it restores the fields from
 * the URL and loads the explore client (DuckDB-WASM, ~8 MB compressed) on the reader's first focus or input
 * in the filters (or first "Show more"), never on page load (DESIGN.md decision 3).
 */
import { isEmptyState, parseState } from '../../lib/explore/state.ts';
import type { Explorer } from './app.ts';
import { explorePage, fillForm, revealMore, setStatus, showNotices } from './page.ts';

const page = explorePage();
if (page) {
  let started: Promise<Explorer | null> | null = null;
  let failed = false;
  const start = (): Promise<Explorer | null> => {
    if (started) return started;
    performance.mark('explore:first-interaction');
    setStatus(page, 'loading', 'Starting the query engine (about 8 MB compressed, loaded once)…');
    started = import('./app.ts')
      .then((app) => app.startExplore(page))
      .catch(() => null)
      .then((explorer) => {
        failed = !explorer;
        if (failed) for (const b of page.results.querySelectorAll<HTMLElement>('[data-explore-more]')) b.hidden = true;
        if (failed && page.status.dataset.state !== 'error') setStatus(page, 'error', 'The filters could not be loaded. The list below shows every study, unfiltered.');
        return explorer;
      });
    return started;
  };
  page.form.addEventListener('focusin', start);
  page.form.addEventListener('input', start);
  // Before the client takes over (and after it failed) a submit would only reload the unfiltered page.
  page.form.addEventListener('submit', (event) => {
    if (!failed) event.preventDefault();
    void start();
  });

  // "Show more" lists the next page of studies through the engine (started by the first click).
  revealMore(page);
  page.results.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-explore-more]')) return;
    void start().then((explorer) => explorer?.more());
  });

  const { state, notices } = parseState(location.search, page.vocabulary);
  showNotices(page, notices);
  if (location.search) fillForm(page.form, state);
  // The one exception to loading on interaction: a permalink with filters needs the engine at
  // once to restore its view. A URL whose parameters were all ignored shows the notice only.
  if (!isEmptyState(state)) void start();
}
