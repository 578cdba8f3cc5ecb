import { describe, expect, it } from 'vitest';
import {
  NotPositiveDefiniteError,
  cholInverse,
  cholLogDet,
  cholSolve,
  cholesky,
  findCollinearColumn,
} from '../../../src/lib/stats/index.ts';

const A = [
  [4, 2, 0.6],
  [2, 5, 1],
  [0.6, 1, 3],
];

describe('Cholesky helpers for small symmetric positive-definite matrices', () => {
  it('factors A = L·Lᵀ with L lower-triangular', () => {
    const L = cholesky(A);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        if (j > i) expect(L[i]?.[j]).toBe(0);
        let s = 0;
        for (let m = 0; m < 3; m++) s += (L[i]?.[m] as number) * (L[j]?.[m] as number);
        expect(s).toBeCloseTo(A[i]?.[j] as number, 14);
      }
    }
  });

  it('solves A·x = b, inverts A symmetrically and gives log det A', () => {
    const L = cholesky(A);
    const x = cholSolve(L, [1, 2, 3]);
    A.forEach((row, i) => expect(row.reduce((s, a, j) => s + a * (x[j] as number), 0)).toBeCloseTo(i + 1, 13));
    const inv = cholInverse(L);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(inv[i]?.[j]).toBe(inv[j]?.[i]);
        expect(A[i]!.reduce((s, a, m) => s + a * (inv[m]?.[j] as number), 0)).toBeCloseTo(i === j ? 1 : 0, 13);
      }
    }
    const det = 4 * (5 * 3 - 1) - 2 * (2 * 3 - 0.6) + 0.6 * (2 - 5 * 0.6);
    expect(cholLogDet(L)).toBeCloseTo(Math.log(det), 13);
  });

  it('throws NotPositiveDefiniteError naming the failing pivot for a singular matrix', () => {
    try {
      cholesky([
        [1, 2],
        [2, 4],
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NotPositiveDefiniteError);
      expect((e as NotPositiveDefiniteError).column).toBe(1);
    }
  });
});

describe('findCollinearColumn', () => {
  const x = [1, 2, 3, 4, 5, 6];
  const z = [0, 1, 0, 1, 1, 0];

  it('returns undefined for a matrix of full column rank', () => {
    expect(findCollinearColumn(x.map((v, i) => [1, v, z[i] as number]))).toBeUndefined();
  });

  it('finds the first column that is a combination of earlier ones and lists those it combines', () => {
    const X = x.map((v, i) => [1, v, z[i] as number, 3 * (z[i] as number) - 2, v * v]);
    expect(findCollinearColumn(X)).toEqual({ column: 3, combination: [0, 2] });
  });

  it('uses R\'s relative tolerance 1e-7: a perturbation of 1e-9 is collinear, one of 1e-4 is not', () => {
    const near = (eps: number) => x.map((v, i) => [1, v, 2 * v + (i === 2 ? eps : 0)]);
    expect(findCollinearColumn(near(1e-9))?.column).toBe(2);
    expect(findCollinearColumn(near(1e-4))).toBeUndefined();
  });

  it('treats a zero column as collinear with nothing', () => {
    expect(findCollinearColumn(x.map((v) => [1, 0, v]))).toEqual({ column: 1, combination: [] });
  });
});
