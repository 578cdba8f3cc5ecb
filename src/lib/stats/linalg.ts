/**
 * Small dense linear algebra for meta-regression: p × p symmetric positive-definite systems (Cholesky),
 * and the column checks (constant, collinear) a design matrix must pass. Matrices are arrays of rows.
 */

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/** Thrown by `cholesky` when the matrix is not (numerically) positive definite; `column` is the failing pivot. */
export class NotPositiveDefiniteError extends Error {
  column: number;
  constructor(column: number) {
    super(`matrix is not positive definite (pivot ${column} is not positive)`);
    this.name = 'NotPositiveDefiniteError';
    this.column = column;
  }
}

/** Lower-triangular L with A = L·Lᵀ for a symmetric positive-definite A; throws `NotPositiveDefiniteError`. */
export function cholesky(a: readonly (readonly number[])[]): Matrix {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const lj = l[j] as number[];
    let d = (a[j] as readonly number[])[j] as number;
    for (let s = 0; s < j; s++) d -= (lj[s] as number) ** 2;
    if (!(d > 0)) throw new NotPositiveDefiniteError(j);
    const ljj = Math.sqrt(d);
    lj[j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] as number[];
      let x = (a[i] as readonly number[])[j] as number;
      for (let s = 0; s < j; s++) x -= (li[s] as number) * (lj[s] as number);
      li[j] = x / ljj;
    }
  }
  return l;
}

/** Solves L·x = b for lower-triangular L (forward substitution). */
export function forwardSolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const x = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    const li = l[i] as readonly number[];
    let s = b[i] as number;
    for (let j = 0; j < i; j++) s -= (li[j] as number) * (x[j] as number);
    x[i] = s / (li[i] as number);
  }
  return x;
}

/** Solves Lᵀ·x = b for lower-triangular L (back substitution). */
export function backSolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < n; j++) s -= ((l[j] as readonly number[])[i] as number) * (x[j] as number);
    x[i] = s / ((l[i] as readonly number[])[i] as number);
  }
  return x;
}

/** Solves A·x = b given the Cholesky factor L of A. */
export function cholSolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  return backSolve(l, forwardSolve(l, b));
}

/** A⁻¹ from the Cholesky factor L of A (symmetrised). */
export function cholInverse(l: readonly (readonly number[])[]): Matrix {
  const n = l.length;
  const cols = Array.from({ length: n }, (_, j) => cholSolve(l, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => 0.5 * (((cols[j] as number[])[i] as number) + ((cols[i] as number[])[j] as number))),
  );
}

/** log det A from the Cholesky factor L of A: 2·Σ log Lᵢᵢ. */
export function cholLogDet(l: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < l.length; i++) s += Math.log((l[i] as readonly number[])[i] as number);
  return 2 * s;
}

/** Xᵀ·diag(w)·X for a k × p matrix X (rows) and weights w. */
export function crossprodWeighted(x: readonly (readonly number[])[], w: readonly number[]): Matrix {
  const p = (x[0] as readonly number[]).length;
  const out: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as readonly number[];
    const wi = w[i] as number;
    for (let r = 0; r < p; r++) {
      const a = wi * (xi[r] as number);
      const row = out[r] as number[];
      for (let c = 0; c <= r; c++) row[c] = (row[c] as number) + a * (xi[c] as number);
    }
  }
  for (let r = 0; r < p; r++) for (let c = r + 1; c < p; c++) (out[r] as number[])[c] = (out[c] as number[])[r] as number;
  return out;
}

/** Xᵀ·diag(w)·y. */
export function crossprodWeightedVec(x: readonly (readonly number[])[], w: readonly number[], y: readonly number[]): number[] {
  const p = (x[0] as readonly number[]).length;
  const out = new Array<number>(p).fill(0);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as readonly number[];
    const a = (w[i] as number) * (y[i] as number);
    for (let r = 0; r < p; r++) out[r] = (out[r] as number) + a * (xi[r] as number);
  }
  return out;
}

/** X·b for a k × p matrix X (rows). */
export function matVec(x: readonly (readonly number[])[], b: readonly number[]): number[] {
  return x.map((xi) => xi.reduce((s, v, j) => s + v * (b[j] as number), 0));
}

/** The columns of X (rows) as arrays. */
export function columnsOf(x: readonly (readonly number[])[]): number[][] {
  const p = (x[0] as readonly number[]).length;
  return Array.from({ length: p }, (_, j) => x.map((row) => row[j] as number));
}

function norm2(v: readonly number[]): number {
  let scale = 0;
  for (const e of v) scale = Math.max(scale, Math.abs(e));
  if (scale === 0) return 0;
  let s = 0;
  for (const e of v) s += (e / scale) ** 2;
  return scale * Math.sqrt(s);
}

/** Relative tolerance for the collinearity check: R's `lm` / `qr` default (1e-7), which metafor uses to drop redundant predictors. */
export const RANK_TOL = 1e-7;

/** A column that is (numerically) a linear combination of earlier ones, and which earlier columns it combines. */
export interface CollinearColumn {
  column: number;
  combination: number[];
}

/**
 * The first column of X (rows) that is a linear combination of the columns before it, by modified
 * Gram–Schmidt: column j is collinear when the norm of what is left after projecting out the earlier
 * columns is ≤ `tol` times its own norm (as R's QR with tol 1e-7); `combination` lists the earlier
 * columns with a non-negligible coefficient. A zero column is collinear with nothing (combination []).
 * Returns undefined when X has full column rank.
 */
export function findCollinearColumn(x: readonly (readonly number[])[], tol = RANK_TOL): CollinearColumn | undefined {
  const cols = columnsOf(x);
  const basis: number[][] = []; // orthonormal
  const coefOn: number[][] = []; // basis vector b = Σ coefOn[b][c]·column c  (upper-triangular bookkeeping)
  for (let j = 0; j < cols.length; j++) {
    const v = [...(cols[j] as number[])];
    const norm0 = norm2(v);
    const r: number[] = [];
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < v.length; i++) d += (q[i] as number) * (v[i] as number);
      for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - d * (q[i] as number);
      r.push(d);
    }
    const norm = norm2(v);
    if (norm0 === 0 || norm <= tol * norm0) {
      // column j ≈ Σ r[b]·basis[b] = Σ_b r[b]·Σ_c coefOn[b][c]·column c
      const coef = new Array<number>(cols.length).fill(0);
      r.forEach((rb, b) => (coefOn[b] as number[]).forEach((cbc, c) => (coef[c] = (coef[c] as number) + rb * cbc)));
      const combination = coef
        .map((c, idx) => ({ idx, size: Math.abs(c) * norm2(cols[idx] as number[]) }))
        .filter(({ idx, size }) => idx < j && size > 1e-6 * norm0)
        .map(({ idx }) => idx);
      return { column: j, combination };
    }
    // new basis vector q = (column j − Σ r[b]·basis[b]) / norm
    const coef = new Array<number>(cols.length).fill(0);
    coef[j] = 1 / norm;
    r.forEach((rb, b) => (coefOn[b] as number[]).forEach((cbc, c) => (coef[c] = (coef[c] as number) - (rb * cbc) / norm)));
    basis.push(v.map((e) => e / norm));
    coefOn.push(coef);
  }
  return undefined;
}
