/**
 * The SQL the browser runs against the attached review.duckdb (schema `review`). The text is
 * assembled only from the fixed fragments in filters.ts and fixed column lists; every value a
 * reader chose is a bound `?` parameter, in `params`, never part of `sql`.
 */
import { activeFilters, ESTIMATE_FILTERS, STUDY_FILTERS } from './filters.ts';
import { EXPLORE_ESTIMATE_COLUMNS, EXPLORE_STUDY_COLUMNS } from './rows.ts';
import type { FilterState } from './state.ts';

/** A statement to prepare and the values to bind to its `?` placeholders, in order. */
export interface BoundQuery {
  sql: string;
  params: (string | number)[];
}

/** The name the browser attaches review.duckdb as. */
export const SCHEMA = 'review';

const STUDY_ORDER = 's.published DESC NULLS LAST, s.slug';
const ESTIMATE_ORDER = `${STUDY_ORDER}, CAST(split_part(e.estimate_id, '#', 2) AS INTEGER)`;

function conditions(state: FilterState): { study: BoundQuery; estimate: BoundQuery } {
  const study = activeFilters(STUDY_FILTERS, state);
  const estimate = activeFilters(ESTIMATE_FILTERS, state);
  return {
    study: { sql: study.map((f) => f.filter.sql).join(' AND '), params: study.map((f) => f.filter.param(f.value)) },
    estimate: { sql: estimate.map((f) => f.filter.sql).join(' AND '), params: estimate.map((f) => f.filter.param(f.value)) },
  };
}

/** Studies matching the study filters that (when estimate filters are set) have a matching estimate. */
export function studiesQuery(state: FilterState): BoundQuery {
  const { study, estimate } = conditions(state);
  const where = [study.sql, estimate.sql && `EXISTS (SELECT 1 FROM ${SCHEMA}.estimates AS e WHERE e.slug = s.slug AND ${estimate.sql})`].filter(Boolean);
  return {
    sql: `SELECT ${EXPLORE_STUDY_COLUMNS.map((c) => `s.${c}`).join(', ')} FROM ${SCHEMA}.studies AS s${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${STUDY_ORDER}`,
    params: [...study.params, ...estimate.params],
  };
}

/** Matching estimates of matching studies, joined to their study's title and status, in display order. */
export function estimatesQuery(state: FilterState): BoundQuery {
  const { study, estimate } = conditions(state);
  const where = [study.sql, estimate.sql].filter(Boolean);
  const columns = [...EXPLORE_ESTIMATE_COLUMNS.map((c) => `e.${c}`), 's.title', 's.status'];
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${SCHEMA}.estimates AS e JOIN ${SCHEMA}.studies AS s ON s.slug = e.slug${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${ESTIMATE_ORDER}`,
    params: [...study.params, ...estimate.params],
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
