/** Number formatting for the GRADE reason sentences and tables (true minus sign, fixed decimals). */

/** A share as a whole percentage: 0.234 → "23%". */
export function pct0(share: number): string {
  return `${Math.round(100 * share)}%`;
}

/** A proportion as a percentage with one decimal: 0.8712 → "87.1%". */
export function pct1(x: number): string {
  return `${(100 * x).toFixed(1).replace('-', '−')}%`;
}

/** A number with `d` decimals and a true minus sign. */
export function dec(x: number, d = 2): string {
  return x.toFixed(d).replace('-', '−');
}

/** A p-value: "p = 0.034", "p < 0.001". */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** "1 study" / "3 studies". */
export function studies(n: number): string {
  return `${n} ${n === 1 ? 'study' : 'studies'}`;
}
