/**
 * The one data model (DESIGN.md decision 4): a study page's frontmatter, its estimates,
 * and the review protocol. The content collection, the ingest output, the data tables and
 * the client all derive from these schemas; add a field here and nowhere else.
 */
import { z } from 'zod';
import { MEASURE_IDS, PROPORTION_MEASURES, outOfRange } from './measures.ts';
export { PROPORTION_MEASURES, RATIO_MEASURES, MEASURE_TABLE, measureInfo, isMeasure } from './measures.ts';
export { TwoByTwo, TwoByTwoCell } from './two-by-two.ts';
import { TwoByTwo, agreesWithinRounding } from './two-by-two.ts';
import { RiskOfBias } from './risk-of-bias.ts';
import { Characteristics, StudyCharacteristics } from './characteristics.ts';
export { Characteristic, CharacteristicValue, RISK_OF_BIAS_CHARACTERISTIC } from './characteristics.ts';
import { CertaintyBlocks, Prevalences, certaintyRefinement } from './grade.ts';

/** Effect measures the extractor recognises and the site can plot: the keys of the measure table (measures.ts). */
export const MEASURES = MEASURE_IDS;

/** One of the recognised effect measures. */
export const Measure = z.enum(MEASURES);
/** A recognised effect measure, e.g. `AUC` or `OR`. */
export type Measure = z.infer<typeof Measure>;

/** Screening decisions, PRISMA style: ingest proposes, authors decide. */
export const STATUSES = ['included', 'excluded', 'pending'] as const;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A lowercase, hyphenated identifier such as `wall-motion-abnormality`. */
export const Slug = z
  .string()
  .regex(slugPattern, 'must be lowercase letters, digits and single hyphens, e.g. "wall-motion-abnormality"');

/** A publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2025-09"');

/** One effect estimate with the verbatim quote it was read from. */
export const Estimate = z
  .object({
    outcome: Slug.describe('outcome id declared in content/review.yaml'),
    label: z.string().min(1).describe('what the estimate is about, as the abstract names it'),
    measure: Measure,
    value: z.number().finite(),
    ci_low: z.number().finite().nullable().default(null),
    ci_high: z.number().finite().nullable().default(null),
    ci_level: z.number().gt(0).lt(1).nullable().default(null).describe('0.95 for a 95% interval'),
    unit: z.enum(['proportion', 'percent', 'ratio', 'difference']).nullable().default(null),
    events: z.number().int().nonnegative().nullable().default(null).describe('n of an n/N printed beside a proportion ("87% (193/223)" → 193)'),
    total: z.number().int().positive().nullable().default(null).describe('N of an n/N printed beside a proportion ("87% (193/223)" → 223)'),
    quote: z.string().min(1).describe('verbatim substring of the abstract the numbers come from'),
    needs_review: z.boolean().default(false),
    review_reason: z.string().nullable().default(null),
    source: z.enum(['extracted', 'curated']).default('extracted'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.ci_low === null) !== (e.ci_high === null)) {
      ctx.addIssue({ code: 'custom', path: ['ci_high'], message: 'give both ci_low and ci_high, or neither' });
    }
    if (e.ci_low !== null && e.ci_high !== null && !e.needs_review) {
      if (e.ci_low > e.ci_high) {
        ctx.addIssue({
          code: 'custom',
          path: ['ci_low'],
          message: `ci_low ${e.ci_low} is above ci_high ${e.ci_high}: swap them, or set needs_review: true with a review_reason`,
        });
      } else if (e.value < e.ci_low || e.value > e.ci_high) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `value ${e.value} lies outside its interval [${e.ci_low}, ${e.ci_high}]: correct it, or set needs_review: true with a review_reason`,
        });
      }
    }
    if (!e.needs_review) {
      const nums: [string, number | null][] = [['value', e.value], ['ci_low', e.ci_low], ['ci_high', e.ci_high]];
      for (const [field, x] of nums) {
        const why = x === null ? null : outOfRange(e.measure, e.unit, x);
        if (why) {
          const hint = e.unit !== 'percent' && x !== null && x > 1 && x <= 100 && outOfRange(e.measure, 'percent', x) === null ? ' (if it is a percentage, set unit: percent)' : '';
          ctx.addIssue({ code: 'custom', path: [field], message: `${why}${hint}: correct it from the quote, or set needs_review: true with a review_reason` });
        }
      }
    }
    if ((e.events === null) !== (e.total === null)) {
      ctx.addIssue({ code: 'custom', path: [e.events === null ? 'events' : 'total'], message: 'give both events and total (the n and N of "n/N"), or neither' });
    } else if (e.events !== null && e.total !== null && e.events > e.total) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `events ${e.events} is above total ${e.total}: n/N needs n ≤ N` });
    } else if (e.events !== null && e.total !== null && !e.needs_review && PROPORTION_MEASURES.has(e.measure) && !agreesWithinRounding(e.events / e.total, e.value, e.unit)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `${e.events}/${e.total} = ${(e.events / e.total).toFixed(4)} does not match the value ${e.value}${e.unit === 'percent' ? '%' : ''} within rounding: correct the counts or the value from the quote, or set needs_review: true with a review_reason` });
    }
    if (e.needs_review && !e.review_reason) {
      ctx.addIssue({ code: 'custom', path: ['review_reason'], message: 'needs_review: true requires a review_reason saying what to check' });
    }
  });
