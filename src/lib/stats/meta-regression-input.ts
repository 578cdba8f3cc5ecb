/** Input checks for `metaRegression`: every rejection is a `MetaRegressionError` naming the study and/or column. */
import { findCollinearColumn } from './linalg.ts';
import { PoolInputError, validatePoolInput } from './validate.ts';
import type { PoolTest } from './types.ts';

/** Why a meta-regression input was rejected. */
export type MetaRegressionErrorCode =
  | 'input' // yi/vi/X/options malformed (not arrays, lengths differ, unknown method or test, level outside (0, 1))
  | 'non-finite' // a missing, NaN or infinite yᵢ, vᵢ or Xᵢⱼ, or a vᵢ ≤ 0
  | 'too-few-studies' // k ≤ p: not more studies than coefficients
  | 'constant-column' // a non-intercept column with one value (a moderator with a single level)
  | 'collinear'; // a column that is a linear combination of the columns before it (rank-deficient X)

/** Thrown for unusable meta-regression input; `column` names the design-matrix column at fault, `index` the study. */
export class MetaRegressionError extends PoolInputError {
  code: MetaRegressionErrorCode;
  column: string | undefined;
  constructor(message: string, code: MetaRegressionErrorCode, options: { column?: string; index?: number } = {}) {
    super(message, options.index);
    this.name = 'MetaRegressionError';
    this.code = code;
    this.column = options.column;
  }
}

/** Effect sizes, sampling variances and the k × p design matrix (rows = studies, intercept column included). */
export interface MetaRegressionData {
  yi: readonly number[];
  vi: readonly number[];
  X: readonly (readonly number[])[];
  /** Column names (as `designMatrix` returns them); default "X1", "X2", … */
  names?: readonly string[];
}

/** Options for `metaRegression`: REML only; `level` a fraction (0.95); `tol`/`maxIter` tune Fisher scoring. */
export interface MetaRegressionOptions {
  method?: 'REML';
  test?: PoolTest;
  level?: number;
  tol?: number;
  maxIter?: number;
}

/** metafor's `.is.intercept`: every value within 1e-8 of 1. */
export function isInterceptColumn(values: readonly number[]): boolean {
  return values.every((v) => Math.abs(v - 1) < 1e-8);
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'number') return `not a number (${JSON.stringify(value)})`;
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/**
 * Checks the data and options and returns the resolved options and column names. Order: yᵢ/vᵢ as
 * `pool` checks them; X a k-row array of equal-length rows of finite numbers; names (if given) one per
 * column; k > p; no constant non-intercept column; full column rank (R's QR tolerance 1e-7).
 */
export function validateMetaRegressionInput(
  data: MetaRegressionData,
  options: MetaRegressionOptions,
): { test: PoolTest; level: number; names: string[] } {
  if ((options?.method ?? 'REML') !== 'REML') {
    throw new MetaRegressionError(`unknown method ${JSON.stringify(options.method)}: meta-regression supports 'REML' only`, 'input');
  }
  let resolved: { test: PoolTest; level: number };
  try {
    resolved = validatePoolInput({ yi: data?.yi, vi: data?.vi }, { ...options, method: 'REML' });
  } catch (e) {
    if (!(e instanceof PoolInputError)) throw e;
    throw new MetaRegressionError(e.message, e.index === undefined ? 'input' : 'non-finite', { index: e.index });
  }
  const names = checkDesign(data);
  checkColumns(data.X, names);
  return { ...resolved, names };
}

/** Checks X's shape (k rows of p finite numbers, p ≥ 1) and `names` (one per column); returns the column names. */
function checkDesign(data: MetaRegressionData): string[] {
  const { yi, X } = data;
  const k = yi.length;
  if (!Array.isArray(X) || X.length !== k) {
    throw new MetaRegressionError(
      `X must be an array with one row per study (${k} studies, ${Array.isArray(X) ? `${X.length} rows` : 'not an array'})`,
      'input',
    );
  }
  const first: unknown = X[0];
  const p = Array.isArray(first) ? first.length : 0;
  if (p === 0) throw new MetaRegressionError('X has no columns: include at least the intercept column (all 1)', 'input');
  const given = data.names;
  if (given !== undefined && (!Array.isArray(given) || given.length !== p)) {
    throw new MetaRegressionError(`names must give one name per column of X (${p} columns)`, 'input');
  }
  const names = given ? [...given] : Array.from({ length: p }, (_, j) => `X${j + 1}`);
  for (let i = 0; i < k; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row) || row.length !== p) {
      throw new MetaRegressionError(`X row ${i} has ${Array.isArray(row) ? row.length : 'no'} columns; every row needs ${p}`, 'input', { index: i });
    }
    for (let j = 0; j < p; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new MetaRegressionError(`X[${i}] column "${names[j]}" is ${describe(v)}: every moderator value must be a finite number`, 'non-finite', {
          column: names[j],
          index: i,
        });
      }
    }
  }
  return names;
}

/** Checks that X (well-formed) can be estimated: k > p, no constant non-intercept column, full column rank. */
function checkColumns(X: readonly (readonly number[])[], names: readonly string[]): void {
  const k = X.length;
  const p = names.length;
  if (k <= p) {
    throw new MetaRegressionError(
      `${k} studies for ${p} coefficients: a meta-regression needs more studies than coefficients (k > p) to estimate tau²`,
      'too-few-studies',
    );
  }
  for (let j = 0; j < p; j++) {
    const col = X.map((row) => row[j] as number);
    if (!isInterceptColumn(col) && col.every((v) => v === col[0])) {
      throw new MetaRegressionError(
        `column "${names[j]}" is constant (every study has ${col[0]}): a moderator with a single level cannot be estimated`,
        'constant-column',
        { column: names[j] },
      );
    }
  }
  const collinear = findCollinearColumn(X);
  if (collinear) {
    const name = names[collinear.column] as string;
    const others = collinear.combination.map((c) => `"${names[c]}"`).join(', ');
    throw new MetaRegressionError(
      `column "${name}" is collinear with ${others ? `the columns ${others}` : 'the columns before it'}: the design matrix is rank-deficient, drop or merge it`,
      'collinear',
      { column: name },
    );
  }
}
