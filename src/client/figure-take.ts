/**
 * Progressive enhancement of "Take this figure" under a study's own plots
 * (`details.figure-take[data-made-here]`, FigureTake.astro): shows its SVG, PNG, CSV and R buttons
 * in place of the no-JavaScript note, and on the first click loads figure-downloads.ts, which
 * makes the file from the study page's data island.
 */
function enhance(take: HTMLElement): void {
  const id = take.dataset.figureId;
  const list = take.querySelector('ul');
  if (!id || !list || take.dataset.takeReady) return;
  take.dataset.takeReady = '1';
  const status = document.createElement('p');
  status.className = 'take-status';
  status.setAttribute('role', 'status');
  list.after(status);
  take.querySelector('.take-nojs')?.setAttribute('hidden', '');
  list.hidden = false;
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-take]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.take as 'svg' | 'png' | 'csv' | 'r';
      button.disabled = true;
      try {
        const { downloadStudyFigure } = await import('./figure-downloads.ts');
        await downloadStudyFigure(id, format);
        status.textContent = '';
      } catch (e) {
        status.textContent = `Could not make the file: ${e instanceof Error ? e.message : String(e)}`;
      } finally {
        button.disabled = false;
      }
    });
  }
}

document.querySelectorAll<HTMLElement>('details.figure-take[data-made-here]').forEach(enhance);

export {};
