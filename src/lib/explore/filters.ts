/**
 * Each filter defined once, both ways: the SQL condition the browser's DuckDB runs (fixed text,
 * one `?` bound to the filter's value) and the same test in TypeScript (for the prerendered view
 * and as the cross-check of the SQL). Study filters apply to the study; estimate filters to each
 * estimate, and a study matches them when one of its estimates does.
 */
import { PROPORTION_MEASURES } from '../schema/measures.ts';
import type { ExploreEstimate, ExploreStudy } from './rows.ts';
import type { FilterState } from './state.ts';

/** A filter on the studies table (alias `s`). */
export interface StudyFilter {
  key: keyof FilterState;
  level: 'study';
  sql: string;
  param(value: string | number): string | number;
  test(row: ExploreStudy, value: string | number): boolean;
}

/** A filter on the estimates table (alias `e`). */
export interface EstimateFilter {
  key: keyof FilterState;
  level: 'estimate';
  sql: string;
  param(value: string | number): string | number;
  test(row: ExploreEstimate, value: string | number): boolean;
}

const same = (v: string | number) => v;
const lower = (v: string | number) => String(v).toLowerCase();
const num = (v: string | number) => Number(v);

const PROPORTIONS = [...PROPORTION_MEASURES];
if (!PROPORTIONS.every((m) => /^[A-Za-z0-9_]+$/.test(m))) throw new Error('measure names must be plain identifiers');

/** SQL for an estimate's value as plotted: percent proportions divided by 100 (as synthesize does). */
export const DISPLAY_VALUE_SQL = `(CASE WHEN e.unit = 'percent' AND e.measure IN (${PROPORTIONS.map((m) => `'${m}'`).join(', ')}) THEN e.value / 100 ELSE e.value END)`;

/** An estimate's value as plotted: percent proportions divided by 100 (as synthesize does). */
export function displayValue(e: Pick<ExploreEstimate, 'value' | 'unit' | 'measure'>): number {
  return e.unit === 'percent' && PROPORTION_MEASURES.has(e.measure) ? e.value / 100 : e.value;
}

/** The overall risk-of-bias level the "exclude high risk of bias" control leaves out. */
export const EXCLUDED_ROB = 'high';

/** Filters on the study, in the order their conditions are written. */
export const STUDY_FILTERS: readonly StudyFilter[] = [
  { key: 'yearFrom', level: 'study', sql: 's.published_year >= ?', param: num, test: (r, v) => r.published_year !== null && r.published_year >= num(v) },
  { key: 'yearTo', level: 'study', sql: 's.published_year <= ?', param: num, test: (r, v) => r.published_year !== null && r.published_year <= num(v) },
  { key: 'journal', level: 'study', sql: 's.journal = ?', param: same, test: (r, v) => r.journal === v },
  { key: 'status', level: 'study', sql: 's.status = ?', param: same, test: (r, v) => r.status === v },
  { key: 'minN', level: 'study', sql: 's.n_participants >= ?', param: num, test: (r, v) => r.n_participants !== null && r.n_participants >= num(v) },
  { key: 'q', level: 'study', sql: 'contains(lower(s.title), ?)', param: lower, test: (r, v) => r.title.toLowerCase().includes(lower(v)) },
  { key: 'rob', level: 'study', sql: 's.rob_overall = ?', param: same, test: (r, v) => r.rob_overall === v },
  // One control, "exclude studies at high risk of bias": its value is 1, the bound parameter the level it excludes.
  { key: 'excludeHighRob', level: 'study', sql: 's.rob_overall <> ?', param: () => EXCLUDED_ROB, test: (r) => r.rob_overall !== EXCLUDED_ROB },
];

/** Filters on each estimate, in the order their conditions are written. */
export const ESTIMATE_FILTERS: readonly EstimateFilter[] = [
  { key: 'outcome', level: 'estimate', sql: 'e.outcome = ?', param: same, test: (r, v) => r.outcome === v },
  { key: 'measure', level: 'estimate', sql: 'e.measure = ?', param: same, test: (r, v) => r.measure === v },
  { key: 'valueMin', level: 'estimate', sql: `${DISPLAY_VALUE_SQL} >= ?`, param: num, test: (r, v) => displayValue(r) >= num(v) },
  { key: 'valueMax', level: 'estimate', sql: `${DISPLAY_VALUE_SQL} <= ?`, param: num, test: (r, v) => displayValue(r) <= num(v) },
];

/** The filters of a level that the state sets, with their values. */
export function activeFilters<F extends StudyFilter | EstimateFilter>(filters: readonly F[], state: FilterState): { filter: F; value: string | number }[] {
  return filters.flatMap((filter) => {
    const value = state[filter.key];
    return value === null ? [] : [{ filter, value }];
  });
}

/**
 * Whether the state lets 2×2 tables through at all: a measure filter other than sensitivity or
 * specificity excludes them. The value filters apply to estimates only; the outcome filter applies
 * to a table's outcome (TABLE_OUTCOME_SQL); study filters to its study.
 */
export function tablesMatch(state: FilterState): boolean {
  return state.measure === null || state.measure === 'sensitivity' || state.measure === 'specificity';
}

/** SQL condition on a table's outcome (alias `t`), one `?` bound to the outcome filter. */
export const TABLE_OUTCOME_SQL = 't.outcome = ?';
