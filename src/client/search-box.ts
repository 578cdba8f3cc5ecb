/**
 * The header search box. Without JavaScript it is a plain GET form to the search page. With
 * it, Pagefind is loaded when the box first gets focus (never on page load) and the first few
 * matching studies are listed under the box as the reader types; Enter still opens the full
 * search page with filters. Escape, or leaving the box, closes the list.
 */
import { loadPagefind, preloadTerm, searchStudies } from './search-pagefind.ts';
import { renderHits } from './search-render.ts';

const SHOWN = 5;

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const list = form.querySelector<HTMLElement>('[data-search-list]')!;
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]')!;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    popup.hidden = true;
  };
  const open = () => {
    popup.hidden = false;
  };

  const run = async () => {
    const term = input.value.trim();
    const mine = ++seq;
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    open();
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
    if (input.value.trim() && list.childElementCount + status.textContent!.length > 0) open();
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) enhance(form);
