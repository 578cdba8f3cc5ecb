/**
 * Design matrices for meta-regression from study characteristics: an intercept, continuous moderators
 * as they are, categorical moderators in treatment coding (one 0/1 column per non-reference level),
 * as R's model.matrix(~ ...) with default contrasts.
 */
import { PoolInputError } from './validate.ts';

/** A moderator to put in the design matrix: a field of every row, continuous or categorical. */
export type ModeratorSpec =
  | { name: string; type: 'continuous' }
  | {
      name: string;
      type: 'categorical';
      /** The reference level (no column; the intercept is its mean); default the first level in sorted order. */
      reference?: string | number | boolean;
    };

/** Why a design matrix could not be built. */
export type DesignMatrixErrorCode = 'input' | 'missing' | 'not-numeric' | 'single-level' | 'unknown-reference';

/** Thrown by `designMatrix`; `moderator` names the moderator at fault and `index` the row. */
export class DesignMatrixError extends PoolInputError {
  code: DesignMatrixErrorCode;
  moderator: string | undefined;
  constructor(message: string, code: DesignMatrixErrorCode, options: { moderator?: string; index?: number } = {}) {
    super(message, options.index);
    this.name = 'DesignMatrixError';
    this.code = code;
    this.moderator = options.moderator;
  }
}

/** How one moderator became columns of X. */
export interface DesignTerm {
  moderator: string;
  type: 'continuous' | 'categorical';
  /** Indices of its columns in X. */
  columns: number[];
  /** Categorical: every level in order (reference first), as strings. */
  levels?: string[];
  /** Categorical: the reference level. */
  reference?: string;
}

/** A k × p design matrix with its column names (R's: "intrcpt", "ablat", "allocrandom") and readable labels ("alloc: random"). */
export interface DesignMatrix {
  X: number[][];
  names: string[];
  labels: string[];
  terms: DesignTerm[];
}

/** R's sort order in an English locale (case-insensitive first), ties broken by code point; numbers numerically. */
const collator = new Intl.Collator('en');

