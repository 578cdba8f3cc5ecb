import { describe, expect, it } from 'vitest';
import { MetaRegressionError, metaRegression, pool } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';
import { metaregReference } from './metareg-fixture.ts';

const bcg = metaregReference.metareg.find((c) => c.name === 'bcg-ablat-z')!;
const { yi, vi } = bcg;
const ablat = bcg.X.map((r) => r[1] as number);

function errorOf(fn: () => unknown): MetaRegressionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MetaRegressionError);
    return e as MetaRegressionError;
  }
  throw new Error('expected a MetaRegressionError');
}

describe('metaRegression rejects unusable design matrices with a typed error naming the column', () => {
  it('rejects a column that is a linear combination of others and names it and them', () => {
    const X = ablat.map((a, i) => [1, a, i % 2, 2 * a - 3 * (i % 2) + 1]);
    const e = errorOf(() => metaRegression({ yi, vi, X, names: ['intrcpt', 'ablat', 'odd', 'mix'] }, { method: 'REML', test: 'z' }));
    expect(e.code).toBe('collinear');
    expect(e.column).toBe('mix');
    expect(e.message).toMatch(/"mix" is collinear with the columns "intrcpt", "ablat", "odd"/);
  });

  it('rejects a duplicated column and a full set of dummies next to the intercept', () => {
    const dup = errorOf(() => metaRegression({ yi, vi, X: ablat.map((a) => [1, a, a]), names: ['intrcpt', 'ablat', 'ablat again'] }));
    expect(dup.code).toBe('collinear');
    expect(dup.column).toBe('ablat again');
    const dummies = ablat.map((a) => [1, a > 30 ? 1 : 0, a > 30 ? 0 : 1]);
    const e = errorOf(() => metaRegression({ yi, vi, X: dummies, names: ['intrcpt', 'north', 'south'] }));
    expect(e.column).toBe('south');
    expect(e.message).toMatch(/"intrcpt", "north"/);
  });

  it('rejects a constant non-intercept column as a moderator with a single level', () => {
    const X = ablat.map((a) => [1, a, 0]);
    const e = errorOf(() => metaRegression({ yi, vi, X, names: ['intrcpt', 'ablat', 'allocrandom'] }));
    expect(e.code).toBe('constant-column');
    expect(e.column).toBe('allocrandom');
    expect(e.message).toMatch(/single level/);
  });

  it('rejects k ≤ p: as many coefficients as studies', () => {
    const X = [[1, 0, 0], [1, 1, 0], [1, 0, 1]];
    const e = errorOf(() => metaRegression({ yi: [0.1, 0.2, 0.5], vi: [0.1, 0.1, 0.1], X }));
    expect(e.code).toBe('too-few-studies');
    expect(e.message).toMatch(/3 studies for 3 coefficients/);
    expect(() => metaRegression({ yi: [0.1, 0.2, 0.5, 0.3], vi: [0.1, 0.1, 0.1, 0.2], X: [...X, [1, 1, 1]] })).not.toThrow();
  });

  it('rejects non-finite moderator values, effects and variances, naming the study', () => {
    const X = bcg.X.map((r) => [...r]);
    (X[4] as number[])[1] = Number.NaN;
    const e = errorOf(() => metaRegression({ yi, vi, X, names: ['intrcpt', 'ablat'] }));
    expect(e.code).toBe('non-finite');
    expect(e.column).toBe('ablat');
    expect(e.index).toBe(4);
    const y = [...yi];
    y[2] = Infinity;
    expect(errorOf(() => metaRegression({ yi: y, vi, X: bcg.X })).index).toBe(2);
    const v = [...vi];
    v[0] = -1;
    expect(errorOf(() => metaRegression({ yi, vi: v, X: bcg.X })).code).toBe('non-finite');
  });

  it('rejects malformed X, names and options', () => {
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X.slice(1) })).code).toBe('input');
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X.map((r, i) => (i === 3 ? [1] : r)) })).index).toBe(3);
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X, names: ['only one'] })).code).toBe('input');
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X }, { method: 'DL' as 'REML' })).message).toMatch(/'REML' only/);
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X }, { test: 't' as 'z' })).code).toBe('input');
    expect(errorOf(() => metaRegression({ yi, vi, X: bcg.X }, { level: 95 })).message).toMatch(/level/);
  });
});

