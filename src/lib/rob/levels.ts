/** Overall level of a figure row from its domain levels: the published rule, or `not-assessed` if any domain is. */
import { overallFromDomains, type Judgement, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import { asLevel } from './marks.ts';

/** The level of each of `n` columns (missing or unknown entries are `not-assessed`). */
export function padLevels(levels: readonly unknown[] | undefined, n: number): RobLevel[] {
  return Array.from({ length: n }, (_, i) => asLevel(levels?.[i]));
}

/** The rule over the domains; a row with any domain not assessed (or no domains) is `not-assessed`, never low. */
export function overallOfLevels(levels: readonly RobLevel[]): RobLevel {
  if (levels.length === 0 || levels.includes('not-assessed')) return 'not-assessed';
  return overallFromDomains(levels as Judgement[]);
}
