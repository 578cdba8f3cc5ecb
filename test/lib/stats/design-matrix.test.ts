import { describe, expect, it } from 'vitest';
import { DesignMatrixError, designMatrix, sortLevels } from '../../../src/lib/stats/index.ts';

const rows = [
  { modality: 'MRI', age: 60, setting: 'primary' },
  { modality: 'CT', age: 55, setting: 'secondary' },
  { modality: 'US', age: 71, setting: 'primary' },
  { modality: 'CT', age: 48, setting: 'primary' },
];

function errorOf(fn: () => unknown): DesignMatrixError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DesignMatrixError);
    return e as DesignMatrixError;
  }
  throw new Error('expected a DesignMatrixError');
}

describe('designMatrix builds X from study characteristics', () => {
  it('puts an intercept first, continuous moderators as they are and categorical ones in treatment coding', () => {
    const d = designMatrix(rows, [
      { name: 'age', type: 'continuous' },
      { name: 'modality', type: 'categorical' },
    ]);
    expect(d.names).toEqual(['intrcpt', 'age', 'modalityMRI', 'modalityUS']);
    expect(d.labels).toEqual(['intercept', 'age', 'modality: MRI', 'modality: US']);
    expect(d.X).toEqual([
      [1, 60, 1, 0],
      [1, 55, 0, 0],
      [1, 71, 0, 1],
      [1, 48, 0, 0],
    ]);
    expect(d.terms).toEqual([
      { moderator: 'age', type: 'continuous', columns: [1] },
      { moderator: 'modality', type: 'categorical', columns: [2, 3], levels: ['CT', 'MRI', 'US'], reference: 'CT' },
    ]);
  });

  it('uses the reference level given, and keeps the other levels in sorted order', () => {
    const d = designMatrix(rows, [{ name: 'modality', type: 'categorical', reference: 'US' }]);
    expect(d.names).toEqual(['intrcpt', 'modalityCT', 'modalityMRI']);
    expect(d.X.map((r) => r.slice(1))).toEqual([[0, 1], [1, 0], [0, 0], [1, 0]]);
    expect(d.terms[0]?.levels).toEqual(['US', 'CT', 'MRI']);
  });

  it('sorts levels numerically when all are numbers, else as R does in an English locale', () => {
    expect(sortLevels([10, 9, 100, 9])).toEqual(['9', '10', '100']);
    expect(sortLevels(['beta', 'Alpha', 'alpha', 'Gamma'])).toEqual(['alpha', 'Alpha', 'beta', 'Gamma']);
    expect(sortLevels([true, false])).toEqual(['false', 'true']);
    const d = designMatrix([{ g: 2 }, { g: 10 }, { g: 2 }], [{ name: 'g', type: 'categorical' }]);
    expect(d.names).toEqual(['intrcpt', 'g10']);
  });

  it('gives an intercept-only matrix when there are no moderators', () => {
    expect(designMatrix(rows, []).X).toEqual([[1], [1], [1], [1]]);
  });
});

describe('designMatrix rejects unusable moderators, naming the moderator', () => {
  it('rejects a categorical moderator with a single level', () => {
    const e = errorOf(() => designMatrix(rows.map((r) => ({ ...r, setting: 'primary' })), [{ name: 'setting', type: 'categorical' }]));
    expect(e.code).toBe('single-level');
    expect(e.moderator).toBe('setting');
    expect(e.message).toMatch(/"setting" has a single level \("primary"\)/);
  });

  it('rejects a continuous moderator with a single value', () => {
    const e = errorOf(() => designMatrix(rows.map((r) => ({ ...r, age: 50 })), [{ name: 'age', type: 'continuous' }]));
    expect(e.code).toBe('single-level');
    expect(e.moderator).toBe('age');
  });

  it('rejects a missing value (absent, null, empty or NaN), naming the study', () => {
    for (const bad of [undefined, null, ' ', Number.NaN]) {
      const broken = rows.map((r, i) => (i === 2 ? { ...r, age: bad } : r));
      const e = errorOf(() => designMatrix(broken, [{ name: 'age', type: 'continuous' }]));
      expect(e.code).toBe('missing');
      expect(e.moderator).toBe('age');
      expect(e.index).toBe(2);
    }
    const e = errorOf(() => designMatrix([{ a: 'x' }, {}], [{ name: 'a', type: 'categorical' }]));
    expect(e.message).toMatch(/"a" is missing for study 1/);
  });

  it('rejects a non-numeric continuous value and an object as a category', () => {
    const e = errorOf(() => designMatrix(rows.map((r, i) => (i === 1 ? { ...r, age: '55' } : r)), [{ name: 'age', type: 'continuous' }]));
    expect(e.code).toBe('not-numeric');
    expect(e.index).toBe(1);
    expect(errorOf(() => designMatrix([{ a: 'x' }, { a: { b: 1 } }], [{ name: 'a', type: 'categorical' }])).code).toBe('not-numeric');
  });

  it('rejects a reference level that does not occur', () => {
    const e = errorOf(() => designMatrix(rows, [{ name: 'modality', type: 'categorical', reference: 'PET' }]));
    expect(e.code).toBe('unknown-reference');
    expect(e.message).toMatch(/levels: CT, MRI, US/);
  });

  it('rejects empty rows, a moderator listed twice, a nameless moderator and an unknown type', () => {
    expect(errorOf(() => designMatrix([], [])).code).toBe('input');
    expect(errorOf(() => designMatrix(rows, [{ name: 'age', type: 'continuous' }, { name: 'age', type: 'continuous' }])).moderator).toBe('age');
    expect(errorOf(() => designMatrix(rows, [{ name: '', type: 'continuous' }])).code).toBe('input');
    expect(errorOf(() => designMatrix(rows, [{ name: 'age', type: 'ordinal' as 'continuous' }])).message).toMatch(/'continuous' or 'categorical'/);
  });
});
