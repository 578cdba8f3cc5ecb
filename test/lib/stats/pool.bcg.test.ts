import { describe, expect, it } from 'vitest';
import { pool } from '../../../src/lib/stats/index.ts';
import type { PoolMethod, PoolResult, PoolTest } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';

interface BcgFixture {
  yi: number[];
  vi: number[];
  yi9: number[];
  vi9: number[];
  fits: { method: PoolMethod; test: PoolTest; expected: Partial<Record<keyof PoolResult, number>> }[];
}
const bcg = loadFixture<BcgFixture>('bcg-metafor.json');

function deviations(result: PoolResult, expected: Partial<Record<keyof PoolResult, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(expected)) out[key] = Math.abs((result[key as keyof PoolResult] as number) - (value as number));
  return out;
}

describe('pool on the BCG vaccine data (metafor 3.8 printed output)', () => {
  for (const fit of bcg.fits) {
    it(`reproduces metafor ${fit.method} with test ${fit.test} on the BCG data within 1e-5 for ${Object.keys(fit.expected).join(', ')}`, () => {
      const result = pool({ yi: bcg.yi, vi: bcg.vi }, { method: fit.method, test: fit.test });
      const dev = deviations(result, fit.expected);
      for (const [key, d] of Object.entries(dev)) expect(d, `${key}: ${JSON.stringify(dev)}`).toBeLessThan(1e-5);
      expect(result.warnings).toEqual([]);
    });
  }

  it('reproduces every printed metafor number from the 9-decimal inputs within 1e-5, except Q (1.3e-5, input rounding)', () => {
    for (const fit of bcg.fits) {
      const result = pool({ yi: bcg.yi9, vi: bcg.vi9 }, { method: fit.method, test: fit.test });
      const dev = deviations(result, fit.expected);
      for (const [key, d] of Object.entries(dev)) expect(d, `${fit.method} ${key}: ${JSON.stringify(dev)}`).toBeLessThan(key === 'Q' ? 2e-5 : 1e-5);
    }
  });

  it('reports the QE test on 12 df with a p-value of about 2e-26', () => {
    const result = pool({ yi: bcg.yi, vi: bcg.vi }, { method: 'REML' });
    expect(result.QDf).toBe(12);
    expect(result.QPval).toBeGreaterThan(1.9e-26);
    expect(result.QPval).toBeLessThan(2.1e-26);
  });

  it('converges by REML in a handful of Fisher-scoring steps', () => {
    const result = pool({ yi: bcg.yi, vi: bcg.vi }, { method: 'REML' });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(20);
  });
});
