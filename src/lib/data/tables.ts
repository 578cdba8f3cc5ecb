/**
 * The data tables (studies, estimates) as flat rows, derived from validated study pages.
 * Column names, types and meanings are listed once here; build-data, the data dictionary
 * test and the browser queries read these definitions.
 */
import { MEASURES, type Study } from '../schema/index.ts';
import { CELLS } from '../schema/two-by-two.ts';
import type { BodySection } from '../ingest/mdx.ts';
import { abstractText } from '../ingest/mdx.ts';

/** DuckDB column types used by the tables. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

/** One column: name, DuckDB type, and its meaning (the data dictionary). */
export interface Column<Row> {
  name: keyof Row & string;
  type: ColumnType;
  description: string;
}

/** A row of the studies table. */
export interface StudyRow {
  study_id: string;
  slug: string;
  title: string;
  title_source: string;
  authors: string | null;
  journal: string | null;
  published: string | null;
  published_year: number | null;
  published_source: string | null;
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  status: string;
  exclusion_reason: string | null;
  n_participants: number | null;
  sample_size: string | null;
  abstract_complete: boolean;
  outcomes: string | null;
  n_estimates: number;
  source_file: string;
  source_line: number;
  synthetic: boolean;
  abstract: string;
}

/** A row of the estimates table. */
export interface EstimateRow {
  estimate_id: string;
  study_id: string;
  slug: string;
  outcome: string;
  label: string;
  measure: string;
  value: number;
  ci_low: number | null;
  ci_high: number | null;
  ci_level: number | null;
  unit: string | null;
  events: number | null;
  total: number | null;
  quote: string;
  needs_review: boolean;
  review_reason: string | null;
  source: string;
}

/** Columns of data/studies.* in order. */
export const STUDY_COLUMNS: Column<StudyRow>[] = [
  { name: 'study_id', type: 'VARCHAR', description: 'Dedupe key: doi:<doi>, pmid:<n>, pmcid:<PMCn> or hash:<16 hex of the normalised abstract>.' },
  { name: 'slug', type: 'VARCHAR', description: 'Page name: the study page is /studies/<slug>/ and its file content/studies/<slug>.mdx.' },
  { name: 'title', type: 'VARCHAR', description: 'Title; a working title when title_source is "derived".' },
  { name: 'title_source', type: 'VARCHAR', description: '"derived" (made by ingest from the aim sentence) or "curated" (set by an author).' },
  { name: 'authors', type: 'VARCHAR', description: 'Authors separated by "; ", or null when unknown.' },
  { name: 'journal', type: 'VARCHAR', description: 'Journal as the source names it, or null (preprints in a listing show none).' },
  { name: 'published', type: 'VARCHAR', description: 'Publication date as YYYY, YYYY-MM or YYYY-MM-DD.' },
  { name: 'published_year', type: 'INTEGER', description: 'Year of published, for range filters.' },
  { name: 'published_source', type: 'VARCHAR', description: '"source" (as the source file gives it; "listing" on pages ingested before "source" existed), "derived-from-doi" (medRxiv/bioRxiv DOI date) or "curated".' },
  { name: 'doi', type: 'VARCHAR', description: 'Bare DOI (no https://doi.org/ prefix).' },
  { name: 'pmid', type: 'VARCHAR', description: 'PubMed id.' },
  { name: 'pmcid', type: 'VARCHAR', description: 'PubMed Central id, e.g. PMC11065018.' },
  { name: 'status', type: 'VARCHAR', description: 'Screening decision: included, excluded or pending.' },
  { name: 'exclusion_reason', type: 'VARCHAR', description: 'Reason id from content/review.yaml when status is excluded, else null.' },
  { name: 'n_participants', type: 'INTEGER', description: 'First sample size that counts people (patients, participants…), or null.' },
  { name: 'sample_size', type: 'VARCHAR', description: 'All sample sizes as "<n> <unit>" joined by "; ".' },
  { name: 'abstract_complete', type: 'BOOLEAN', description: 'False when the source shows the abstract cut off.' },
  { name: 'outcomes', type: 'VARCHAR', description: 'Outcome ids with estimates in this study, joined by ",".' },
  { name: 'n_estimates', type: 'INTEGER', description: 'Number of estimates.' },
  { name: 'source_file', type: 'VARCHAR', description: 'Source file the record was ingested from (content/sources/…).' },
  { name: 'source_line', type: 'INTEGER', description: 'Line of the record in source_file.' },
  { name: 'synthetic', type: 'BOOLEAN', description: 'True only for generated benchmark records; never in the published review.' },
  { name: 'abstract', type: 'VARCHAR', description: 'The abstract, verbatim, sections as "Label: text" lines.' },
];

