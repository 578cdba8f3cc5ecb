import { describe, expect, it } from 'vitest';
import { drawnInput, drawnRowIds, unitOf, type DrawnRow } from '../../../src/lib/explore/pool-columns.ts';

const groups = [
  { outcome: 'a', measure: 'AUC', estimates: 3, studies: 2 },
  { outcome: 'b', measure: 'AUC', estimates: 1, studies: 1 },
  { outcome: 'c', measure: 'kappa', estimates: 4, studies: 4 },
];
const rows = [10n, 11n, 12n, 20n, 30n, 31n, 32n, 33n];

describe('the drawn rows of the pool rows', () => {
  it('asks for the first cap estimates of each group, in pool order', () => {
    expect(drawnRowIds(groups, rows, 2)).toEqual([10n, 11n, 20n, 30n, 31n]);
    expect(drawnRowIds(groups, rows, 30)).toEqual(rows);
    expect(drawnRowIds([], [], 30)).toEqual([]);
  });

  it("finds each pool row's full row by its estimate row id, and refuses a row not fetched", () => {
    const drawn: DrawnRow[] = [{ estimate_row: 31, estimate_id: 's#2', slug: 's', outcome: 'c', label: 'x', measure: 'kappa', value: 0.5, ci_low: null, ci_high: 0.7, ci_level: null, unit: null, needs_review: null, title: 'T', status: 'included' }];
    const input = drawnInput(rows, drawn);
    expect(input(5)).toEqual({ estimate_id: 's#2', slug: 's', outcome: 'c', label: 'x', measure: 'kappa', value: 0.5, ci_low: null, ci_high: 0.7, ci_level: null, unit: null, needs_review: false, title: 'T', status: 'included' });
    expect(() => input(4)).toThrow(/not fetched/);
  });

  it('decodes unit codes, reading the text only for a unit outside the known ones', () => {
    expect([0, 1, 2, 3, 4].map((c) => unitOf(c, () => 'never'))).toEqual([null, 'proportion', 'percent', 'ratio', 'difference']);
    expect(unitOf(-1, () => 'odds')).toBe('odds');
  });
});
