import { describe, expect, it } from 'vitest';
import { PoolInputError, pool, qt } from '../../../src/lib/stats/index.ts';
import type { EffectData, PoolMethod } from '../../../src/lib/stats/index.ts';

const METHODS: PoolMethod[] = ['EE', 'DL', 'REML'];

function rejection(data: unknown, options: unknown = { method: 'REML' }): PoolInputError {
  try {
    pool(data as EffectData, options as { method: PoolMethod });
  } catch (e) {
    if (e instanceof PoolInputError) return e;
    throw e;
  }
  throw new Error('pool did not throw');
}

describe('pool with a single study', () => {
  for (const method of METHODS) {
    it(`returns the study itself with tau² = 0, I² = 0, H² = 1, Q = 0 and PI = CI under ${method}`, () => {
      const r = pool({ yi: [0.5], vi: [0.04] }, { method });
      expect(r.k).toBe(1);
      expect(r.estimate).toBe(0.5);
      expect(r.se).toBeCloseTo(0.2, 15);
      expect(r.tau2).toBe(0);
      expect(r.tau2Se).toBeUndefined();
      expect([r.I2, r.H2, r.Q, r.QDf, r.QPval]).toEqual([0, 1, 0, 0, 1]);
      expect(r.piLow).toBe(r.ciLow);
      expect(r.piHigh).toBe(r.ciHigh);
      expect(r.weights).toEqual([100]);
      expect(r.warnings).toEqual([]);
    });
  }

  it('falls back from Knapp-Hartung to the z test with a warning, since t would have 0 df', () => {
    const z = pool({ yi: [0.5], vi: [0.04] }, { method: 'REML' });
    const r = pool({ yi: [0.5], vi: [0.04] }, { method: 'REML', test: 'knha' });
    expect(r.test).toBe('z');
    expect(r.df).toBeUndefined();
    expect(r.tval).toBeUndefined();
    expect(r.zval).toBe(z.zval);
    expect([r.ciLow, r.ciHigh]).toEqual([z.ciLow, z.ciHigh]);
    expect(r.warnings).toEqual([expect.stringMatching(/Knapp-Hartung needs at least 2 studies/)]);
  });
});

describe('pool with two studies', () => {
  it('uses t on 1 df for Knapp-Hartung, so the CI is ±12.706·se wide', () => {
    const r = pool({ yi: [0.2, 0.8], vi: [0.04, 0.09] }, { method: 'REML', test: 'knha' });
    expect(r.df).toBe(1);
    expect(r.ciHigh - r.estimate).toBeCloseTo(qt(0.975, 1) * r.se, 12);
    expect(r.piHigh - r.estimate).toBeCloseTo(qt(0.975, 1) * Math.sqrt(r.se ** 2 + r.tau2), 12);
  });
});

describe('pool with all sampling variances equal', () => {
  const data = { yi: [0.1, 0.5, 0.3, 0.9, -0.2], vi: [0.05, 0.05, 0.05, 0.05, 0.05] };
  const mean = 0.32;
  const sampleVar = data.yi.reduce((s, y) => s + (y - mean) ** 2, 0) / 4;

  it('gives equal weights and the plain mean under every method', () => {
    for (const method of METHODS) {
      const r = pool(data, { method });
      expect(r.estimate).toBeCloseTo(mean, 14);
      for (const w of r.weights) expect(w).toBeCloseTo(20, 12);
    }
  });

  it('gives DL and REML tau² = sample variance − v, and vt = v', () => {
    expect(pool(data, { method: 'DL' }).tau2).toBeCloseTo(sampleVar - 0.05, 14);
    expect(pool(data, { method: 'REML' }).tau2).toBeCloseTo(sampleVar - 0.05, 8);
    expect(pool(data, { method: 'REML' }).vt).toBeCloseTo(0.05, 14);
  });
});

