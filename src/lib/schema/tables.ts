/**
 * The published tables (data/studies.*, estimates.*, diagnostic_tables.*, risk_of_bias.* and
 * review.duckdb) as zod row schemas. A column that holds a frontmatter field reuses that field's
 * schema, and with it the field's type and description; a derived column (a join, a count, a
 * flattened cell) is declared here with its own. The row types, the column lists (names, DuckDB
 * types, order), the file headers and the data dictionary all come from these schemas.
 */
import { z } from 'zod';
import { Estimate, Slug, Study } from './index.ts';
import { TwoByTwo } from './two-by-two.ts';
import { JUDGEMENTS, PROBAST_DOMAINS, PROBAST_PARTS, QUADAS_DOMAINS } from './risk-of-bias-tools.ts';
import { JudgementSchema } from './risk-of-bias.ts';
import { columnsOf, type Column } from './columns.ts';

const text = (description: string) => z.string().meta({ description });
const optionalText = (description: string) => z.string().nullable().meta({ description });
const count = (description: string) => z.number().int().nonnegative().meta({ description });

/** The study a row of another table belongs to: its key and its page. */
const OF_STUDY = {
  study_id: Study.shape.key.meta({ description: 'The study (studies.study_id).' }),
  slug: Slug.meta({ description: 'The study page (studies.slug).' }),
};

const source = Study.shape.source.shape;

/** A row of the studies table: one study page. */
export const StudyRow = z.object({
  study_id: Study.shape.key,
  slug: Slug.meta({ description: 'Page name: the study page is /studies/<slug>/ and its file content/studies/<slug>.mdx.' }),
  title: Study.shape.title,
  title_source: Study.shape.title_source,
  authors: optionalText('Authors separated by "; ", or null when unknown.'),
  journal: Study.shape.journal,
  published: Study.shape.published,
  published_year: z.number().int().nullable().meta({ description: 'Year of published, for range filters.' }),
  published_source: Study.shape.published_source,
  doi: Study.shape.doi,
  pmid: Study.shape.pmid,
  pmcid: Study.shape.pmcid,
  status: Study.shape.status,
  exclusion_reason: Study.shape.exclusion_reason,
  n_participants: z.number().int().positive().nullable().meta({ description: 'First sample size that counts people (patients, participants…), or null.' }),
  sample_size: optionalText('All sample sizes as "<n> <unit>" joined by "; ".'),
  abstract_complete: Study.shape.abstract_complete,
  outcomes: optionalText('Outcome ids with estimates in this study, joined by ",".'),
  n_estimates: count('Number of estimates.'),
  source_file: source.file,
  source_line: source.line,
  synthetic: Study.shape.synthetic,
  rob_overall: z
    .enum([...JUDGEMENTS, 'not-assessed'])
    .meta({ description: 'Overall risk of bias (PROBAST+AI development: quality) by the published rule: low, high, unclear, or not-assessed (never low until assessed).' }),
  abstract: text('The abstract, verbatim, sections as "Label: text" lines.'),
});
/** A row of the studies table. */
export type StudyRow = z.output<typeof StudyRow>;

/** A row of the estimates table: one estimate of a study page, every field of the frontmatter estimate. */
export const EstimateRow = z.object({
  estimate_id: text('<slug>#<n>: the n-th estimate (1-based) of the study page.'),
  ...OF_STUDY,
  ...Estimate.shape,
});
/** A row of the estimates table. */
export type EstimateRow = z.output<typeof EstimateRow>;

