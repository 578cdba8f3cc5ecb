/**
 * The one data model (DESIGN.md decision 4): a study page's frontmatter, its estimates,
 * and the review protocol. The content collection, the ingest output, the data tables and
 * the client all derive from these schemas; add a field here and nowhere else.
 */
import { z } from 'zod';
import { MEASURE_IDS, PROPORTION_MEASURES, UNITS, outOfRange } from './measures.ts';
export { TwoByTwo, TwoByTwoCell } from './two-by-two.ts';
import { TwoByTwo, agreesWithinRounding } from './two-by-two.ts';
import { RiskOfBias } from './risk-of-bias.ts';
import { Characteristics, StudyCharacteristics } from './characteristics.ts';
export { Characteristic, CharacteristicValue, RISK_OF_BIAS_CHARACTERISTIC } from './characteristics.ts';
import { CertaintyBlocks, Prevalences, certaintyRefinement } from './grade.ts';

/** One of the recognised effect measures: the keys of the measure table (measures.ts). */
export const Measure = z.enum(MEASURE_IDS);
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

/**
 * One effect estimate with the verbatim quote it was read from. The descriptions are the data
 * dictionary's: each field is a column of the estimates table (src/lib/schema/tables.ts).
 */
export const Estimate = z
  .object({
    outcome: Slug.meta({ description: 'Outcome id declared in content/review.yaml.' }),
    label: z.string().min(1).meta({ description: 'What the estimate is about, as the abstract names it (e.g. "WMA").' }),
    measure: Measure.meta({ description: `One of ${MEASURE_IDS.join(', ')} (the measure table, src/lib/schema/measures.ts; PLR/NLR are LR+ and LR−).` }),
    value: z.number().finite().meta({ description: 'Point estimate as reported (percent values stay in percent; see unit).' }),
    ci_low: z.number().finite().nullable().default(null).meta({ description: 'Lower confidence limit as reported, or null.' }),
    ci_high: z.number().finite().nullable().default(null).meta({ description: 'Upper confidence limit as reported, or null.' }),
    ci_level: z.number().gt(0).lt(1).nullable().default(null).meta({ description: 'Confidence level as a fraction (0.95), or null when there is no interval.' }),
    unit: z.enum(UNITS).nullable().default(null).meta({ description: `${UNITS.join(', ')}, or null.` }),
    events: z.number().int().nonnegative().nullable().default(null).meta({ description: 'n of an n/N printed beside a proportion ("87% (193/223)" → 193), or null.' }),
    total: z.number().int().positive().nullable().default(null).meta({ description: 'N of an n/N printed beside a proportion, or null.' }),
    quote: z.string().min(1).meta({ description: 'The verbatim text of the abstract the numbers were read from.' }),
    needs_review: z.boolean().default(false).meta({ description: 'True when the estimate must be checked by an author (see review_reason).' }),
    review_reason: z.string().nullable().default(null).meta({ description: 'Why the estimate needs review, or null.' }),
    source: z.enum(['extracted', 'curated']).default('extracted').meta({ description: '"extracted" by ingest or "curated" by an author.' }),
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

/**
 * Frontmatter of a study page `content/studies/<slug>.mdx`. Fields with a description are (or
 * feed) columns of the studies table (src/lib/schema/tables.ts); the description is the column's.
 */
export const Study = z
  .object({
    key: z
      .string()
      .regex(/^(doi|pmid|pmcid|hash):\S+$/, 'must be doi:…, pmid:…, pmcid:… or hash:…')
      .meta({ description: 'Dedupe key: doi:<doi>, pmid:<n>, pmcid:<PMCn> or hash:<16 hex of the normalised abstract>.' }),
    title: z.string().min(1).meta({ description: 'Title; a working title when title_source is "derived".' }),
    title_source: z.enum(['derived', 'source', 'curated']).meta({ description: '"derived" (made by ingest from the aim sentence) or "curated" (set by an author).' }),
    authors: z.array(z.string().min(1)).default([]),
    journal: z.string().min(1).nullable().default(null).meta({ description: 'Journal as the source names it, or null (preprints in a listing show none).' }),
    published: PartialDate.nullable().default(null).meta({ description: 'Publication date as YYYY, YYYY-MM or YYYY-MM-DD.' }),
    published_source: z
      .enum(['source', 'listing', 'derived-from-doi', 'curated'])
      .nullable()
      .default(null)
      .meta({ description: '"source" (as the source file gives it; "listing" on pages ingested before "source" existed), "derived-from-doi" (medRxiv/bioRxiv DOI date) or "curated".' }),
    affiliation: z.string().nullable().default(null),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1101/2024.04.16.24305936 (no https://doi.org/ prefix)')
      .nullable()
      .default(null)
      .meta({ description: 'Bare DOI (no https://doi.org/ prefix).' }),
    pmid: z.string().regex(/^\d+$/, 'must be digits only').nullable().default(null).meta({ description: 'PubMed id.' }),
    pmcid: z.string().regex(/^PMC\d+$/, 'must look like PMC11065018').nullable().default(null).meta({ description: 'PubMed Central id, e.g. PMC11065018.' }),
    links: z.array(z.object({ url: z.string().url(), label: z.string() }).strict()).default([]),
    version_of_record: z
      .object({ doi: z.string().regex(/^10\.\d{4,9}\/\S+$/), title: z.string().min(1), journal: z.string().optional() })
      .strict()
      .nullable()
      .default(null),
    source: z
      .object({
        file: z.string().min(1).meta({ description: 'Source file the record was ingested from (content/sources/…).' }),
        line: z.number().int().positive().meta({ description: 'Line of the record in source_file.' }),
        record: z.number().int().positive(),
      })
      .strict(),
    abstract_complete: z.boolean().meta({ description: 'False when the source shows the abstract cut off.' }),
    status: z.enum(STATUSES).meta({ description: `Screening decision: ${STATUSES.slice(0, -1).join(', ')} or ${STATUSES[STATUSES.length - 1]}.` }),
    exclusion_reason: z.string().nullable().default(null).meta({ description: 'Reason id from content/review.yaml when status is excluded, else null.' }),
    synthetic: z.boolean().default(false).meta({ description: 'True only for generated benchmark records; never in the published review.' }),
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
