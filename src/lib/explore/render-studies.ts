/**
 * The matching-studies part of the Explore results: one page of list items and the note under
 * them (how many are shown of how many, a "Show more" button for the engine, which the page
 * reveals only when JavaScript runs, and the Studies index for every study). The browser appends
 * further pages with the same functions.
 */
import { escapeXml as esc } from '../forest/escape.ts';
import type { ExploreStudy } from './rows.ts';
import { STUDY_PAGE } from './view.ts';

/** A count with its noun, e.g. "1,234 studies". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** List items of studies (links to their pages under `base`). */
export function studyItems(studies: readonly ExploreStudy[], base: string): string {
  return studies
    .map((s) => {
      const facts = [s.journal ?? 'Preprint', s.published ?? 'undated', s.status, s.n_participants === null ? null : `${s.n_participants.toLocaleString('en-US')} participants`].filter(Boolean);
      return `<li data-slug="${esc(s.slug)}"><a href="${esc(`${base}studies/${s.slug}/`)}">${esc(s.title)}</a> <span class="note">${esc(facts.join(' · '))}</span></li>`;
    })
    .join('');
}

/** The note under the list when it shows `shown` of `matching` studies (empty when it shows all). */
export function moreNote(shown: number, matching: number, base: string): string {
  if (shown >= matching) return '';
  const next = Math.min(STUDY_PAGE, matching - shown);
  return (
    `<p class="explore-more" data-shown="${shown}" data-matching="${matching}">Showing the first ${esc(plural(shown, 'study', 'studies'))} of ${esc(matching.toLocaleString('en-US'))}. ` +
    `<button type="button" data-explore-more hidden>Show ${next} more</button> ` +
    `Every study of the review is listed in the <a href="${esc(`${base}studies/`)}">Studies index</a>.</p>`
  );
}

/** The "Matching studies" section: the first page and the note. */
export function studiesSection(studies: readonly ExploreStudy[], matching: number, base: string): string {
  const list = studies.length ? `<ul class="explore-studies">${studyItems(studies, base)}</ul>${moreNote(studies.length, matching, base)}` : '<p>No study matches these filters.</p>';
  return `<section aria-labelledby="explore-studies-h"><h2 id="explore-studies-h">Matching studies</h2>${list}</section>`;
}
