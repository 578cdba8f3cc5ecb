/**
 * The header search box. Without JavaScript it is a plain GET form to the search page. With
 * it, Pagefind is loaded when the box first gets focus (never on page load) and the first few
 * matching studies are listed under the box as the reader types; Enter still opens the full
 * search page with filters. Escape, or leaving the box, closes the list.
 */
import { loadPagefind, preloadTerm, searchStudies } from './search-pagefind.ts';
import { renderHits } from './search-render.ts';

const SHOWN = 5;

/** The box's parts: the input, the popup with its status line and list, and the link to the full search page. */
interface SearchBox {
  form: HTMLFormElement;
  input: HTMLInputElement;
  popup: HTMLElement;
  status: HTMLElement;
  list: HTMLElement;
  more: HTMLAnchorElement;
}

/** Finds the parts of one search-box form. */
function boxOf(form: HTMLFormElement): SearchBox {
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    popup: form.querySelector<HTMLElement>('[data-search-popup]')!,
    status: form.querySelector<HTMLElement>('[data-search-status]')!,
    list: form.querySelector<HTMLElement>('[data-search-list]')!,
    more: form.querySelector<HTMLAnchorElement>('[data-search-more]')!,
  };
}

/** A search of the box's current term that lists the first SHOWN hits; a search overtaken by a newer one draws nothing. */
function searcher(box: SearchBox): () => Promise<void> {
  const { form, input, popup, status, list, more } = box;
  let seq = 0;
  return async () => {
    const term = input.value.trim();
    const mine = ++seq;
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      popup.hidden = true;
      return;
    }
    popup.hidden = false;
    status.textContent = 'Searching…';
    try {
      const { total, hits } = await searchStudies(term, {}, SHOWN);
      if (mine !== seq) return;
      renderHits(list, hits, false);
      status.textContent = total === 0 ? `No study matches “${term}”.` : `${total} ${total === 1 ? 'study' : 'studies'} found${total > SHOWN ? `, first ${SHOWN} shown` : ''}.`;
      more.hidden = total === 0;
      more.href = `${form.action}?q=${encodeURIComponent(term)}`;
    } catch {
      if (mine !== seq) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Search could not be loaded. Press Enter to open the search page.';
    }
  };
}

function enhance(form: HTMLFormElement): void {
  const box = boxOf(form);
  const { input, popup, status, list } = box;
  const run = searcher(box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    popup.hidden = true;
  };

  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // Fetch the term's index chunks now; the debounced search then finds them loaded.
    preloadTerm(input.value);
    timer = setTimeout(run, 150);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !popup.hidden) {
      close();
      input.focus();
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount + status.textContent!.length > 0) popup.hidden = false;
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) enhance(form);
