/**
 * Progressive enhancement of a study's citation block (CiteStudy.astro): shows the BibTeX, RIS
 * and CSL-JSON download buttons (`button[data-save]`, hidden without JavaScript) and saves the
 * text of the element each names (the citation-js output the build wrote into the page, shown in
 * a <details> without JavaScript) as a file. Nothing is fetched.
 */
import { saveBlob } from './save-blob.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-save]')) {
  const source = document.getElementById(button.dataset.save ?? '');
  const name = button.dataset.name;
  if (!source || !name) continue;
  button.addEventListener('click', () => saveBlob(new Blob([source.textContent ?? ''], { type: `${button.dataset.type ?? 'text/plain'};charset=utf-8` }), name));
  button.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
}
