/**
 * The pool query's result (sql.ts poolQuery) given as plain arrays, one per column (as
 * @duckdb/node-api returns them), read as PoolRows: the tests and the bench run the browser's
 * SQL in Node with it. The browser reads the same columns from Arrow (src/client/explore/read.ts).
 */
import type { SynthesisInput } from '../site/synthesis.ts';
import type { PoolGroup, PoolRows } from '../site/synthesis-rows.ts';
import { UNIT_CODES } from './sql.ts';

/** The pool query's columns (BIGINT values may be bigint). */
export type PoolQueryColumns = Record<'study' | 'value' | 'ci_low' | 'ci_high' | 'ci_level' | 'unit_code' | 'included' | 'needs_review' | 'estimate_id' | 'slug' | 'outcome' | 'label' | 'measure' | 'unit' | 'title' | 'status', readonly unknown[]>;

/** Pool rows from the pool query's columns and the groups query's rows. */
export function poolRowsFromColumns(c: PoolQueryColumns, groups: readonly PoolGroup[]): PoolRows {
  const at = <T>(name: keyof PoolQueryColumns) => c[name] as readonly T[];
  const unit = (i: number): string | null => {
    const code = Number(c.unit_code[i]);
    return code === 0 ? null : code > 0 ? UNIT_CODES[code - 1]! : (c.unit[i] as string);
  };
  return {
    groups,
    study: at<string | number | bigint>('study'),
    value: at<number>('value'),
    ciLow: at<number | null>('ci_low'),
    ciHigh: at<number | null>('ci_high'),
    ciLevel: at<number | null>('ci_level'),
    unit,
    included: at<boolean | null>('included'),
    needsReview: at<boolean | null>('needs_review'),
    input: (i): SynthesisInput => ({
      estimate_id: at<string>('estimate_id')[i]!,
      slug: at<string>('slug')[i]!,
      outcome: at<string>('outcome')[i]!,
      label: at<string>('label')[i]!,
      measure: at<SynthesisInput['measure']>('measure')[i]!,
      value: at<number>('value')[i]!,
      ci_low: at<number | null>('ci_low')[i] ?? null,
      ci_high: at<number | null>('ci_high')[i] ?? null,
      ci_level: at<number | null>('ci_level')[i] ?? null,
      unit: unit(i) as SynthesisInput['unit'],
      needs_review: at<boolean | null>('needs_review')[i] ?? false,
      title: at<string>('title')[i]!,
      status: at<SynthesisInput['status']>('status')[i]!,
    }),
  };
}
