/** Progressive enhancement: header buttons that sort a `table.sortable` by a column (text or number). */
function enhance(table: HTMLTableElement): void {
  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, col) => {
    const kind = th.dataset.sort;
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent ?? '';
    th.textContent = '';
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.dataset.sort && h.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0]!;
      const value = (row: HTMLTableRowElement) => {
        const cell = row.cells[col]!;
        return cell.dataset.value ?? cell.textContent ?? '';
      };
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const cmp = kind === 'number' ? Number(x) - Number(y) : x.localeCompare(y);
        return ascending ? cmp : -cmp;
      });
      body.append(...rows);
    });
  });
}

document.querySelectorAll<HTMLTableElement>('table.sortable').forEach(enhance);

export {};
