import { describe, expect, it } from 'vitest';
import { dt, pchisq, pnorm, pt, qnorm, qt } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';

interface Row {
  value: number;
  p?: number;
  q?: number;
  df?: number;
}
type Grid = Record<'qnorm' | 'pnormLower' | 'pnormUpper' | 'qt' | 'ptLower' | 'ptUpper' | 'pchisqLower' | 'pchisqUpper', Row[]>;
const r = loadFixture<Grid & { source: string }>('distributions-r.json');

function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

function worst(rows: Row[], f: (row: Row) => number): { err: number; row: Row | undefined; actual: number } {
  let out = { err: 0, row: undefined as Row | undefined, actual: Number.NaN };
  for (const row of rows) {
    const actual = f(row);
    const err = relErr(actual, row.value);
    if (!(err <= out.err)) out = { err, row, actual };
  }
  return out;
}

describe('normal distribution', () => {
  it('gives qnorm(0.975) = 1.959963984540054 to 1e-15', () => {
    expect(Math.abs(qnorm(0.975) - 1.959963984540054)).toBeLessThan(1e-15);
    expect(qnorm(0.5)).toBe(0);
    expect(qnorm(0.025)).toBeCloseTo(-1.959963984540054, 14);
  });

  it('matches R qnorm from 1e-300 to 1 − 1e-12 within 1e-14 relative', () => {
    const w = worst(r.qnorm, (row) => qnorm(row.p as number));
    expect(w.err, JSON.stringify(w)).toBeLessThan(1e-14);
  });

  it('matches R pnorm in both tails, down to pnorm(-37) ≈ 5.7e-300, within 1e-12 relative', () => {
    const lower = worst(r.pnormLower, (row) => pnorm(row.q as number));
    const upper = worst(r.pnormUpper, (row) => pnorm(row.q as number, false));
    expect(lower.err, JSON.stringify(lower)).toBeLessThan(1e-12);
    expect(upper.err, JSON.stringify(upper)).toBeLessThan(1e-12);
  });

  it('inverts pnorm: pnorm(qnorm(p)) = p within 1e-12 relative (x itself is rounded, so the tail at -30 can do no better)', () => {
    for (const p of [1e-200, 1e-8, 0.001, 0.2, 0.5, 0.77, 0.999]) expect(relErr(pnorm(qnorm(p)), p)).toBeLessThan(1e-12);
  });

  it('returns the limits and NaN at the edges of the domain', () => {
    expect(qnorm(0)).toBe(-Infinity);
    expect(qnorm(1)).toBe(Infinity);
    expect(qnorm(1.5)).toBeNaN();
    expect(pnorm(Infinity)).toBe(1);
    expect(pnorm(-Infinity)).toBe(0);
    expect(pnorm(Number.NaN)).toBeNaN();
  });
});

describe('Student t distribution', () => {
  // The brief quoted qt(0.975, 12) = 2.178812829663418; R 4.2.2 gives 2.178812829667228 (the
  // brief's value is off by 3.8e-12), so both are checked at the precision they are good for.
  it('gives qt(0.975, 12) = 2.178812829667228 (R) and qt(0.975, 1) = 12.70620473617471', () => {
    expect(Math.abs(qt(0.975, 12) - 2.178812829667228)).toBeLessThan(1e-13);
    expect(Math.abs(qt(0.975, 12) - 2.178812829663418)).toBeLessThan(1e-11);
    expect(Math.abs(qt(0.975, 1) - 12.70620473617471)).toBeLessThan(1e-12);
    expect(Math.abs(qt(0.975, 2) - 4.302652729749464)).toBeLessThan(1e-13);
  });

  it('matches R qt over p from 1e-12 to 0.9995 and df from 0.5 to 1000 within 1e-12 relative', () => {
    const w = worst(r.qt, (row) => qt(row.p as number, row.df as number));
    expect(w.err, JSON.stringify(w)).toBeLessThan(1e-12);
  });

  it('matches R pt in both tails within 1e-12 relative', () => {
    const lower = worst(r.ptLower, (row) => pt(row.q as number, row.df as number));
    const upper = worst(r.ptUpper, (row) => pt(row.q as number, row.df as number, false));
    expect(lower.err, JSON.stringify(lower)).toBeLessThan(1e-12);
    expect(upper.err, JSON.stringify(upper)).toBeLessThan(1e-12);
  });

  it('inverts pt: pt(qt(p, df), df) = p', () => {
    for (const df of [1, 3, 12, 50]) for (const p of [1e-9, 0.01, 0.3, 0.9, 0.975]) expect(relErr(pt(qt(p, df), df), p)).toBeLessThan(1e-12);
  });

  it('tends to the normal for infinite df and has a symmetric density', () => {
    expect(qt(0.975, Infinity)).toBe(qnorm(0.975));
    expect(pt(1.2, Infinity)).toBe(pnorm(1.2));
    expect(dt(0.7, 5)).toBe(dt(-0.7, 5));
    expect(Math.abs(dt(0, 1) - 1 / Math.PI)).toBeLessThan(1e-15);
  });

  it('returns NaN for a non-positive df or p outside [0, 1]', () => {
    expect(qt(0.5, 0)).toBeNaN();
    expect(qt(-0.1, 5)).toBeNaN();
    expect(pt(1, -2)).toBeNaN();
  });
});

describe('chi-square distribution', () => {
  // The brief quoted pchisq(152.2330, 12, lower = FALSE) ≈ 5.6e-26; R gives 1.996772e-26.
  it('gives the tiny upper tail pchisq(152.2330, 12, lower = FALSE) = 1.996772e-26 as R does', () => {
    expect(relErr(pchisq(152.233, 12, false), 1.996772137335306e-26)).toBeLessThan(1e-12);
  });

  it('matches R pchisq lower and upper tails within 1e-12 relative', () => {
    const lower = worst(r.pchisqLower, (row) => pchisq(row.q as number, row.df as number));
    const upper = worst(r.pchisqUpper, (row) => pchisq(row.q as number, row.df as number, false));
    expect(lower.err, JSON.stringify(lower)).toBeLessThan(1e-12);
    expect(upper.err, JSON.stringify(upper)).toBeLessThan(1e-12);
  });

  it('is 0 below zero and 1 at infinity', () => {
    expect(pchisq(0, 3)).toBe(0);
    expect(pchisq(-1, 3, false)).toBe(1);
    expect(pchisq(Infinity, 3)).toBe(1);
  });
});
