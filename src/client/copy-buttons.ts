/**
 * Progressive enhancement: buttons `<button data-copy="ID" hidden>` copy the text of the element
 * with that id. They stay hidden without JavaScript or without the Clipboard API (the text is
 * still there to select); where the copy fails, the text is selected so Ctrl+C / ⌘C finishes it.
 */
function selectText(el: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

function enhance(button: HTMLButtonElement): void {
  const target = document.getElementById(button.dataset.copy ?? '');
  if (!target || button.dataset.copyReady) return;
  button.dataset.copyReady = '1';
  const label = button.textContent ?? 'Copy';
  const status = document.createElement('span');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  button.after(status);
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(target.textContent ?? '');
      status.textContent = 'Copied.';
    } catch {
      selectText(target);
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
    button.textContent = label;
    setTimeout(() => (status.textContent = ''), 4000);
  });
}

if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
  document.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach(enhance);
}