/** Columns of data/estimates.* in order. */
export const ESTIMATE_COLUMNS: Column<EstimateRow>[] = [
  { name: 'estimate_id', type: 'VARCHAR', description: '<slug>#<n>: the n-th estimate (1-based) of the study page.' },
  { name: 'study_id', type: 'VARCHAR', description: 'The study (studies.study_id).' },
  { name: 'slug', type: 'VARCHAR', description: 'The study page (studies.slug).' },
  { name: 'outcome', type: 'VARCHAR', description: 'Outcome id declared in content/review.yaml.' },
  { name: 'label', type: 'VARCHAR', description: 'What the estimate is about, as the abstract names it (e.g. "WMA").' },
  { name: 'measure', type: 'VARCHAR', description: `One of ${MEASURES.join(', ')} (the measure table, src/lib/schema/measures.ts; PLR/NLR are LR+ and LR−).` },
  { name: 'value', type: 'DOUBLE', description: 'Point estimate as reported (percent values stay in percent; see unit).' },
  { name: 'ci_low', type: 'DOUBLE', description: 'Lower confidence limit as reported, or null.' },
  { name: 'ci_high', type: 'DOUBLE', description: 'Upper confidence limit as reported, or null.' },
  { name: 'ci_level', type: 'DOUBLE', description: 'Confidence level as a fraction (0.95), or null when there is no interval.' },
  { name: 'unit', type: 'VARCHAR', description: 'proportion, percent, ratio, difference, or null.' },
  { name: 'events', type: 'INTEGER', description: 'n of an n/N printed beside a proportion ("87% (193/223)" → 193), or null.' },
  { name: 'total', type: 'INTEGER', description: 'N of an n/N printed beside a proportion, or null.' },
  { name: 'quote', type: 'VARCHAR', description: 'The verbatim text of the abstract the numbers were read from.' },
  { name: 'needs_review', type: 'BOOLEAN', description: 'True when the estimate must be checked by an author (see review_reason).' },
  { name: 'review_reason', type: 'VARCHAR', description: 'Why the estimate needs review, or null.' },
  { name: 'source', type: 'VARCHAR', description: '"extracted" by ingest or "curated" by an author.' },
];

const PEOPLE = /^(patients|participants|subjects|individuals|adults|children|women|men|persons|people|infants|adolescents)$/i;

/** A validated page: its slug, frontmatter and abstract sections. */
export interface StudyRecord {
  slug: string;
  study: Study;
  sections: BodySection[];
}

/** The site's order of studies: newest first (undated last), then by slug. */
export function compareStudyRecords(a: Pick<StudyRecord, 'slug' | 'study'>, b: Pick<StudyRecord, 'slug' | 'study'>): number {
  return (b.study.published ?? '').localeCompare(a.study.published ?? '') || a.slug.localeCompare(b.slug);
}

/** Flatten a validated page into its studies row. */
export function studyRow({ slug, study, sections }: StudyRecord): StudyRow {
  const people = study.sample_sizes.find((s) => PEOPLE.test(s.unit));
  const outcomes = [...new Set(study.estimates.map((e) => e.outcome))];
  return {
    study_id: study.key,
    slug,
    title: study.title,
    title_source: study.title_source,
    authors: study.authors.length ? study.authors.join('; ') : null,
    journal: study.journal,
    published: study.published,
    published_year: study.published ? Number(study.published.slice(0, 4)) : null,
    published_source: study.published_source,
    doi: study.doi,
    pmid: study.pmid,
    pmcid: study.pmcid,
    status: study.status,
    exclusion_reason: study.exclusion_reason,
    n_participants: people?.n ?? null,
    sample_size: study.sample_sizes.length ? study.sample_sizes.map((s) => `${s.n} ${s.unit}`).join('; ') : null,
    abstract_complete: study.abstract_complete,
    outcomes: outcomes.length ? outcomes.join(',') : null,
    n_estimates: study.estimates.length,
    source_file: study.source.file,
    source_line: study.source.line,
    synthetic: study.synthetic,
    abstract: abstractText(sections),
  };
}

