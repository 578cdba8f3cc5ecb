import { describe, expect, it } from 'vitest';
import { pf } from '../../../src/lib/stats/index.ts';
import { metaregReference, relDiff } from './metareg-fixture.ts';

describe('pf against base R pf()', () => {
  it('matches both tails to 1e-12 relative on a grid of quantiles and degrees of freedom', () => {
    expect(metaregReference.pf.length).toBeGreaterThan(100);
    for (const { q, df1, df2, upper, lower } of metaregReference.pf) {
      expect(relDiff(pf(q, df1, df2, false), upper), `upper ${q} ${df1} ${df2}`).toBeLessThan(1e-12);
      expect(relDiff(pf(q, df1, df2), lower), `lower ${q} ${df1} ${df2}`).toBeLessThan(1e-12);
    }
  });

  it('handles the edges of its domain', () => {
    expect(pf(0, 2, 3)).toBe(0);
    expect(pf(-1, 2, 3, false)).toBe(1);
    expect(pf(Infinity, 2, 3)).toBe(1);
    expect(pf(1, 0, 3)).toBeNaN();
    expect(pf(Number.NaN, 1, 3)).toBeNaN();
  });
});