/** Sorts category levels: numerically when every value is a number, else as R's sort() in an English locale. */
export function sortLevels(values: readonly (string | number | boolean)[]): string[] {
  const unique = [...new Map(values.map((v) => [String(v), v])).values()];
  if (unique.every((v) => typeof v === 'number')) return (unique as number[]).sort((a, b) => a - b).map(String);
  return unique.map(String).sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Builds the design matrix of an intercept plus `moderators` from `rows` (one per study). Continuous
 * moderators must be finite numbers; categorical values may be strings, numbers or booleans (compared
 * as strings) and get treatment coding with the reference level first (`reference`, else the first in
 * sorted order: numeric if all values are numbers, else R's English-locale order). Throws a
 * `DesignMatrixError` naming the moderator (and row) for a missing value, a non-numeric continuous
 * value, a moderator with a single level (or a single value), an unknown reference level, or
 * malformed arguments.
 */
export function designMatrix(rows: readonly Readonly<Record<string, unknown>>[], moderators: readonly ModeratorSpec[]): DesignMatrix {
  if (!Array.isArray(rows) || rows.length === 0) throw new DesignMatrixError('rows must be a non-empty array, one per study', 'input');
  if (!Array.isArray(moderators)) throw new DesignMatrixError('moderators must be an array of { name, type }', 'input');
  const design: DesignMatrix = { X: rows.map(() => [1]), names: ['intrcpt'], labels: ['intercept'], terms: [] };
  const seen = new Set<string>();
  for (const spec of moderators) {
    const name = checkSpec(spec, seen);
    const values = moderatorValues(rows, name);
    if (spec.type === 'continuous') addContinuous(design, name, values);
    else addCategorical(design, spec, name, values);
  }
  return design;
}

/** A categorical moderator's spec. */
type CategoricalSpec = Extract<ModeratorSpec, { type: 'categorical' }>;

/** The moderator's name, after checking it is a new non-empty name with a known type. */
function checkSpec(spec: ModeratorSpec, seen: Set<string>): string {
  const name = spec?.name;
  if (typeof name !== 'string' || name === '') throw new DesignMatrixError('every moderator needs a name (the field of each row)', 'input');
  if (seen.has(name)) throw new DesignMatrixError(`moderator "${name}" is listed twice`, 'input', { moderator: name });
  seen.add(name);
  if (spec.type !== 'continuous' && spec.type !== 'categorical') {
    throw new DesignMatrixError(`moderator "${name}" has type ${JSON.stringify((spec as { type: unknown }).type)}: use 'continuous' or 'categorical'`, 'input', {
      moderator: name,
    });
  }
  return name;
}

/** Each row's value of the moderator; throws for the first study without one. */
function moderatorValues(rows: readonly Readonly<Record<string, unknown>>[], name: string): unknown[] {
  return rows.map((row, i) => {
    const v: unknown = row?.[name];
    if (isMissing(v)) {
      throw new DesignMatrixError(`moderator "${name}" is missing for study ${i}: every study needs a value (or leave it out of the analysis)`, 'missing', {
        moderator: name,
        index: i,
      });
    }
    return v;
  });
}

/** Appends a continuous moderator's column: finite numbers, not all equal. */
function addContinuous(design: DesignMatrix, name: string, values: readonly unknown[]): void {
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DesignMatrixError(`moderator "${name}" is ${JSON.stringify(v)} for study ${i}: a continuous moderator must be a finite number`, 'not-numeric', {
        moderator: name,
        index: i,
      });
    }
  });
  const nums = values as number[];
  if (nums.every((v) => v === nums[0])) {
    throw new DesignMatrixError(`moderator "${name}" has a single value (${nums[0]}) in all ${values.length} studies: it cannot explain any difference between them`, 'single-level', {
      moderator: name,
    });
  }
  nums.forEach((v, i) => (design.X[i] as number[]).push(v));
  design.terms.push({ moderator: name, type: 'continuous', columns: [design.names.length] });
  design.names.push(name);
  design.labels.push(name);
}

/** The levels of a categorical moderator, reference first; throws for fewer than two levels or an unknown reference. */
function categoricalLevels(spec: CategoricalSpec, name: string, values: readonly (string | number | boolean)[]): { levels: string[]; reference: string } {
  let levels = sortLevels(values);
  if (levels.length < 2) {
    throw new DesignMatrixError(`moderator "${name}" has a single level ("${levels[0]}") in all ${values.length} studies: a subgroup comparison needs at least two`, 'single-level', {
      moderator: name,
    });
  }
  let reference = levels[0] as string;
  if (spec.reference !== undefined) {
    reference = String(spec.reference);
    if (!levels.includes(reference)) {
      throw new DesignMatrixError(`moderator "${name}": the reference level "${reference}" does not occur (levels: ${levels.join(', ')})`, 'unknown-reference', {
        moderator: name,
      });
    }
    levels = [reference, ...levels.filter((l) => l !== reference)];
  }
  return { levels, reference };
}

/** Appends a categorical moderator's treatment-coded columns, one per level after the reference. */
function addCategorical(design: DesignMatrix, spec: CategoricalSpec, name: string, values: readonly unknown[]): void {
  values.forEach((v, i) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new DesignMatrixError(`moderator "${name}" is ${JSON.stringify(v)} for study ${i}: a category must be a string, number or boolean`, 'not-numeric', {
        moderator: name,
        index: i,
      });
    }
  });
  const keys = (values as (string | number | boolean)[]).map(String);
  const { levels, reference } = categoricalLevels(spec, name, values as (string | number | boolean)[]);
  const columns: number[] = [];
  for (const level of levels.slice(1)) {
    keys.forEach((key, i) => (design.X[i] as number[]).push(key === level ? 1 : 0));
    columns.push(design.names.length);
    design.names.push(`${name}${level}`);
    design.labels.push(`${name}: ${level}`);
  }
  design.terms.push({ moderator: name, type: 'categorical', columns, levels, reference });
}
