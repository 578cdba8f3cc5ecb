/**
 * CSV injection (OWASP): a spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula, so `=HYPERLINK(...)` in a title would run when the CSV is opened.
 * Every CSV the project writes passes its text cells through here; numbers are never touched.
 */
import type { Column } from '../schema/columns.ts';

/** The characters that start a formula in Excel, LibreOffice or Google Sheets. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for a spreadsheet: one starting with = + - @ tab or CR gets a leading single quote; any other text is unchanged. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value for CSV: text neutralised, numbers, booleans and missing values unchanged (a -0.08 stays -0.08). */
export function csvCell<T>(value: T): T {
  return (typeof value === 'string' ? neutraliseCsvText(value) : value) as T;
}

/** A table row for CSV: every VARCHAR column neutralised, numeric and boolean columns unchanged. */
export function csvSafeRow<Row>(columns: readonly Column<Row>[], row: Row): Row {
  const out = { ...row };
  for (const c of columns) if (c.type === 'VARCHAR') out[c.name] = csvCell(row[c.name]);
  return out;
}
