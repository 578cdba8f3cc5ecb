/**
 * The column tables of the data dictionary (data/README.md), generated from the row schemas: under
 * each `## <table>` heading, the first `| column | type | meaning |` table is replaced by one row
 * per column of that table, in order. The prose around the tables is the authors'; the tables are
 * not (scripts/data-dictionary.ts writes them, and its --check fails when they drift).
 */

/** What the dictionary shows of a column. */
export interface DictionaryColumn {
  name: string;
  type: string;
  description: string;
}

/** The header of a column table (its first two lines). */
export const COLUMN_TABLE_HEADER = '| column | type | meaning |\n|---|---|---|';

/** A cell of a Markdown table: a `|` would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The Markdown column table of one table: the header, then `| \`name\` | TYPE | meaning |` per column. */
export function columnTable(columns: readonly DictionaryColumn[]): string {
  return [COLUMN_TABLE_HEADER, ...columns.map((c) => `| \`${c.name}\` | ${c.type} | ${cell(c.description)} |`)].join('\n');
}

/** The lines [start, end) of the column table in the section of `table`, or an error saying what is missing. */
function locate(lines: readonly string[], table: string): { start: number; end: number } | string {
  const heading = lines.indexOf(`## ${table}`);
  if (heading < 0) return `no section "## ${table}" for the ${table} table`;
  const header = COLUMN_TABLE_HEADER.split('\n')[0]!;
  for (let i = heading + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    if (lines[i] !== header) continue;
    let end = i;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    return { start: i, end };
  }
  return `the section "## ${table}" has no column table (a line "${header}")`;
}

/**
 * `readme` with each table's column table regenerated from `tables` (name → columns, in order).
 * Throws, naming every table concerned, when a section or its column table is missing.
 */
export function withColumnTables(readme: string, tables: Readonly<Record<string, readonly DictionaryColumn[]>>): string {
  const lines = readme.split('\n');
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(tables)) {
    const at = locate(lines, table);
    if (typeof at === 'string') missing.push(at);
    else lines.splice(at.start, at.end - at.start, ...columnTable(columns).split('\n'));
  }
  if (missing.length > 0) throw new Error(`data dictionary: ${missing.join('; ')}`);
  return lines.join('\n');
}

/** The tables whose column table in `readme` differs from the one generated (empty when the dictionary is current). */
export function driftedTables(readme: string, tables: Readonly<Record<string, readonly DictionaryColumn[]>>): string[] {
  return Object.keys(tables).filter((t) => withColumnTables(readme, { [t]: tables[t]! }) !== readme);
}