/** One effect estimate (after defaults are applied). */
export type Estimate = z.infer<typeof Estimate>;

/** A sample size with the quote it was read from. */
export const SampleSize = z
  .object({
    n: z.number().int().positive(),
    unit: z.string().min(1).describe('what was counted: patients, studies, exams, centers…'),
    quote: z.string().min(1),
  })
  .strict();
/** A sample size with its quote. */
export type SampleSize = z.infer<typeof SampleSize>;

/** Frontmatter of a study page `content/studies/<slug>.mdx`. */
export const Study = z
  .object({
    key: z.string().regex(/^(doi|pmid|pmcid|hash):\S+$/, 'must be doi:…, pmid:…, pmcid:… or hash:…').describe('dedupe key'),
    title: z.string().min(1),
    title_source: z.enum(['derived', 'source', 'curated']).describe('derived: made by ingest from the abstract; source: given by the export; curated: set by an author'),
    authors: z.array(z.string().min(1)).default([]),
    journal: z.string().min(1).nullable().default(null),
    published: PartialDate.nullable().default(null),
    published_source: z
      .enum(['source', 'listing', 'derived-from-doi', 'curated'])
      .nullable()
      .default(null)
      .describe("source: as the source file (listing, RIS or MEDLINE export) gives it; listing: the same, written by ingest before 'source' existed"),
    affiliation: z.string().nullable().default(null),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1101/2024.04.16.24305936 (no https://doi.org/ prefix)')
      .nullable()
      .default(null),
    pmid: z.string().regex(/^\d+$/, 'must be digits only').nullable().default(null),
    pmcid: z.string().regex(/^PMC\d+$/, 'must look like PMC11065018').nullable().default(null),
    links: z.array(z.object({ url: z.string().url(), label: z.string() }).strict()).default([]),
    version_of_record: z
      .object({ doi: z.string().regex(/^10\.\d{4,9}\/\S+$/), title: z.string().min(1), journal: z.string().optional() })
      .strict()
      .nullable()
      .default(null),
    source: z.object({ file: z.string().min(1), line: z.number().int().positive(), record: z.number().int().positive() }).strict(),
    abstract_complete: z.boolean(),
    status: z.enum(STATUSES),
    exclusion_reason: z.string().nullable().default(null),
    synthetic: z.boolean().default(false),
    sample_sizes: z.array(SampleSize).default([]),
    estimates: z.array(Estimate).default([]),
    two_by_two: z.array(TwoByTwo).default([]).describe('2×2 tables (TP, FP, FN, TN) per outcome and index test, each cell with its provenance'),
    risk_of_bias: RiskOfBias.default({ tool: 'not-assessed' }).describe('QUADAS-2 or PROBAST+AI assessment (src/lib/schema/risk-of-bias.ts); new pages are not-assessed'),
    characteristics: StudyCharacteristics.describe('values of the study characteristics declared in content/review.yaml, by id (src/lib/schema/characteristics.ts)'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.status === 'excluded' && !s.exclusion_reason) {
      ctx.addIssue({ code: 'custom', path: ['exclusion_reason'], message: 'status "excluded" needs an exclusion_reason (one of the reasons in content/review.yaml)' });
    }
    if (s.status !== 'excluded' && s.exclusion_reason) {
      ctx.addIssue({ code: 'custom', path: ['exclusion_reason'], message: `exclusion_reason is set but status is "${s.status}": remove the reason or set status: excluded` });
    }
  });
/** A validated study (frontmatter after defaults). */
export type Study = z.infer<typeof Study>;
/** Study frontmatter as written by hand or by ingest (defaults not yet applied). */
export type StudyInput = z.input<typeof Study>;

/** An outcome the review synthesises, with the names abstracts use for it. */
export const Outcome = z
  .object({
    id: Slug,
    label: z.string().min(1),
    measures: z.array(Measure).min(1),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().optional(),
  })
  .strict();
/** A declared outcome. */
export type Outcome = z.infer<typeof Outcome>;

/** The review protocol in `content/review.yaml`. */
export const Review = z
  .object({
    title: z.string().min(1),
    short_title: z.string().min(1),
    question: z.string().min(1),
    scope: z.string().min(1),
    authors: z.array(z.string()).default([]),
    eligibility: z.object({ include: z.array(z.string()).min(1), exclude: z.array(z.string()).min(1) }).strict(),
    exclusion_reasons: z.array(z.object({ id: Slug, label: z.string().min(1) }).strict()).min(1),
    outcomes: z.array(Outcome).min(1),
    characteristics: Characteristics.describe('study characteristics for subgroup analysis (categorical) and meta-regression (continuous)'),
    search_log: z
      .array(
        z
          .object({
            date: PartialDate,
            source: z.string().min(1),
            file: z.string().min(1),
            query: z.string().optional(),
            records_found: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .min(1),
    prevalences: Prevalences.optional().describe('review-wide prevalences for DTA results per 1,000 tested (src/lib/schema/grade.ts)'),
    certainty: CertaintyBlocks.optional().describe('GRADE certainty per outcome id: five domain judgements with reasons (src/lib/schema/grade.ts)'),
  })
  .strict()
  .superRefine(...certaintyRefinement);
/** The validated review protocol. */
export type Review = z.infer<typeof Review>;
