/**
 * Builds search results with DOM APIs only: every string from the index or the address bar
 * goes in through textContent, highlights are <mark> elements made here from the excerpt's
 * segments, and links are kept only when they point into this site.
 */
import { excerptSegments } from './search-excerpt.ts';
import type { SearchHit } from './search-pagefind.ts';

/** The href for a result, or null unless it resolves to an http(s) URL on this page's origin. */
export function sameOriginHref(url: string): string | null {
  try {
    const u = new URL(url, location.href);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === location.origin ? u.pathname + u.search + u.hash : null;
  } catch {
    return null;
  }
}

/** A paragraph holding the excerpt, its hits wrapped in <mark> elements built here. */
export function excerptElement(excerpt: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  for (const seg of excerptSegments(excerpt)) {
    if (seg.mark) {
      const mark = document.createElement('mark');
      mark.textContent = seg.text;
      p.append(mark);
    } else {
      p.append(document.createTextNode(seg.text));
    }
  }
  return p;
}

/** One list item: linked title, journal and date, excerpt (optional). */
export function resultItem(hit: SearchHit, withExcerpt = true): HTMLLIElement {
  const li = document.createElement('li');
  const href = sameOriginHref(hit.url);
  const title = document.createElement(href ? 'a' : 'span');
  title.className = 'search-title';
  title.textContent = hit.title;
  if (href) title.setAttribute('href', href);
  li.append(title);
  const details = [hit.journal, hit.date].filter((s): s is string => !!s);
  if (details.length) {
    const meta = document.createElement('span');
    meta.className = 'search-meta';
    meta.textContent = details.join(' · ');
    li.append(' ', meta);
  }
  if (withExcerpt && hit.excerpt) li.append(excerptElement(hit.excerpt));
  return li;
}

/** Replace a list's items with the hits. */
export function renderHits(list: HTMLElement, hits: SearchHit[], withExcerpt = true): void {
  list.replaceChildren(...hits.map((h) => resultItem(h, withExcerpt)));
}
