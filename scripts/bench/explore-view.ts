/**
 * The browser's Explore pipeline run in Node with @duckdb/node-api: the same bound queries
 * (src/lib/explore/sql.ts), read as columns, re-pooled with the same code; the bench times its
 * JS part and the tests compare it with the prerender's applyFilters + viewOf.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { drawnRowIds, poolRowsFromColumns, type DrawnRow, type PoolQueryColumns } from '../../src/lib/explore/pool-columns.ts';
import { synthesizeRows, type PoolGroup, type PoolRows } from '../../src/lib/site/synthesis-rows.ts';
import { dtaInputOf, plainRow, type ExploreStudy, type ExploreTable } from '../../src/lib/explore/rows.ts';
import { synthesizeDta, type DtaInput } from '../../src/lib/site/dta-synthesis.ts';
import { drawnQuery, groupsQuery, poolQuery, studiesQuery, tablesQuery, type BoundQuery } from '../../src/lib/explore/sql.ts';
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

/** What the browser's queries return for a state: a page of studies with the count, and the pool rows (the first `cap` of each group in full). */
export async function nodeQueries(conn: DuckDBConnection, state: FilterState, page = STUDY_PAGE, offset = 0, cap = FOREST_ROWS): Promise<{ studies: ExploreStudy[]; matching: number; rows: PoolRows; tables: DtaInput[] }> {
  const studyRows = await nodeRows<ExploreStudy & { matching: number }>(conn, studiesQuery(state, page, offset));
  const groups = await nodeRows<PoolGroup>(conn, groupsQuery(state));
  const columns = (await reader(conn, poolQuery(state))).getColumnsObjectJS() as unknown as PoolQueryColumns;
  const drawn = await nodeRows<DrawnRow>(conn, drawnQuery(drawnRowIds(groups, columns.estimate_row as (number | bigint)[], cap)));
  const tables = (await nodeRows<ExploreTable & { title: string; status: string }>(conn, tablesQuery(state))).map(dtaInputOf);
  return { studies: studyRows.map(({ matching: _m, ...s }) => s), matching: studyRows[0]?.matching ?? 0, rows: poolRowsFromColumns(columns, groups, drawn), tables };
}

/** The view the browser draws for a state (first page, FOREST_ROWS rows per plot unless `cap` says otherwise). */
export async function nodeView(conn: DuckDBConnection, state: FilterState, cap = FOREST_ROWS): Promise<ExploreView> {
  const { studies, matching, rows, tables } = await nodeQueries(conn, state, STUDY_PAGE, 0, cap);
  return { matching, estimates: rows.groups.reduce((n, g) => n + g.estimates, 0), studies, syntheses: synthesizeRows(rows, cap), dta: synthesizeDta(tables) };
}
