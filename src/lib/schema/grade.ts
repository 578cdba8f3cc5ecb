/**
 * The GRADE certainty of evidence an author declares in content/review.yaml, per outcome
 * (`certainty: { <outcome id>: { … } }`): a judgement for each of the five GRADE domains — risk of
 * bias, inconsistency, indirectness, imprecision, publication bias — as `not serious`, `serious`
 * or `very serious`, with a `reason` (required unless not serious); an optional `overall` override
 * with its reason; the prevalences at which a diagnostic-accuracy outcome is shown per 1,000
 * tested (`prevalences`, also review-wide); and `imprecision_thresholds` for the site's suggested
 * imprecision judgement. The certainty itself is computed (src/lib/grade/certainty.ts): start
 * high, one level down per serious and two per very serious concern, never below very low.
 */
import { z } from 'zod';
import { MEASURE_IDS } from './measures.ts';

const Measure = z.enum(MEASURE_IDS);

/** The five GRADE domains, in the order a Summary of Findings table lists them. */
export const GRADE_DOMAINS = ['risk_of_bias', 'inconsistency', 'indirectness', 'imprecision', 'publication_bias'] as const;
/** One GRADE domain. */
export type GradeDomain = (typeof GRADE_DOMAINS)[number];

/** How each domain is named for readers. */
export const GRADE_DOMAIN_LABELS: Record<GradeDomain, string> = {
  risk_of_bias: 'Risk of bias',
  inconsistency: 'Inconsistency',
  indirectness: 'Indirectness',
  imprecision: 'Imprecision',
  publication_bias: 'Publication bias',
};

/** A domain judgement: how serious the concern is. */
export const DOMAIN_JUDGEMENTS = ['not serious', 'serious', 'very serious'] as const;
/** One domain judgement. */
export type DomainJudgement = (typeof DOMAIN_JUDGEMENTS)[number];

