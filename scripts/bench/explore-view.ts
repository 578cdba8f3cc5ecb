/**
 * The browser's Explore pipeline run in Node with @duckdb/node-api: the same bound queries
 * (src/lib/explore/sql.ts), read as columns and assembled and re-pooled with the same code
 * (src/lib/explore/columns.ts); the bench times its JS part and the tests compare it with the
 * prerender's applyFilters + viewOf.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { indexColumns, selectView, studiesAt, type ExploreIndex, type MatchColumns, type Selection } from '../../src/lib/explore/columns.ts';
import { plainRow, type ExploreStudy, type ExploreTable } from '../../src/lib/explore/rows.ts';
import { estimatesTableQuery, matchQuery, studiesTableQuery, tablesTableQuery, type BoundQuery } from '../../src/lib/explore/sql.ts';
import type { FilterState } from '../../src/lib/explore/state.ts';
import { FOREST_ROWS, STUDY_PAGE, type ExploreView } from '../../src/lib/explore/view.ts';

async function reader(conn: DuckDBConnection, { sql, params }: BoundQuery) {
  const statement = await conn.prepare(sql);
  params.forEach((p, i) => (typeof p === 'number' && Number.isInteger(p) ? statement.bindBigInt(i + 1, BigInt(p)) : typeof p === 'number' ? statement.bindDouble(i + 1, p) : statement.bindVarchar(i + 1, p)));
  return statement.runAndReadAll();
}

/** Rows of a bound query as plain objects (BIGINT as Number). */
export async function nodeRows<T>(conn: DuckDBConnection, q: BoundQuery): Promise<T[]> {
  return (await reader(conn, q)).getRowObjectsJS().map((r) => plainRow(r as Record<string, unknown>)) as T[];
}

async function columns(conn: DuckDBConnection, q: BoundQuery): Promise<Record<string, unknown[]>> {
  return (await reader(conn, q)).getColumnsObjectJS() as Record<string, unknown[]>;
}

/** The columns the browser reads when its engine starts, indexed (columns.ts). */
export async function nodeIndex(conn: DuckDBConnection): Promise<ExploreIndex> {
  const studies = await nodeRows<ExploreStudy & { study_row: number }>(conn, studiesTableQuery());
  const e = await columns(conn, estimatesTableQuery());
  const tables = await nodeRows<ExploreTable & { study_row: number }>(conn, tablesTableQuery());
  const num = (name: string) => e[name] as (number | null)[];
  return indexColumns(
    { length: studies.length, studyRow: studies.map((s) => s.study_row), status: (i) => studies[i]!.status, row: (i) => withoutRow(studies[i]!) },
    {
      length: e.estimate_row!.length,
      estimateRow: e.estimate_row as bigint[],
      studyRow: e.study_row as bigint[],
      groupIndex: num('group_index') as number[],
      value: num('value') as number[],
      ciLow: num('ci_low'),
      ciHigh: num('ci_high'),
      ciLevel: num('ci_level'),
      unitCode: num('unit_code') as number[],
      needsReview: e.needs_review as (boolean | null)[],
      text: (i, c) => (e[c]![i] as string | null) ?? null,
    },
    { length: tables.length, studyRow: tables.map((t) => t.study_row), outcome: (i) => tables[i]!.outcome, row: (i) => withoutRow(tables[i]!) },
  );
}

function withoutRow<T extends { study_row: number }>({ study_row: _r, ...rest }: T): Omit<T, 'study_row'> {
  return rest;
}

/** The match query's rows for a state (null when it sets no filter). */
export async function nodeMatch(conn: DuckDBConnection, state: FilterState): Promise<MatchColumns | null> {
  const q = matchQuery(state);
  if (!q) return null;
  const c = await columns(conn, q);
  return { length: c.side!.length, side: c.side as number[], rowId: c.row_id as bigint[] };
}

const indexes = new WeakMap<DuckDBConnection, Promise<ExploreIndex>>();

/** The connection's index, read once (as the page reads it once). */
export function cachedIndex(conn: DuckDBConnection): Promise<ExploreIndex> {
  let index = indexes.get(conn);
  if (!index) indexes.set(conn, (index = nodeIndex(conn)));
  return index;
}

/** What the browser selects for a state (FOREST_ROWS rows per plot unless `cap` says otherwise). */
export async function nodeSelection(conn: DuckDBConnection, state: FilterState, cap = FOREST_ROWS): Promise<Selection> {
  return selectView(await cachedIndex(conn), state, await nodeMatch(conn, state), cap);
}

/** The view the browser draws for a state (first page, FOREST_ROWS rows per plot unless `cap` says otherwise). */
export async function nodeView(conn: DuckDBConnection, state: FilterState, cap = FOREST_ROWS): Promise<ExploreView> {
  return (await nodeSelection(conn, state, cap)).view;
}

/** A page of the matching studies, as "Show more" lists it, with the count of all. */
export async function nodePage(conn: DuckDBConnection, state: FilterState, limit = STUDY_PAGE, offset = 0): Promise<{ studies: ExploreStudy[]; matching: number }> {
  const s = await nodeSelection(conn, state);
  return { studies: studiesAt(await cachedIndex(conn), s.studies, offset, limit), matching: s.studies.length };
}
