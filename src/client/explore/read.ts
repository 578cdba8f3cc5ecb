/**
 * Query results (Apache Arrow tables) read column by column: small results as plain rows, and
 * the pool query's numeric columns with the drawn query's rows as PoolRows.
 */
import type { Table, Vector } from 'apache-arrow';
import type { PoolGroup, PoolRows } from '../../lib/site/synthesis-rows.ts';
import { drawnInput, unitOf, type DrawnRow } from '../../lib/explore/pool-columns.ts';

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** Every row as a plain object (BIGINT as Number): for small results. */
export function rowsOf<T>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, j) => (row[n] = plain(columns[j]!.get(i))));
    out.push(row);
  }
  return out as T[];
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

/** The pool query's estimate row ids (sql.ts poolQuery), to ask drawnQuery for the rows drawn. */
export function estimateRowsOf(table: Table): ArrayLike<bigint> {
  return table.getChild('estimate_row')!.toArray() as BigInt64Array;
}

/** The pool query's numbers with the groups query's counts and the drawn query's rows, as pooling reads them. */
export function poolRowsOf(table: Table, groups: readonly PoolGroup[], drawn: Table): PoolRows {
  const col = (name: string) => table.getChild(name)!;
  const unitCode = col('unit_code').toArray() as Int32Array;
  const unitOther = col('unit_other');
  const [value, ciLow, ciHigh, ciLevel] = ['value', 'ci_low', 'ci_high', 'ci_level'].map((n) => numbers(col(n))) as [ArrayLike<number>, ...ArrayLike<number | null>[]];
  return {
    groups,
    study: col('study').toArray() as ArrayLike<bigint>,
    value,
    ciLow: ciLow!,
    ciHigh: ciHigh!,
    ciLevel: ciLevel!,
    unit: (i) => unitOf(unitCode[i]!, () => unitOther.get(i) as string | null),
    included: col('included').toArray() as ArrayLike<boolean | null>,
    needsReview: col('needs_review').toArray() as ArrayLike<boolean | null>,
    input: drawnInput(estimateRowsOf(table), rowsOf<DrawnRow>(drawn)),
  };
}
