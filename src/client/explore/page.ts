/** The Explore page's elements and its build-time configuration (read from data-config). */
import type { RenderContext } from '../../lib/explore/render.ts';
import { formValues, type FilterState, type Vocabulary } from '../../lib/explore/state.ts';

/** The elements the explore client works with. */
export interface ExplorePage {
  root: HTMLElement;
  form: HTMLFormElement;
  status: HTMLElement;
  notice: HTMLElement;
  results: HTMLElement;
  permalink: HTMLAnchorElement;
  ctx: RenderContext;
  vocabulary: Vocabulary;
}

/** Find the page's parts, or null when this is not the Explore page. */
export function explorePage(): ExplorePage | null {
  const root = document.querySelector<HTMLElement>('[data-explore]');
  if (!root) return null;
  const { ctx, vocabulary } = JSON.parse(root.dataset.config ?? '{}') as { ctx: RenderContext; vocabulary: Vocabulary };
  return {
    root,
    form: root.querySelector('form')!,
    status: root.querySelector('[data-explore-status]')!,
    notice: root.querySelector('[data-explore-notice]')!,
    results: root.querySelector('[data-explore-results]')!,
    permalink: root.querySelector('[data-explore-permalink]')!,
    ctx,
    vocabulary,
  };
}

/** Show a status line (as text); `state` styles it: loading, ready or error. */
export function setStatus(page: ExplorePage, state: 'loading' | 'ready' | 'error', text: string): void {
  page.status.dataset.state = state;
  page.status.textContent = text;
}

/** Show notices about ignored parameters as a plain-text list (never as markup); none hides the box. */
export function showNotices(page: ExplorePage, notices: readonly string[]): void {
  page.notice.replaceChildren();
  page.notice.hidden = notices.length === 0;
  if (notices.length === 0) return;
  const list = document.createElement('ul');
  for (const n of notices) {
    const item = document.createElement('li');
    item.textContent = n;
    list.append(item);
  }
  page.notice.append(list);
}

/** Put a state's values into the form fields. */
export function fillForm(form: HTMLFormElement, state: FilterState): void {
  for (const [name, value] of Object.entries(formValues(state))) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value !== '' && value === field.value;
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

/** The form's fields as parameter pairs (the same pairs a GET submission puts in the URL). */
export function formPairs(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form)].map(([k, v]) => [k, typeof v === 'string' ? v : '']);
}

/** Show the "Show more" button (rendered hidden: without JavaScript the note's Studies index link stands alone). */
export function revealMore(page: ExplorePage): void {
  for (const b of page.results.querySelectorAll<HTMLButtonElement>('[data-explore-more]')) b.hidden = false;
}