/** Flatten a validated page's estimates into estimates rows. */
export function estimateRows({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): EstimateRow[] {
  return study.estimates.map((e, i) => ({
    estimate_id: `${slug}#${i + 1}`,
    study_id: study.key,
    slug,
    outcome: e.outcome,
    label: e.label,
    measure: e.measure,
    value: e.value,
    ci_low: e.ci_low,
    ci_high: e.ci_high,
    ci_level: e.ci_level,
    unit: e.unit,
    events: e.events,
    total: e.total,
    quote: e.quote,
    needs_review: e.needs_review,
    review_reason: e.review_reason,
    source: e.source,
  }));
}

/** A row of the diagnostic_tables table: one 2×2 table (TP, FP, FN, TN) of a study. */
export interface DiagnosticTableRow {
  table_id: string;
  study_id: string;
  slug: string;
  outcome: string;
  label: string;
  threshold: string | null;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  sensitivity: number;
  specificity: number;
  derived_cells: string | null;
  provenance: string;
}

/** Columns of data/diagnostic_tables.* in order. */
export const DIAGNOSTIC_TABLE_COLUMNS: Column<DiagnosticTableRow>[] = [
  { name: 'table_id', type: 'VARCHAR', description: '<slug>#<n>: the n-th 2×2 table (1-based) of the study page.' },
  { name: 'study_id', type: 'VARCHAR', description: 'The study (studies.study_id).' },
  { name: 'slug', type: 'VARCHAR', description: 'The study page (studies.slug).' },
  { name: 'outcome', type: 'VARCHAR', description: 'Outcome id declared in content/review.yaml.' },
  { name: 'label', type: 'VARCHAR', description: 'The index test (and test set) as the abstract names it; the label of its sensitivity/specificity estimates.' },
  { name: 'threshold', type: 'VARCHAR', description: 'Operating point or positivity threshold when stated, else null.' },
  { name: 'tp', type: 'INTEGER', description: 'True positives: with the target condition, index test positive.' },
  { name: 'fp', type: 'INTEGER', description: 'False positives: without the target condition, index test positive.' },
  { name: 'fn', type: 'INTEGER', description: 'False negatives: with the target condition, index test negative.' },
  { name: 'tn', type: 'INTEGER', description: 'True negatives: without the target condition, index test negative.' },
  { name: 'sensitivity', type: 'DOUBLE', description: 'tp / (tp + fn), unrounded.' },
  { name: 'specificity', type: 'DOUBLE', description: 'tn / (tn + fp), unrounded.' },
  { name: 'derived_cells', type: 'VARCHAR', description: 'Cells computed from other quoted numbers rather than reported, joined by "," (e.g. "fn,tn"), or null when all four are reported.' },
  { name: 'provenance', type: 'VARCHAR', description: 'JSON object: for each cell, {"quote": …} (reported) or {"rule": …, "from": [quotes]} (derived).' },
];

/** Flatten a validated page's 2×2 tables into diagnostic_tables rows. */
export function diagnosticTableRows({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): DiagnosticTableRow[] {
  return study.two_by_two.map((t, i) => {
    const derived = CELLS.filter((c) => t[c].derived !== undefined);
    const provenance = Object.fromEntries(CELLS.map((c) => [c, t[c].derived ? { rule: t[c].derived!.rule, from: t[c].derived!.from } : { quote: t[c].quote }]));
    return {
      table_id: `${slug}#${i + 1}`,
      study_id: study.key,
      slug,
      outcome: t.outcome,
      label: t.label,
      threshold: t.threshold,
      tp: t.tp.n,
      fp: t.fp.n,
      fn: t.fn.n,
      tn: t.tn.n,
      sensitivity: t.tp.n / (t.tp.n + t.fn.n),
      specificity: t.tn.n / (t.tn.n + t.fp.n),
      derived_cells: derived.length ? derived.join(',') : null,
      provenance: JSON.stringify(provenance),
    };
  });
}