/** A row of the diagnostic_tables table: one 2×2 table (TP, FP, FN, TN) of a study. */
export const DiagnosticTableRow = z.object({
  table_id: text('<slug>#<n>: the n-th 2×2 table (1-based) of the study page.'),
  ...OF_STUDY,
  outcome: TwoByTwo.shape.outcome,
  label: TwoByTwo.shape.label,
  threshold: TwoByTwo.shape.threshold,
  tp: count('True positives: with the target condition, index test positive.'),
  fp: count('False positives: without the target condition, index test positive.'),
  fn: count('False negatives: with the target condition, index test negative.'),
  tn: count('True negatives: without the target condition, index test negative.'),
  sensitivity: z.number().meta({ description: 'tp / (tp + fn), unrounded.' }),
  specificity: z.number().meta({ description: 'tn / (tn + fp), unrounded.' }),
  derived_cells: optionalText('Cells computed from other quoted numbers rather than reported, joined by "," (e.g. "fn,tn"), or null when all four are reported.'),
  provenance: text('JSON object: for each cell, {"quote": …} (reported) or {"rule": …, "from": [quotes]} (derived).'),
});
/** A row of the diagnostic_tables table. */
export type DiagnosticTableRow = z.output<typeof DiagnosticTableRow>;

/** A row of the risk_of_bias table: one domain of a study's QUADAS-2 or PROBAST+AI assessment. */
export const RiskOfBiasRow = z.object({
  rob_id: text("<slug>#<n>-<domain>: the n-th domain (1-based, in the order of the tool) of the study's assessment."),
  ...OF_STUDY,
  tool: z
    .enum(['QUADAS-2', 'PROBAST+AI'])
    .meta({ description: 'QUADAS-2 (diagnostic accuracy) or PROBAST+AI (prediction models). Studies not yet assessed have no rows (studies.rob_overall is not-assessed).' }),
  part: z.enum(PROBAST_PARTS).nullable().meta({ description: 'PROBAST+AI part: development (judgements are of quality) or evaluation (risk of bias); null for QUADAS-2.' }),
  domain: z
    .enum([...QUADAS_DOMAINS, ...PROBAST_DOMAINS])
    .meta({ description: `Domain key: ${QUADAS_DOMAINS.join(', ')} (QUADAS-2); ${PROBAST_DOMAINS.join(', ')} (PROBAST+AI).` }),
  domain_label: text('Domain name for display, e.g. "Patient selection".'),
  judgement: JudgementSchema.meta({ description: 'Risk of bias (or quality concern) of the domain: low, high or unclear.' }),
  applicability: JudgementSchema.nullable().meta({ description: 'Concern about applicability: low, high or unclear for the first three domains of each tool, else null.' }),
  signalling: text('JSON object: signalling answers by question number, e.g. {"1.1": "yes", "1.2": "no"}.'),
  support_quote: optionalText('Verbatim text of the abstract the judgement rests on, or null.'),
  support_note: optionalText("The assessor's note supporting the judgement, or null."),
  assessed_by: optionalText('Assessors joined by "; ", or null.'),
  assessed_on: optionalText('Date of the assessment (YYYY-MM-DD), or null.'),
});
/** A row of the risk_of_bias table. */
export type RiskOfBiasRow = z.output<typeof RiskOfBiasRow>;

/** Columns of data/studies.* in order. */
export const STUDY_COLUMNS = columnsOf(StudyRow);
/** Columns of data/estimates.* in order. */
export const ESTIMATE_COLUMNS = columnsOf(EstimateRow);
/** Columns of data/diagnostic_tables.* in order. */
export const DIAGNOSTIC_TABLE_COLUMNS = columnsOf(DiagnosticTableRow);
/** Columns of data/risk_of_bias.* in order. */
export const RISK_OF_BIAS_COLUMNS = columnsOf(RiskOfBiasRow);

/** The published tables' row schemas by table name, in the order the data files and the data dictionary list them. */
export const TABLES = { studies: StudyRow, estimates: EstimateRow, diagnostic_tables: DiagnosticTableRow, risk_of_bias: RiskOfBiasRow } as const;

/** The name of a published table. */
export type TableName = keyof typeof TABLES;

/** A row of table `T`. */
export type TableRow<T extends TableName> = z.output<(typeof TABLES)[T]>;

/** The published table names, in order. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The columns of every published table, by name. */
export const TABLE_COLUMNS: { readonly [T in TableName]: Column<TableRow<T>>[] } = {
  studies: STUDY_COLUMNS,
  estimates: ESTIMATE_COLUMNS,
  diagnostic_tables: DIAGNOSTIC_TABLE_COLUMNS,
  risk_of_bias: RISK_OF_BIAS_COLUMNS,
};
