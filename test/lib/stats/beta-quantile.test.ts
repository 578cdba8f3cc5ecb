import { describe, expect, it } from 'vitest';
import { qbeta } from '../../../src/lib/stats/beta-quantile.ts';
import { clopperPearson } from '../../../src/lib/stats/clopper-pearson.ts';
import { regularizedBeta } from '../../../src/lib/stats/special.ts';
import { loadFixture } from './fixtures.ts';

interface QbetaRow {
  p: number;
  a: number;
  b: number;
  lowerTail: boolean;
  value: number;
}
interface CpRow {
  x: number;
  n: number;
  level: number;
  lower: number;
  upper: number;
}
const r = loadFixture<{ source: string; qbeta: QbetaRow[]; clopperPearson: CpRow[] }>('qbeta-r.json');

function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

describe('the beta quantile function', () => {
  it(`matches R qbeta on ${r.qbeta.length} probabilities and shapes (including 1e-12 tails) within 1e-12 relative`, () => {
    let worst = { err: 0, row: null as QbetaRow | null, actual: 0 };
    for (const row of r.qbeta) {
      const actual = qbeta(row.p, row.a, row.b, row.lowerTail);
      const err = relErr(actual, row.value);
      if (!(err <= worst.err)) worst = { err, row, actual };
    }
    expect(worst.err, JSON.stringify(worst)).toBeLessThan(1e-12);
  });

  it('inverts the regularized incomplete beta it is built on', () => {
    for (const [p, a, b] of [[0.025, 7, 4], [0.8, 0.3, 2], [0.5, 150, 150]] as const) {
      expect(regularizedBeta(qbeta(p, a, b), a, b)).toBeCloseTo(p, 13);
    }
  });

  it('gives 0 and 1 at the ends and NaN for shapes or probabilities outside their range', () => {
    expect(qbeta(0, 2, 3)).toBe(0);
    expect(qbeta(1, 2, 3)).toBe(1);
    expect(qbeta(0, 2, 3, false)).toBe(1);
    for (const [p, a, b] of [[-0.1, 2, 3], [1.1, 2, 3], [0.5, 0, 3], [0.5, 2, -1], [Number.NaN, 2, 3], [0.5, Infinity, 3]] as const) {
      expect(qbeta(p, a, b)).toBeNaN();
    }
  });
});

describe('the Clopper–Pearson interval', () => {
  it(`matches R binom.test on ${r.clopperPearson.length} counts and levels within 1e-12 relative`, () => {
    let worst = { err: 0, row: null as CpRow | null };
    for (const row of r.clopperPearson) {
      const ci = clopperPearson(row.x, row.n, row.level);
      const err = Math.max(relErr(ci.lower, row.lower), relErr(ci.upper, row.upper));
      if (!(err <= worst.err)) worst = { err, row };
    }
    expect(worst.err, JSON.stringify(worst)).toBeLessThan(1e-12);
  });

  it('reaches 0 when nothing is positive and 1 when everything is', () => {
    expect(clopperPearson(0, 12)).toMatchObject({ estimate: 0, lower: 0 });
    expect(clopperPearson(12, 12)).toMatchObject({ estimate: 1, upper: 1 });
    expect(clopperPearson(0, 12).upper).toBeCloseTo(1 - 0.025 ** (1 / 12), 14);
  });

  it('refuses negative, fractional or impossible counts and a level outside (0, 1)', () => {
    expect(() => clopperPearson(-1, 10)).toThrow(RangeError);
    expect(() => clopperPearson(2.5, 10)).toThrow(/whole counts/);
    expect(() => clopperPearson(11, 10)).toThrow(/0 <= x <= n/);
    expect(() => clopperPearson(0, 0)).toThrow(/n >= 1/);
    expect(() => clopperPearson(3, 10, 95)).toThrow(/level/);
  });
});
