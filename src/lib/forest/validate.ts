/** Input checks of the forest plot: which rows and pooled estimates can be drawn, and why not. */
import { plottable } from './axis.ts';
import type { ForestPooled, ForestRow } from './types.ts';

type Scale = 'linear' | 'log';

function numberProblem(name: string, v: number, scale: Scale): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${name} is not a finite number`;
  if (scale === 'log' && v <= 0) return `${name} ${v} is not positive, so it cannot be drawn on a log scale`;
  if (!plottable(v, scale)) return `${name} ${v} is outside the plottable range`;
  return null;
}

/** Why a row cannot be drawn (non-finite, non-positive on a log axis, negative weight), or null. */
export function rowSkipReason(row: ForestRow, scale: Scale): string | null {
  const limits: [string, number | null | undefined][] = [
    ['value', row.value],
    ['lower confidence limit', row.ciLow],
    ['upper confidence limit', row.ciHigh],
  ];
  for (const [name, v] of limits) {
    const problem = v === null || v === undefined ? null : numberProblem(name, v, scale);
    if (problem) return problem;
  }
  const w = row.weight;
  if (w === null || w === undefined) return null;
  if (typeof w !== 'number' || !Number.isFinite(w)) return 'weight is not a finite number';
  return w < 0 ? 'weight is negative' : null;
}

/** Why the pooled estimate cannot be drawn, or null. */
export function pooledSkipReason(p: ForestPooled, scale: Scale): string | null {
  const limits: [string, number | null | undefined][] = [
    ['estimate', p.estimate],
    ['lower confidence limit', p.ciLow],
    ['upper confidence limit', p.ciHigh],
    ['lower prediction limit', p.piLow],
    ['upper prediction limit', p.piHigh],
  ];
  for (const [name, v] of limits) {
    const problem = v === null || v === undefined ? null : numberProblem(`pooled ${name}`, v, scale);
    if (problem) return problem;
  }
  return null;
}

/** Both limits of an interval as [low, high] (sorted), or null when either is missing. */
export function intervalOf(lo: number | null | undefined, hi: number | null | undefined): [number, number] | null {
  if (typeof lo !== 'number' || typeof hi !== 'number') return null;
  return lo <= hi ? [lo, hi] : [hi, lo];
}
