/**
 * Query results (Apache Arrow tables) read column by column: small results as plain rows, and
 * the pool query's columns as PoolRows, whose texts are decoded only for the rows drawn.
 */
import type { Table, Vector } from 'apache-arrow';
import type { PoolGroup, PoolRows } from '../../lib/site/synthesis-rows.ts';
import { UNIT_CODES } from '../../lib/explore/sql.ts';
import type { SynthesisInput } from '../../lib/site/synthesis.ts';

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

/** The pool query's result (sql.ts poolQuery) with the groups query's counts, as pooling reads it. */
export function poolRowsOf(table: Table, groups: readonly PoolGroup[]): PoolRows {
  const col = (name: string) => table.getChild(name)!;
  const unitCode = col('unit_code').toArray() as Int32Array;
  const unitText = col('unit');
  const text = (name: string) => {
    const v = col(name);
    return (i: number) => v.get(i) as string | null;
  };
  const [estimateId, slug, outcome, label, measure, title, status] = ['estimate_id', 'slug', 'outcome', 'label', 'measure', 'title', 'status'].map(text) as ((i: number) => string)[];
  const [value, ciLow, ciHigh, ciLevel] = ['value', 'ci_low', 'ci_high', 'ci_level'].map((n) => numbers(col(n))) as [ArrayLike<number>, ...ArrayLike<number | null>[]];
  const needsReview = col('needs_review').toArray() as ArrayLike<boolean | null>;
  const unit = (i: number): string | null => {
    const code = unitCode[i]!;
    return code === 0 ? null : code > 0 ? UNIT_CODES[code - 1]! : (unitText.get(i) as string);
  };
  return {
    groups,
    study: col('study').toArray() as ArrayLike<bigint>,
    value,
    ciLow: ciLow!,
    ciHigh: ciHigh!,
    ciLevel: ciLevel!,
    unit,
    included: col('included').toArray() as ArrayLike<boolean | null>,
    needsReview,
    input: (i): SynthesisInput => ({
      estimate_id: estimateId!(i),
      slug: slug!(i),
      outcome: outcome!(i),
      label: label!(i),
      measure: measure!(i) as SynthesisInput['measure'],
      value: value[i]!,
      ci_low: ciLow![i] ?? null,
      ci_high: ciHigh![i] ?? null,
      ci_level: ciLevel![i] ?? null,
      unit: unit(i) as SynthesisInput['unit'],
      needs_review: needsReview[i] ?? false,
      title: title!(i),
      status: status!(i) as SynthesisInput['status'],
    }),
  };
}
