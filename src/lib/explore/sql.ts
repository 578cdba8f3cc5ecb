/**
 * The SQL the browser runs against the attached review.duckdb (schema `review`): per filter state,
 * a page of the matching studies with the count of all, the counts per outcome × measure, the
 * pooling numbers of every matching estimate (grouped as the counts are), then the full rows of
 * only the estimates drawn (by row id). The text is assembled only from the fixed fragments in
 * filters.ts and fixed lists; every value a reader chose (and every limit, offset and row id) is a
 * bound `?` parameter, in `params`, never part of `sql`.
 */
import { activeFilters, ESTIMATE_FILTERS, STUDY_FILTERS, TABLE_OUTCOME_SQL, tablesMatch } from './filters.ts';
import { EXPLORE_ESTIMATE_COLUMNS, EXPLORE_STUDY_COLUMNS, EXPLORE_TABLE_COLUMNS } from './rows.ts';
import type { FilterState } from './state.ts';
import { UNITS } from '../schema/measures.ts';

/** A statement to prepare and the values to bind to its `?` placeholders, in order. */
export interface BoundQuery {
  sql: string;
  params: (string | number)[];
}

/** The name the browser attaches review.duckdb as. */
export const SCHEMA = 'review';

// The pool query sends a unit as a number: its index in the measure table's UNITS + 1 (0 = null, -1 = another text, read from `unit`).
if (!UNITS.every((u) => /^[a-z]+$/.test(u))) throw new Error('unit names must be plain words');

const STUDY_ORDER = 's.published DESC NULLS LAST, s.slug';
const ESTIMATE_ORDER = `${STUDY_ORDER}, CAST(split_part(e.estimate_id, '#', 2) AS INTEGER)`;
const FROM_ESTIMATES = `FROM ${SCHEMA}.estimates AS e JOIN ${SCHEMA}.studies AS s ON s.slug = e.slug`;

function conditions(state: FilterState): { study: BoundQuery; estimate: BoundQuery } {
  const study = activeFilters(STUDY_FILTERS, state);
  const estimate = activeFilters(ESTIMATE_FILTERS, state);
  return {
    study: { sql: study.map((f) => f.filter.sql).join(' AND '), params: study.map((f) => f.filter.param(f.value)) },
    estimate: { sql: estimate.map((f) => f.filter.sql).join(' AND '), params: estimate.map((f) => f.filter.param(f.value)) },
  };
}

function where(parts: string[]): string {
  const set = parts.filter(Boolean);
  return set.length ? ` WHERE ${set.join(' AND ')}` : '';
}

/**
 * `limit` matching studies from `offset`, in display order, each with `matching` = the count of
 * all (studies matching the study filters that, when estimate filters are set, have a matching
 * estimate: a semi-join on the slug, which DuckDB-WASM runs faster than a correlated EXISTS).
 */
export function studiesQuery(state: FilterState, limit: number, offset = 0): BoundQuery {
  const { study, estimate } = conditions(state);
  const having = estimate.sql && `s.slug IN (SELECT e.slug FROM ${SCHEMA}.estimates AS e WHERE ${estimate.sql})`;
  return {
    sql: `SELECT ${EXPLORE_STUDY_COLUMNS.map((c) => `s.${c}`).join(', ')}, count(*) OVER () AS matching FROM ${SCHEMA}.studies AS s${where([study.sql, having])} ORDER BY ${STUDY_ORDER} LIMIT ? OFFSET ?`,
    params: [...study.params, ...estimate.params, limit, offset],
  };
}

/** Per outcome × measure (ordered by them, as poolQuery groups its rows): matching estimates and distinct studies. */
export function groupsQuery(state: FilterState): BoundQuery {
  const { study, estimate } = conditions(state);
  return {
    sql: `SELECT e.outcome, e.measure, count(*) AS estimates, count(DISTINCT e.slug) AS studies ${FROM_ESTIMATES}${where([study.sql, estimate.sql])} GROUP BY e.outcome, e.measure ORDER BY e.outcome, e.measure`,
    params: [...study.params, ...estimate.params],
  };
}

