/**
 * The SQL the browser runs against the attached review.duckdb (schema `review`). Once, when the
 * engine starts: every study in display order, every estimate in pool order (grouped by outcome ×
 * measure, display order within a group) and every 2×2 table in table order, read into columns
 * (columns.ts). Then per filter state one statement: the row ids of the estimates that pass the
 * estimate filters and of the studies that pass the study filters (matchQuery); columns.ts joins,
 * counts, pages and pools from them. The text is assembled only from the fixed fragments in
 * filters.ts and fixed lists; every value a reader chose is a bound `?` parameter, in `params`,
 * never part of `sql`.
 */
import { activeFilters, ESTIMATE_FILTERS, STUDY_FILTERS } from './filters.ts';
import { EXPLORE_STUDY_COLUMNS, EXPLORE_TABLE_COLUMNS } from './rows.ts';
import type { FilterState } from './state.ts';
import { UNITS } from '../schema/measures.ts';

/** A statement to prepare and the values to bind to its `?` placeholders, in order. */
export interface BoundQuery {
  sql: string;
  params: (string | number)[];
}

/** The name the browser attaches review.duckdb as. */
export const SCHEMA = 'review';

// The estimates query sends a unit as a number: its index in the measure table's UNITS + 1 (0 = null, -1 = another text, read from `unit_other`).
if (!UNITS.every((u) => /^[a-z]+$/.test(u))) throw new Error('unit names must be plain words');

const STUDY_ORDER = 's.published DESC NULLS LAST, s.slug';
const ESTIMATE_ORDER = `${STUDY_ORDER}, CAST(split_part(e.estimate_id, '#', 2) AS INTEGER)`;

/** Which side of matchQuery a row id belongs to (its `side` column). */
export const MATCH_SIDE = { estimate: 0, study: 1 } as const;

/** Every study, in display order (newest first, undated last, then by slug), with its row id. */
export function studiesTableQuery(): BoundQuery {
  return { sql: `SELECT s.rowid AS study_row, ${EXPLORE_STUDY_COLUMNS.map((c) => `s.${c}`).join(', ')} FROM ${SCHEMA}.studies AS s ORDER BY ${STUDY_ORDER}`, params: [] };
}

/**
 * Every estimate of a study in the review, in pool order: grouped by outcome × measure (`group_index`
 * counts the groups from 0 in that order) and in display order within a group. `estimate_row` and
 * `study_row` are row ids (what matchQuery returns), `unit_code` is from UNITS (`unit_other`
 * holds the text only for another unit).
 */
export function estimatesTableQuery(): BoundQuery {
  const known = UNITS.map((u) => `'${u}'`).join(', ');
  const unitCode = `CASE WHEN e.unit IS NULL THEN 0 ${UNITS.map((u, i) => `WHEN e.unit = '${u}' THEN ${i + 1}`).join(' ')} ELSE -1 END`;
  const columns = [
    'e.rowid AS estimate_row', 's.rowid AS study_row', 'CAST(dense_rank() OVER (ORDER BY e.outcome, e.measure) - 1 AS INTEGER) AS group_index', 'e.outcome', 'e.measure',
    'e.value', 'e.ci_low', 'e.ci_high', 'e.ci_level', `CAST(${unitCode} AS INTEGER) AS unit_code`, `CASE WHEN e.unit NOT IN (${known}) THEN e.unit END AS unit_other`,
    'e.needs_review', 'e.estimate_id', 'e.label',
  ];
  return { sql: `SELECT ${columns.join(', ')} FROM ${SCHEMA}.estimates AS e JOIN ${SCHEMA}.studies AS s ON s.slug = e.slug ORDER BY e.outcome, e.measure, ${ESTIMATE_ORDER}`, params: [] };
}

/** Every 2×2 table of a study in the review, grouped by outcome and in display order, with its study's row id. */
export function tablesTableQuery(): BoundQuery {
  const columns = ['s.rowid AS study_row', ...EXPLORE_TABLE_COLUMNS.map((c) => `t.${c}`)];
  const order = `t.outcome, ${STUDY_ORDER}, CAST(split_part(t.table_id, '#', 2) AS INTEGER)`;
  return { sql: `SELECT ${columns.join(', ')} FROM ${SCHEMA}.diagnostic_tables AS t JOIN ${SCHEMA}.studies AS s ON s.slug = t.slug ORDER BY ${order}`, params: [] };
}

/**
 * The one statement of a filter change: the row ids (`row_id`) of the estimates that pass the
 * estimate filters (`side` 0) and of the studies that pass the study filters (`side` 1), each side
 * only when the state sets a filter of its level; null when it sets none (everything matches).
 */
export function matchQuery(state: FilterState): BoundQuery | null {
  const sides: BoundQuery[] = [];
  const estimate = activeFilters(ESTIMATE_FILTERS, state);
  const study = activeFilters(STUDY_FILTERS, state);
  if (estimate.length) {
    sides.push({
      sql: `SELECT ${MATCH_SIDE.estimate} AS side, e.rowid AS row_id FROM ${SCHEMA}.estimates AS e WHERE ${estimate.map((f) => f.filter.sql).join(' AND ')}`,
      params: estimate.map((f) => f.filter.param(f.value)),
    });
  }
  if (study.length) {
    sides.push({
      sql: `SELECT ${MATCH_SIDE.study} AS side, s.rowid AS row_id FROM ${SCHEMA}.studies AS s WHERE ${study.map((f) => f.filter.sql).join(' AND ')}`,
      params: study.map((f) => f.filter.param(f.value)),
    });
  }
  if (sides.length === 0) return null;
  return { sql: sides.map((s) => s.sql).join(' UNION ALL '), params: sides.flatMap((s) => s.params) };
}

/** The engine's DuckDB version (recorded on the page: the e2e run checks which engine read the file). */
export function versionQuery(): BoundQuery {
  return { sql: 'SELECT version() AS v', params: [] };
}
