/** Reading the author's imprecision thresholds for one quantity (univariate estimate, sensitivity or specificity). */
import type { ImprecisionThresholds } from '../schema/grade.ts';
import type { DomainJudgement } from '../schema/grade.ts';

/** The quantities a threshold may be for. */
export type Quantity = 'estimate' | 'sensitivity' | 'specificity';

/** The decision threshold declared for a quantity, or null (a single number applies to every quantity). */
export function decisionFor(t: ImprecisionThresholds | undefined, q: Quantity): number | null {
  const d = t?.decision;
  if (d === undefined) return null;
  if (typeof d === 'number') return d;
  return q === 'estimate' ? null : (d[q] ?? null);
}

/** True when the interval (lo, hi) strictly contains x. */
export function contains(lo: number, hi: number, x: number | null): boolean {
  return x !== null && lo < x && x < hi;
}

/** Concerns found, as a judgement: 0 not serious, 1 serious, 2 or more very serious. */
export function judgementOf(concerns: number): DomainJudgement {
  return concerns <= 0 ? 'not serious' : concerns === 1 ? 'serious' : 'very serious';
}

/** The worse of two judgements. */
export function worse(a: DomainJudgement, b: DomainJudgement): DomainJudgement {
  const order: DomainJudgement[] = ['not serious', 'serious', 'very serious'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
}

/** True when a width exceeds a limit by more than rounding (0.9 − 0.7 is not wider than 0.2). */
export function wider(width: number, limit: number): boolean {
  return width - limit > 1e-9 * Math.max(1, Math.abs(limit));
}
