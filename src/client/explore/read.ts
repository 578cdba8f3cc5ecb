/**
 * Query results (Apache Arrow tables) read column by column: numbers as typed arrays (nulls kept),
 * texts read by position only when a row is shown, as the columns src/lib/explore/columns.ts indexes.
 */
import type { Table, Vector } from 'apache-arrow';
import type { EstimateColumns, MatchColumns, StudyColumns, TableColumns } from '../../lib/explore/columns.ts';
import type { ExploreStudy, ExploreTable } from '../../lib/explore/rows.ts';

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** Row i as a plain object of the named columns (BIGINT as Number). */
function rowReader<T>(table: Table, names: readonly string[]): (i: number) => T {
  const columns = names.map((n) => [n, table.getChild(n)!] as const);
  return (i) => Object.fromEntries(columns.map(([n, c]) => [n, plain(c.get(i))])) as T;
}

/** Every row as a plain object (BIGINT as Number): for small results. */
export function rowsOf<T>(table: Table): T[] {
  const read = rowReader<T>(table, table.schema.fields.map((f) => f.name));
  return Array.from({ length: table.numRows }, (_, i) => read(i));
}

/** A numeric column's values, null where the column is null. */
function numbers(v: Vector): ArrayLike<number | null> {
  const values = v.toArray() as ArrayLike<number>;
  if (v.nullCount === 0) return values;
  const out: (number | null)[] = Array.from(values);
  let at = 0;
  for (const d of v.data) {
    for (let i = 0; i < d.length; i++) if (!d.getValid(i)) out[at + i] = null;
    at += d.length;
  }
  return out;
}

const others = (table: Table) => table.schema.fields.map((f) => f.name).filter((n) => n !== 'study_row');

/** studiesTableQuery's result as StudyColumns. */
export function studyColumnsOf(table: Table): StudyColumns {
  const status = table.getChild('status')!;
  return { length: table.numRows, studyRow: table.getChild('study_row')!.toArray() as BigInt64Array, status: (i) => status.get(i) as string, row: rowReader<ExploreStudy>(table, others(table)) };
}

/** tablesTableQuery's result as TableColumns. */
export function tableColumnsOf(table: Table): TableColumns {
  const outcome = table.getChild('outcome')!;
  return { length: table.numRows, studyRow: table.getChild('study_row')!.toArray() as BigInt64Array, outcome: (i) => outcome.get(i) as string, row: rowReader<ExploreTable>(table, others(table)) };
}

/** estimatesTableQuery's result as EstimateColumns. */
export function estimateColumnsOf(table: Table): EstimateColumns {
  const col = (name: string) => table.getChild(name)!;
  const texts = Object.fromEntries(['outcome', 'measure', 'estimate_id', 'label', 'unit_other'].map((n) => [n, col(n)]));
  return {
    length: table.numRows,
    estimateRow: col('estimate_row').toArray() as BigInt64Array,
    studyRow: col('study_row').toArray() as BigInt64Array,
    groupIndex: col('group_index').toArray() as Int32Array,
    value: numbers(col('value')) as ArrayLike<number>,
    ciLow: numbers(col('ci_low')),
    ciHigh: numbers(col('ci_high')),
    ciLevel: numbers(col('ci_level')),
    unitCode: col('unit_code').toArray() as Int32Array,
    needsReview: col('needs_review').toArray() as ArrayLike<boolean | null>,
    text: (i, c) => (texts[c]!.get(i) as string | null) ?? null,
  };
}

/** matchQuery's result as MatchColumns. */
export function matchColumnsOf(table: Table): MatchColumns {
  return { length: table.numRows, side: table.getChild('side')!.toArray() as Int32Array, rowId: table.getChild('row_id')!.toArray() as BigInt64Array };
}
