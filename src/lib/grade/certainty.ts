/**
 * GRADE certainty arithmetic. A body of evidence starts high (diagnostic-accuracy studies of
 * cross-sectional design start high, GRADE DTA guidance, Schünemann et al. 2020, J Clin Epidemiol
 * 122:129) or low (`start: low`); each domain rated serious takes it down one level and each very
 * serious two; it never goes below very low. An author's `overall` override replaces the computed
 * level and is shown as such. Pure.
 */
import { CERTAINTY_LEVELS, GRADE_DOMAINS, type CertaintyLevel, type DomainJudgement, type GradeDomain, type OutcomeCertainty } from '../schema/grade.ts';

/** Levels taken off by one domain judgement. */
export const DOWNGRADE: Record<DomainJudgement, number> = { 'not serious': 0, serious: 1, 'very serious': 2 };

/** The level `start` minus `downgrades` steps, floored at very low. */
export function downgrade(start: CertaintyLevel, downgrades: number): CertaintyLevel {
  if (!Number.isInteger(downgrades) || downgrades < 0) throw new RangeError(`downgrades ${downgrades} must be a whole number ≥ 0`);
  const i = CERTAINTY_LEVELS.indexOf(start);
  return CERTAINTY_LEVELS[Math.min(CERTAINTY_LEVELS.length - 1, i + downgrades)]!;
}

/** The computed level from a start and the five judgements (missing domains count as not serious). */
export function certaintyFromJudgements(start: CertaintyLevel, judgements: Partial<Record<GradeDomain, DomainJudgement>>): { level: CertaintyLevel; downgrades: number } {
  const downgrades = GRADE_DOMAINS.reduce((n, d) => n + DOWNGRADE[judgements[d] ?? 'not serious'], 0);
  return { level: downgrade(start, downgrades), downgrades };
}

/** An outcome's certainty as the site shows it. */
export type OutcomeRating =
  | { rated: false }
  | {
      rated: true;
      /** The level shown: the override when there is one, else the computed level. */
      level: CertaintyLevel;
      /** The level the five judgements give. */
      computed: CertaintyLevel;
      start: CertaintyLevel;
      /** Levels taken off by the judgements (before the floor at very low). */
      downgrades: number;
      /** The author's reason when the level is overridden, else null. */
      override: string | null;
    };

/** The rating of an outcome's certainty block; not rated when there is no block or it has no domain judgements. */
export function rateOutcome(block: OutcomeCertainty | null | undefined): OutcomeRating {
  if (!block || GRADE_DOMAINS.some((d) => !block[d])) return { rated: false };
  const start: CertaintyLevel = block.start === 'low' ? 'low' : 'high';
  const judgements = Object.fromEntries(GRADE_DOMAINS.map((d) => [d, block[d]!.judgement])) as Record<GradeDomain, DomainJudgement>;
  const { level: computed, downgrades } = certaintyFromJudgements(start, judgements);
  return { rated: true, level: block.overall?.certainty ?? computed, computed, start, downgrades, override: block.overall?.reason ?? null };
}

/** The GRADE symbols of a level: ⊕⊕⊕⊕ high, ⊕⊕⊕⊝ moderate, ⊕⊕⊝⊝ low, ⊕⊝⊝⊝ very low. */
export function certaintySymbols(level: CertaintyLevel): string {
  const filled = CERTAINTY_LEVELS.length - CERTAINTY_LEVELS.indexOf(level);
  return '⊕'.repeat(filled) + '⊝'.repeat(4 - filled);
}

/** How a level is written: "High", "Moderate", "Low", "Very low". */
export function certaintyLabel(level: CertaintyLevel): string {
  return `${level[0]!.toUpperCase()}${level.slice(1)}`;
}

/** What a level means (GRADE's wording), for the table's footnote and screen readers. */
export const CERTAINTY_MEANINGS: Record<CertaintyLevel, string> = {
  high: 'We are very confident that the true value lies close to the estimate.',
  moderate: 'We are moderately confident: the true value is likely close to the estimate, but it may be substantially different.',
  low: 'Our confidence is limited: the true value may be substantially different from the estimate.',
  'very low': 'We have very little confidence: the true value is likely substantially different from the estimate.',
};
