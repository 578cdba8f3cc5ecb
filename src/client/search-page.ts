/**
 * The search page: query box, filter facets and results, all kept in the address
 * (?q=…&status=excluded&journal=…) so a search can be bookmarked and shared.
 * Pagefind is loaded when the page opens with a query or filters in its address (the reader
 * asked for results), otherwise only when the reader focuses the box or submits it.
 * Address values only ever reach the page as input values and textContent.
 */
import { filterCounts, loadPagefind, preloadTerm, searchStudies, type FilterCounts, type SearchFilters } from './search-pagefind.ts';
import { renderHits, resultItem } from './search-render.ts';

/** Results loaded at a time: Pagefind fetches one file per result shown (2,297 hits were 2,316 requests when all were loaded). */
const PAGE = 20;

/** Facets in the order they are shown, with their labels. */
const FACETS: [name: string, label: string][] = [
  ['status', 'Screening status'],
  ['outcome', 'Outcome'],
  ['measure', 'Measure'],
  ['journal', 'Journal'],
  ['year', 'Year'],
];

const form = document.querySelector<HTMLFormElement>('form[data-search-page]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const facets = document.querySelector<HTMLElement>('[data-results-facets]')!;
const status = document.querySelector<HTMLElement>('[data-results-status]')!;
const results = document.querySelector<HTMLElement>('[data-results-list]')!;
const moreButton = document.querySelector<HTMLButtonElement>('[data-results-more]')!;

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
const selected: SearchFilters = Object.fromEntries(FACETS.map(([name]) => [name, params.getAll(name)]));
let seq = 0;
let facetsShown = false;

function writeAddress(): void {
  const next = new URLSearchParams();
  if (input.value.trim()) next.set('q', input.value.trim());
  for (const [name] of FACETS) for (const v of selected[name] ?? []) next.append(name, v);
  const qs = next.toString();
  history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
}

function renderFacets(counts: FilterCounts): void {
  const groups = FACETS.filter(([name]) => counts[name] && Object.keys(counts[name]!).length > 0).map(([name, label]) => {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    const values = Object.entries(counts[name]!).sort(([a], [b]) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    for (const [value, n] of values) {
      const labelEl = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = selected[name]!.includes(value);
      box.addEventListener('change', () => {
        selected[name] = box.checked ? [...selected[name]!, value] : selected[name]!.filter((v) => v !== value);
        writeAddress();
        void run();
      });
      labelEl.append(box, ` ${value} (${n})`);
      fieldset.append(labelEl);
    }
    return fieldset;
  });
  facets.querySelectorAll('fieldset').forEach((f) => f.remove());
  facets.append(...groups);
  facets.hidden = groups.length === 0;
}

async function showFacets(): Promise<void> {
  if (facetsShown) return;
  facetsShown = true;
  try {
    renderFacets(await filterCounts());
  } catch {
    facetsShown = false;
  }
}

function describe(total: number, term: string): string {
  const active = FACETS.flatMap(([name]) => selected[name]!.map((v) => `${name}: ${v}`));
  const what = [term ? `“${term}”` : '', active.length ? `filters ${active.join(', ')}` : ''].filter(Boolean).join(' with ');
  if (total === 0) return `No study matches ${what}.`;
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'study matches' : 'studies match'} ${what}${shown < total ? `; the first ${shown.toLocaleString('en-US')} are listed` : ''}.`;
}

/** How many results are listed, of how many, for the current query. */
let shown = 0;
let total = 0;

function showMoreButton(): void {
  moreButton.hidden = shown >= total;
  moreButton.textContent = `Show ${Math.min(PAGE, total - shown)} more`;
}

async function run(): Promise<void> {
  const term = input.value.trim();
  const mine = ++seq;
  const anyFilter = FACETS.some(([name]) => selected[name]!.length > 0);
  if (!term && !anyFilter) {
    results.replaceChildren();
    [shown, total] = [0, 0];
    showMoreButton();
    status.textContent = 'Type words to search the title, abstract and notes of every study, or pick filters.';
    void showFacets();
    return;
  }
  status.textContent = 'Searching…';
  try {
    const [found] = await Promise.all([searchStudies(term, selected, PAGE), showFacets()]);
    if (mine !== seq) return;
    renderHits(results, found.hits);
    [shown, total] = [found.hits.length, found.total];
    status.textContent = describe(total, term);
    showMoreButton();
  } catch {
    if (mine !== seq) return;
    results.replaceChildren();
    [shown, total] = [0, 0];
    showMoreButton();
    status.textContent = 'Search could not be loaded. Every study is listed in the studies index.';
  }
}

async function more(): Promise<void> {
  const mine = seq;
  moreButton.disabled = true;
  try {
    const found = await searchStudies(input.value.trim(), selected, PAGE, shown);
    if (mine !== seq) return;
    const items = found.hits.map((h) => resultItem(h));
    results.append(...items);
    [shown, total] = [shown + found.hits.length, found.total];
    status.textContent = describe(total, input.value.trim());
    // Keyboard readers land on the first new result rather than back at the button.
    items[0]?.querySelector('a')?.focus();
  } catch {
    status.textContent = 'More results could not be loaded. Every study is listed in the studies index.';
  } finally {
    moreButton.disabled = false;
    showMoreButton();
  }
}

moreButton.addEventListener('click', () => void more());

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('focus', () => {
  void loadPagefind().then(showFacets, () => {});
}, { once: true });
input.addEventListener('input', () => {
  clearTimeout(timer);
  preloadTerm(input.value);
  timer = setTimeout(() => {
    writeAddress();
    void run();
  }, 200);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  writeAddress();
  void run();
});

// Opened with a query or filters: the reader asked for results, so load Pagefind now.
if (input.value.trim() || FACETS.some(([name]) => selected[name]!.length > 0)) void run();
