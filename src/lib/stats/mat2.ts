/** 2×2 matrix arithmetic for the bivariate model, as row-major tuples [m00, m01, m10, m11]. */

/** A 2×2 matrix [m00, m01, m10, m11] (row-major). */
export type Mat2 = readonly [number, number, number, number];
/** A 2-vector. */
export type Vec2 = readonly [number, number];

/** The symmetric matrix [[a, b], [b, d]]. */
export function sym2(a: number, b: number, d: number): Mat2 {
  return [a, b, b, d];
}

/** A + B. */
export function add2(x: Mat2, y: Mat2): Mat2 {
  return [x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3]];
}

/** A·B. */
export function mul2(x: Mat2, y: Mat2): Mat2 {
  return [
    x[0] * y[0] + x[1] * y[2],
    x[0] * y[1] + x[1] * y[3],
    x[2] * y[0] + x[3] * y[2],
    x[2] * y[1] + x[3] * y[3],
  ];
}

/** Determinant. */
export function det2(x: Mat2): number {
  return x[0] * x[3] - x[1] * x[2];
}

/** Inverse (no check for singularity: the caller ensures the determinant is non-zero). */
export function inv2(x: Mat2): Mat2 {
  const d = det2(x);
  return [x[3] / d, -x[1] / d, -x[2] / d, x[0] / d];
}

/** Trace. */
export function tr2(x: Mat2): number {
  return x[0] + x[3];
}

/** trace(A·B) without forming the product. */
export function trMul2(x: Mat2, y: Mat2): number {
  return x[0] * y[0] + x[1] * y[2] + x[2] * y[1] + x[3] * y[3];
}

/** A·v. */
export function mulVec2(x: Mat2, v: Vec2): Vec2 {
  return [x[0] * v[0] + x[1] * v[1], x[2] * v[0] + x[3] * v[1]];
}

/** vᵀ·A·v. */
export function quad2(v: Vec2, x: Mat2): number {
  return v[0] * (x[0] * v[0] + x[1] * v[1]) + v[1] * (x[2] * v[0] + x[3] * v[1]);
}

/** Lower Cholesky factor L (L·Lᵀ = A) of a symmetric positive-definite matrix. */
export function chol2(x: Mat2): Mat2 {
  const l00 = Math.sqrt(x[0]);
  const l10 = x[2] / l00;
  const l11 = Math.sqrt(Math.max(0, x[3] - l10 * l10));
  return [l00, 0, l10, l11];
}
