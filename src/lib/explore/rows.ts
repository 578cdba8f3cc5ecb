/**
 * The rows the Explore page works with: a subset of the studies and estimates tables
 * (src/lib/data/tables.ts), as the browser's DuckDB queries return them and as the build
 * derives them from the study pages.
 */
import type { DiagnosticTableRow, EstimateRow, StudyRow } from '../schema/tables.ts';
import type { SynthesisInput } from '../site/synthesis.ts';
import type { DtaInput } from '../site/dta-synthesis.ts';

/** Columns of the studies table the page lists. */
export const EXPLORE_STUDY_COLUMNS = ['slug', 'title', 'journal', 'published', 'published_year', 'status', 'n_participants', 'outcomes', 'rob_overall'] as const;

/** Columns of the estimates table a synthesis needs (title and status come from the study). */
export const EXPLORE_ESTIMATE_COLUMNS = ['estimate_id', 'slug', 'outcome', 'label', 'measure', 'value', 'ci_low', 'ci_high', 'ci_level', 'unit', 'needs_review'] as const;

/** A listed study. */
export type ExploreStudy = Pick<StudyRow, (typeof EXPLORE_STUDY_COLUMNS)[number]>;

/** An estimate as stored (before it is joined to its study). */
export type ExploreEstimate = Pick<EstimateRow, (typeof EXPLORE_ESTIMATE_COLUMNS)[number]>;

/** Columns of the diagnostic_tables table the DTA re-pooling needs. */
export const EXPLORE_TABLE_COLUMNS = ['table_id', 'slug', 'outcome', 'label', 'threshold', 'tp', 'fp', 'fn', 'tn'] as const;

/** A 2×2 table as stored (before it is joined to its study). */
export type ExploreTable = Pick<DiagnosticTableRow, (typeof EXPLORE_TABLE_COLUMNS)[number]>;

/** The unfiltered tables the filters apply to. */
export interface ExploreData {
  studies: ExploreStudy[];
  estimates: ExploreEstimate[];
  /** 2×2 tables (absent: none). */
  tables?: ExploreTable[];
}

/** What a filter state selects: the matching studies, their matching estimates and 2×2 tables, in display order. */
export interface ExploreResult {
  studies: ExploreStudy[];
  estimates: SynthesisInput[];
  /** The 2×2 tables of studies that pass the study filters, of the chosen outcome (see tablesMatch). */
  tables: DtaInput[];
}

/** Plain JS values from a query row: BigInt (DuckDB BIGINT/HUGEINT) becomes Number. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

/** Order of studies on the page (and in SQL): newest first, undated last, then by slug (code-unit order, as SQL compares). */
export function compareStudies(a: Pick<ExploreStudy, 'published' | 'slug'>, b: Pick<ExploreStudy, 'published' | 'slug'>): number {
  const [pa, pb] = [a.published ?? '', b.published ?? ''];
  if (pa !== pb) return pa < pb ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** The 1-based position of an estimate in its study page, from its id `<slug>#<n>`. */
export function estimateIndex(estimateId: string): number {
  return Number(estimateId.slice(estimateId.lastIndexOf('#') + 1));
}

/** A tablesQuery row (or a table joined to its study) as the DTA synthesis reads it. */
export function dtaInputOf(t: ExploreTable & { title: string; status: string }): DtaInput {
  return { tableId: t.table_id, slug: t.slug, title: t.title, outcome: t.outcome, label: t.label, threshold: t.threshold, tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn, status: t.status };
}
