/** Checks of a study's 2×2 table (TP, FP, FN, TN) shared by the DTA figures. */

/** The four cells of a 2×2 table of a diagnostic test against the reference standard. */
export interface TwoByTwo {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** The cells in display order with their column headings. */
export const CELLS = [
  ['tp', 'TP'],
  ['fp', 'FP'],
  ['fn', 'FN'],
  ['tn', 'TN'],
] as const;

/** Why the cells are not a 2×2 table of counts (a cell that is not a non-negative whole number), or null. */
export function cellsProblem(t: TwoByTwo): string | null {
  for (const [cell, name] of CELLS) {
    const v = t[cell];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return `${name} = ${String(v)} is not a non-negative whole number`;
  }
  return null;
}
