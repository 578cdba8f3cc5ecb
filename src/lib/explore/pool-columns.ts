/**
 * The pool query's numbers (sql.ts poolQuery) and the drawn query's full rows (drawnQuery), read
 * as PoolRows: which rows to fetch in full (the first `cap` of each group, the only ones
 * synthesizeRows reads whole), and each pool row's full row found by its estimate row id. The
 * browser reads the columns from Arrow (src/client/explore/read.ts); the tests and the bench give
 * them as plain arrays (as @duckdb/node-api returns them).
 */
import type { SynthesisInput } from '../site/synthesis.ts';
import type { PoolGroup, PoolRows } from '../site/synthesis-rows.ts';
import { UNITS } from '../schema/measures.ts';

/** The pool query's columns (BIGINT values may be bigint). */
export type PoolQueryColumns = Record<'estimate_row' | 'study' | 'value' | 'ci_low' | 'ci_high' | 'ci_level' | 'unit_code' | 'unit_other' | 'included' | 'needs_review', readonly unknown[]>;

/** A row of the drawn query, BIGINT as Number. */
export type DrawnRow = Omit<SynthesisInput, 'needs_review'> & { estimate_row: number; needs_review: boolean | null };

/** Row ids of the estimates drawn: the first `cap` pool rows of each group (groups as groupsQuery counts them). */
export function drawnRowIds(groups: readonly PoolGroup[], estimateRow: ArrayLike<number | bigint>, cap: number): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  let start = 0;
  for (const g of groups) {
    for (let i = start; i < start + Math.min(cap, g.estimates); i++) out.push(estimateRow[i]!);
    start += g.estimates;
  }
  return out;
}

/** PoolRows.input: pool row i's full row from the drawn rows (by its estimate row id); throws for a row not fetched. */
export function drawnInput(estimateRow: ArrayLike<number | bigint>, drawn: readonly DrawnRow[]): (i: number) => SynthesisInput {
  const byRow = new Map(drawn.map((r) => [r.estimate_row, r]));
  return (i) => {
    const r = byRow.get(Number(estimateRow[i]));
    if (!r) throw new Error(`pool row ${i} was not fetched in full`);
    const { estimate_id, slug, outcome, label, measure, value, ci_low, ci_high, ci_level, unit, needs_review, title, status } = r;
    return { estimate_id, slug, outcome, label, measure, value, ci_low: ci_low ?? null, ci_high: ci_high ?? null, ci_level: ci_level ?? null, unit: unit ?? null, needs_review: needs_review ?? false, title, status };
  };
}

/** A pool row's unit from the pool query's unit_code (and unit_other for a unit outside the measure table's UNITS). */
export function unitOf(code: number, other: () => string | null): string | null {
  return code === 0 ? null : code > 0 ? UNITS[code - 1]! : other();
}

/** Pool rows from the pool query's columns, the groups query's rows and the drawn query's rows. */
export function poolRowsFromColumns(c: PoolQueryColumns, groups: readonly PoolGroup[], drawn: readonly DrawnRow[]): PoolRows {
  const at = <T>(name: keyof PoolQueryColumns) => c[name] as readonly T[];
  return {
    groups,
    study: at<string | number | bigint>('study'),
    value: at<number>('value'),
    ciLow: at<number | null>('ci_low'),
    ciHigh: at<number | null>('ci_high'),
    ciLevel: at<number | null>('ci_level'),
    unit: (i) => unitOf(Number(c.unit_code[i]), () => c.unit_other[i] as string | null),
    included: at<boolean | null>('included'),
    needsReview: at<boolean | null>('needs_review'),
    input: drawnInput(at<number | bigint>('estimate_row'), drawn),
  };
}