describe('metaRegression behaves as the model it fits', () => {
  it('with the intercept column alone equals pool(method REML), with QM the test of the intercept and no R²', () => {
    for (const test of ['z', 'knha'] as const) {
      const fit = metaRegression({ yi, vi, X: yi.map(() => [1]) }, { test });
      const ref = pool({ yi, vi }, { method: 'REML', test });
      expect(fit.beta[0]).toBeCloseTo(ref.estimate, 12);
      expect(fit.se[0]).toBeCloseTo(ref.se, 12);
      expect(fit.tau2).toBeCloseTo(ref.tau2, 12);
      expect(fit.QE).toBeCloseTo(ref.Q, 10);
      expect(fit.I2).toBeCloseTo(ref.I2, 10);
      expect(fit.btt).toEqual([0]);
      expect(fit.QM).toBeCloseTo((fit.beta[0] as number) ** 2 / (fit.se[0] as number) ** 2, 10);
      expect(fit.R2).toBeUndefined();
    }
  });

  it('with one moderator under knha reports QM = t² and the F p-value equal to the t p-value', () => {
    const fit = metaRegression({ yi, vi, X: bcg.X }, { test: 'knha' });
    expect(fit.QM).toBeCloseTo((fit.tval?.[1] as number) ** 2, 10);
    expect(fit.QMp).toBeCloseTo(fit.pval[1] as number, 12);
    expect(fit.QMdf).toEqual([1, yi.length - 2]);
  });

  it('gives the same fit whatever the order of the studies, and permutes beta with the columns', () => {
    const base = metaRegression({ yi, vi, X: bcg.X });
    const order = yi.map((_, i) => (i * 5) % yi.length);
    const shuffled = metaRegression({ yi: order.map((i) => yi[i] as number), vi: order.map((i) => vi[i] as number), X: order.map((i) => bcg.X[i] as number[]) });
    expect(shuffled.tau2).toBeCloseTo(base.tau2, 12);
    expect(shuffled.beta[1]).toBeCloseTo(base.beta[1] as number, 12);
    const swapped = metaRegression({ yi, vi, X: bcg.X.map((r) => [r[1] as number, r[0] as number]) });
    expect(swapped.beta[0]).toBeCloseTo(base.beta[1] as number, 12);
    expect(swapped.btt).toEqual([0]);
    expect(swapped.QM).toBeCloseTo(base.QM, 10);
    expect(swapped.R2).toBeCloseTo(base.R2 as number, 10);
  });

  it('tests every coefficient and omits R² when X has no intercept column', () => {
    const fit = metaRegression({ yi, vi, X: bcg.X.map((r) => [r[1] as number]) });
    expect(fit.btt).toEqual([0]);
    expect(fit.R2).toBeUndefined();
  });

  it('recovers known coefficients and tau² = 0 from effects lying exactly on a line, with R² = 100', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const fit = metaRegression({ yi: x.map((v) => 0.5 - 0.2 * v), vi: x.map((v) => 0.01 + 0.01 * v), X: x.map((v) => [1, v]) }, { test: 'knha' });
    expect(fit.beta[0]).toBeCloseTo(0.5, 12);
    expect(fit.beta[1]).toBeCloseTo(-0.2, 12);
    expect(fit.tau2).toBe(0);
    expect(fit.QE).toBeLessThan(1e-20);
    expect(fit.R2).toBe(100);
    expect(fit.warnings.join(' ')).toMatch(/Knapp-Hartung factor is 0/);
  });
});

interface PoolCase {
  dataset: string;
  method: string;
  test: 'z' | 'knha';
  level: number;
  estimate: number;
  se: number;
  pval: number;
  tau2: number;
  tau2Se: number | null;
  I2: number;
  H2: number;
  Q: number;
  QPval: number;
}
const poolRef = loadFixture<{ datasets: Record<string, { yi: number[]; vi: number[] }>; cases: PoolCase[] }>('metafor-reference.json');

describe('metaRegression with an intercept-only X reproduces metafor rma(method = "REML") on the pooling fixtures', () => {
  for (const c of poolRef.cases.filter((x) => x.method === 'REML' && (poolRef.datasets[x.dataset]?.yi.length ?? 0) > 1)) {
    it(`matches ${c.dataset} with test ${c.test} at level ${c.level}, including REML's half-step fallback and its tau² = 0 check`, () => {
      const data = poolRef.datasets[c.dataset]!;
      const fit = metaRegression({ yi: data.yi, vi: data.vi, X: data.yi.map(() => [1]) }, { test: c.test, level: c.level });
      const pairs: [number, number | null][] = [
        [fit.beta[0] as number, c.estimate],
        [fit.se[0] as number, c.se],
        [fit.pval[0] as number, c.pval],
        [fit.tau2, c.tau2],
        [fit.tau2Se, c.tau2Se],
        [fit.I2, c.I2],
        [fit.H2, c.H2],
        [fit.QE, c.Q],
        [fit.QEp, c.QPval],
      ];
      for (const [actual, expected] of pairs) expect(Math.abs(actual - (expected as number))).toBeLessThan(1e-9);
      if (c.dataset === 'oscillating') expect(fit.warnings.join(' ')).toMatch(/converged with half steps/);
    });
  }
});