/** The four GRADE certainty levels, highest first. */
export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
/** A certainty level. */
export type CertaintyLevel = (typeof CERTAINTY_LEVELS)[number];

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** An author's judgement of one domain, with the reason (required when serious or very serious). */
export const DomainRating = z
  .object({
    judgement: z.enum(DOMAIN_JUDGEMENTS, { error: `must be one of ${list(DOMAIN_JUDGEMENTS)}` }),
    reason: z.string().trim().min(1, 'reason must not be empty').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.judgement !== 'not serious' && !r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a "${r.judgement}" judgement needs a reason: say what the concern is, e.g. "2 of 5 studies at high risk of bias (patient selection)"` });
    }
  });
/** An author's domain judgement. */
export type DomainRating = z.infer<typeof DomainRating>;

/** Prevalences (fractions strictly between 0 and 1) at which diagnostic accuracy is shown per 1,000 tested. */
export const Prevalences = z
  .array(z.number().gt(0, 'a prevalence is a fraction above 0, e.g. 0.05 for 5%').lt(1, 'a prevalence is a fraction below 1, e.g. 0.2 for 20%'))
  .min(1, 'list at least one prevalence, e.g. [0.05, 0.2]');

/** A decision threshold on the reported 0–1 scale: one number, or one per accuracy measure for a DTA outcome. */
const Decision = z.union([
  z.number().finite(),
  z.object({ sensitivity: z.number().gt(0).lt(1).optional(), specificity: z.number().gt(0).lt(1).optional() }).strict(),
]);

/** What the suggested imprecision judgement compares the CI with. */
export const ImprecisionThresholds = z
  .object({
    ci_width: z.number().positive('ci_width is the widest acceptable CI (upper − lower bound on the reported scale), e.g. 0.1').optional().describe('CI wider than this: serious; wider than twice this: very serious'),
    decision: Decision.optional().describe('a CI that contains this value crosses the decision threshold: serious'),
  })
  .strict()
  .refine((t) => t.ci_width !== undefined || t.decision !== undefined, 'give ci_width, decision, or both');
/** Imprecision thresholds. */
export type ImprecisionThresholds = z.infer<typeof ImprecisionThresholds>;

/** The author's override of the computed certainty (e.g. rated up for a large effect), with its reason. */
export const CertaintyOverride = z
  .object({
    certainty: z.enum(CERTAINTY_LEVELS, { error: `must be one of ${list(CERTAINTY_LEVELS)}` }),
    reason: z.string({ error: 'an overall rating needs a reason saying why it differs from the domains, e.g. "rated up: large effect"' }).trim().min(1, 'an overall rating needs a reason saying why it differs from the domains'),
  })
  .strict();

/** One outcome's certainty block. All five domains, or none (then only prevalences and thresholds are declared). */
export const OutcomeCertainty = z
  .object({
    measure: Measure.optional().describe('the pooled measure the rating is about (default: the DTA summary, else the first declared measure that is pooled)'),
    start: z.enum(['high', 'low']).default('high').describe('high for accuracy studies of cross-sectional design (GRADE DTA guidance); low to start from observational evidence of effects'),
    risk_of_bias: DomainRating.optional(),
    inconsistency: DomainRating.optional(),
    indirectness: DomainRating.optional(),
    imprecision: DomainRating.optional(),
    publication_bias: DomainRating.optional(),
    overall: CertaintyOverride.optional(),
    prevalences: Prevalences.optional(),
    imprecision_thresholds: ImprecisionThresholds.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Runs even when a domain itself is invalid, so a missing domain is reported with the rest.
    const given = GRADE_DOMAINS.filter((d) => c[d] !== undefined);
    if (given.length === 0 && c.overall) {
      ctx.addIssue({ code: 'custom', path: ['overall'], message: `an overall rating needs the five domain judgements first: add ${GRADE_DOMAINS.join(', ')}` });
    }
    if (given.length > 0) {
      for (const d of GRADE_DOMAINS) {
        if (c[d] === undefined) ctx.addIssue({ code: 'custom', path: [d], message: `missing domain ${d}: rate all five domains (${GRADE_DOMAINS.join(', ')}), e.g. ${d}: { judgement: not serious }` });
      }
    }
  }, { when: isObjectPayload });
/** One outcome's certainty block (defaults applied). */
export type OutcomeCertainty = z.infer<typeof OutcomeCertainty>;

/** The review-wide certainty declarations: a block per outcome id. */
export const CertaintyBlocks = z.record(z.string(), OutcomeCertainty);

/** True when the value being refined is an object (refinements then run even after other issues, so every problem is reported at once). */
function isObjectPayload(payload: { value: unknown }): boolean {
  return typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);
}

/** Review-level checks: every certainty block names a declared outcome, and its measure is one of that outcome's. */
function checkOutcomes(review: { outcomes?: unknown; certainty?: unknown }, ctx: z.RefinementCtx): void {
  if (typeof review.certainty !== 'object' || review.certainty === null || !Array.isArray(review.outcomes)) return;
  const outcomes = new Map<string, readonly unknown[]>();
  for (const o of review.outcomes as { id?: unknown; measures?: unknown }[]) {
    if (typeof o?.id === 'string') outcomes.set(o.id, Array.isArray(o.measures) ? o.measures : []);
  }
  for (const [id, block] of Object.entries(review.certainty as Record<string, { measure?: unknown } | null>)) {
    const measures = outcomes.get(id);
    const measure = block?.measure;
    if (!measures) {
      ctx.addIssue({ code: 'custom', path: ['certainty', id], message: `outcome "${id}" is not declared under outcomes: use one of ${[...outcomes.keys()].join(', ')} or declare it` });
    } else if (typeof measure === 'string' && !measures.includes(measure)) {
      ctx.addIssue({ code: 'custom', path: ['certainty', id, 'measure'], message: `measure ${measure} is not declared for outcome ${id}: use one of ${measures.join(', ')}` });
    }
  }
}

/** The Review refinement (add with `.superRefine(...certaintyRefinement)`): unknown outcomes and undeclared measures, reported with the other problems. */
export const certaintyRefinement = [checkOutcomes, { when: isObjectPayload }] as const;
