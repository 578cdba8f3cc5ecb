/** Input checks for `pool`: every rejection names the offending field and index. */
import type { EffectData, PoolMethod, PoolOptions, PoolTest } from './types.ts';

/** Thrown for unusable meta-analysis input; `index` is the study position when one is at fault. */
export class PoolInputError extends Error {
  index: number | undefined;
  constructor(message: string, index?: number) {
    super(message);
    this.name = 'PoolInputError';
    this.index = index;
  }
}

const METHODS: readonly PoolMethod[] = ['EE', 'DL', 'REML'];
const TESTS: readonly PoolTest[] = ['z', 'knha'];

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'number') return `not a number (${JSON.stringify(value)})`;
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

/**
 * Checks data and options and returns the resolved options. Rejects: non-array or empty input,
 * mismatched lengths, missing/NaN/infinite yᵢ, missing/NaN/infinite/zero/negative vᵢ, unknown
 * method or test, and a level outside (0, 1).
 */
export function validatePoolInput(
  data: EffectData,
  options: PoolOptions,
): { method: PoolMethod; test: PoolTest; level: number } {
  const { yi, vi } = data ?? ({} as EffectData);
  if (!Array.isArray(yi) || !Array.isArray(vi)) throw new PoolInputError('yi and vi must both be arrays of numbers');
  if (yi.length !== vi.length) {
    throw new PoolInputError(`yi and vi differ in length (${yi.length} estimates, ${vi.length} variances)`);
  }
  if (yi.length === 0) throw new PoolInputError('no studies to pool: yi and vi are empty');
  for (let i = 0; i < yi.length; i++) {
    const y: unknown = yi[i];
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new PoolInputError(`yi[${i}] is ${describe(y)}: every estimate must be a finite number`, i);
    }
    const v: unknown = vi[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new PoolInputError(`vi[${i}] is ${describe(v)}: every sampling variance must be a finite number`, i);
    }
    if (v <= 0) throw new PoolInputError(`vi[${i}] is ${v}: sampling variances must be positive`, i);
  }
  const method = options?.method;
  if (!METHODS.includes(method)) {
    throw new PoolInputError(`unknown method ${JSON.stringify(method)}: use one of ${METHODS.join(', ')}`);
  }
  const test = options.test ?? 'z';
  if (!TESTS.includes(test)) throw new PoolInputError(`unknown test ${JSON.stringify(test)}: use 'z' or 'knha'`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) {
    throw new PoolInputError(`level ${level} is outside (0, 1): give a fraction such as 0.95`);
  }
  return { method, test, level };
}