/**
 * Every matching estimate of a matching study, grouped by outcome × measure (as groupsQuery orders
 * them) and in display order within a group, as numbers only: `estimate_row` = the estimate's row id (for
 * drawnQuery), `study` = the study's row id, `unit_code` from UNITS (schema/measures.ts) (`unit_other` holds the
 * text only for another unit), `included` = the study's status is "included".
 */
export function poolQuery(state: FilterState): BoundQuery {
  const { study, estimate } = conditions(state);
  const known = UNITS.map((u) => `'${u}'`).join(', ');
  const unitCode = `CASE WHEN e.unit IS NULL THEN 0 ${UNITS.map((u, i) => `WHEN e.unit = '${u}' THEN ${i + 1}`).join(' ')} ELSE -1 END`;
  const columns = [
    'e.rowid AS estimate_row', 's.rowid AS study', 'e.value', 'e.ci_low', 'e.ci_high', 'e.ci_level', `${unitCode} AS unit_code`,
    `CASE WHEN e.unit NOT IN (${known}) THEN e.unit END AS unit_other`, "s.status = 'included' AS included", 'e.needs_review',
  ];
  return {
    sql: `SELECT ${columns.join(', ')} ${FROM_ESTIMATES}${where([study.sql, estimate.sql])} ORDER BY e.outcome, e.measure, ${ESTIMATE_ORDER}`,
    params: [...study.params, ...estimate.params],
  };
}

/**
 * The full rows (as synthesizeRows draws them) of the estimates with the given row ids (from
 * poolQuery's `estimate_row`), bound as one comma-separated parameter; in no particular order, each with its `estimate_row`.
 */
export function drawnQuery(rows: readonly (number | bigint)[]): BoundQuery {
  const columns = ['e.rowid AS estimate_row', ...EXPLORE_ESTIMATE_COLUMNS.map((c) => `e.${c}`), 's.title', 's.status'];
  return {
    sql: `SELECT ${columns.join(', ')} ${FROM_ESTIMATES} WHERE e.rowid IN (SELECT TRY_CAST(unnest(string_split(?, ',')) AS BIGINT))`,
    params: [rows.map((r) => String(BigInt(r))).join(',')],
  };
}

/**
 * The 2×2 tables of the studies that pass the study filters (of the chosen outcome), grouped by
 * outcome and in display order, with their study's title and status; none when the measure filter
 * names a measure other than sensitivity or specificity (`WHERE false`, so the statement keeps its shape).
 */
export function tablesQuery(state: FilterState): BoundQuery {
  const { study } = conditions(state);
  const outcome = state.outcome === null ? null : TABLE_OUTCOME_SQL;
  const columns = [...EXPLORE_TABLE_COLUMNS.map((c) => `t.${c}`), 's.title', 's.status'];
  const conds = tablesMatch(state) ? [study.sql, outcome ?? ''] : ['false'];
  const order = `t.outcome, ${STUDY_ORDER}, CAST(split_part(t.table_id, '#', 2) AS INTEGER)`;
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${SCHEMA}.diagnostic_tables AS t JOIN ${SCHEMA}.studies AS s ON s.slug = t.slug${where(conds)} ORDER BY ${order}`,
    params: tablesMatch(state) ? [...study.params, ...(state.outcome === null ? [] : [state.outcome])] : [],
  };
}

/** The engine's DuckDB version (recorded on the page: the e2e run checks which engine read the file). */
export function versionQuery(): BoundQuery {
  return { sql: 'SELECT version() AS v', params: [] };
}

/** Number of studies in the review (the denominator of "excluded by the filter"). */
export function totalQuery(): BoundQuery {
  return { sql: `SELECT count(*) AS n FROM ${SCHEMA}.studies`, params: [] };
}