describe('pool with homogeneous data (tau² truncated at 0)', () => {
  const data = { yi: [0.3, 0.32, 0.29, 0.31, 0.33], vi: [0.04, 0.05, 0.03, 0.06, 0.05] };

  it('truncates DL and REML tau² at exactly 0 and then matches the EE estimate', () => {
    const ee = pool(data, { method: 'EE' });
    for (const method of ['DL', 'REML'] as const) {
      const r = pool(data, { method });
      expect(r.tau2).toBe(0);
      expect(r.I2).toBe(0);
      expect(r.H2).toBe(1);
      expect(r.estimate).toBe(ee.estimate);
      expect([r.piLow, r.piHigh]).toEqual([r.ciLow, r.ciHigh]);
    }
  });

  it('reports EE I² = 0 when Q is below its df, and H² = Q/df', () => {
    const r = pool(data, { method: 'EE' });
    expect(r.Q).toBeLessThan(r.QDf);
    expect(r.I2).toBe(0);
    expect(r.H2).toBeCloseTo(r.Q / r.QDf, 15);
  });

  it('warns that identical estimates make the Knapp-Hartung interval zero-width', () => {
    const r = pool({ yi: [0.4, 0.4, 0.4], vi: [0.01, 0.02, 0.03] }, { method: 'REML', test: 'knha' });
    expect(r.se).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/Knapp-Hartung factor is 0/);
  });
});

describe('pool input validation', () => {
  it('rejects a zero sampling variance, naming its index', () => {
    const e = rejection({ yi: [0.1, 0.2, 0.3], vi: [0.01, 0.02, 0] });
    expect(e.message).toMatch(/vi\[2\] is 0: sampling variances must be positive/);
    expect(e.index).toBe(2);
  });

  it('rejects a negative sampling variance, naming its index', () => {
    expect(rejection({ yi: [0.1, 0.2], vi: [-0.01, 0.02] }).message).toMatch(/vi\[0\] is -0.01/);
  });

  it('rejects a missing sampling variance, naming its index', () => {
    expect(rejection({ yi: [0.1, 0.2], vi: [0.01, null] }).message).toMatch(/vi\[1\] is missing/);
    expect(rejection({ yi: [0.1, 0.2], vi: [0.01, undefined] }).index).toBe(1);
  });

  it('rejects NaN, infinite or non-numeric inputs, naming the field and index', () => {
    expect(rejection({ yi: [0.1, 0.2, 0.3, Number.NaN], vi: [1, 1, 1, 1] }).message).toMatch(/yi\[3\] is NaN/);
    expect(rejection({ yi: [0.1, 0.2], vi: [1, Number.NaN] }).message).toMatch(/vi\[1\] is NaN/);
    expect(rejection({ yi: [Infinity, 0.2], vi: [1, 1] }).message).toMatch(/yi\[0\] is Infinity/);
    expect(rejection({ yi: ['0.3', 0.2], vi: [1, 1] }).message).toMatch(/yi\[0\] is not a number/);
  });

  it('rejects mismatched lengths and empty input', () => {
    expect(rejection({ yi: [0.1, 0.2, 0.3], vi: [0.01, 0.02] }).message).toMatch(/differ in length \(3 estimates, 2 variances\)/);
    expect(rejection({ yi: [], vi: [] }).message).toMatch(/no studies to pool/);
    expect(rejection({ yi: 0.1, vi: 0.01 }).message).toMatch(/must both be arrays/);
  });

  it('rejects an unknown method or test and a level outside (0, 1)', () => {
    const data = { yi: [0.1, 0.2], vi: [0.01, 0.02] };
    expect(rejection(data, { method: 'PM' }).message).toMatch(/unknown method "PM"/);
    expect(rejection(data, { method: 'DL', test: 't' }).message).toMatch(/unknown test "t"/);
    expect(rejection(data, { method: 'DL', level: 95 }).message).toMatch(/level 95 is outside \(0, 1\)/);
  });

  it('defaults to the z test at the 95% level', () => {
    const r = pool({ yi: [0.1, 0.4, 0.2], vi: [0.01, 0.02, 0.03] }, { method: 'DL' });
    expect(r.test).toBe('z');
    expect(r.level).toBe(0.95);
    expect(r.zval).toBeDefined();
    expect(r.ciHigh - r.estimate).toBeCloseTo(1.959963984540054 * r.se, 14);
  });
});
