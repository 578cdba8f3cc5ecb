/**
 * The browser's SQL (sql.ts), run here by @duckdb/node-api against the test build's
 * review.duckdb with the same bound parameters and re-pooled with the same code, gives exactly
 * the view the build's applyFilters + viewOf gives from the unfiltered tables (which is what the
 * build prerenders): the same page of studies, counts, drawn rows and pooled numbers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { EXPLORE_ESTIMATE_COLUMNS, EXPLORE_STUDY_COLUMNS, plainRow, type ExploreData } from '../../../src/lib/explore/rows.ts';
import { studiesQuery, totalQuery, type BoundQuery } from '../../../src/lib/explore/sql.ts';
import { EMPTY_STATE, type FilterState } from '../../../src/lib/explore/state.ts';
import { viewOf } from '../../../src/lib/explore/view.ts';
import { nodeQueries, nodeView } from '../../../scripts/bench/explore-view.ts';
import { DIAGNOSTIC_TABLE_COLUMNS, ESTIMATE_COLUMNS, STUDY_COLUMNS } from '../../../src/lib/schema/tables.ts';
import { DATA } from './fixture.ts';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

async function run({ sql, params }: BoundQuery, on = conn): Promise<Record<string, unknown>[]> {
  const statement = await on.prepare(sql);
  statement.bind(params);
  const reader = await statement.runAndReadAll();
  return reader.getRowObjectsJS().map((r) => plainRow(r as Record<string, unknown>));
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH '${join(inject('dataDir'), 'review.duckdb').replace(/'/g, "''")}' AS review (READ_ONLY)`);
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

const states: [string, Partial<FilterState>][] = [
  ['no filter', {}],
  ['the wall-motion outcome', { outcome: 'wall-motion-abnormality' }],
  ['AUC at least 0.75', { measure: 'AUC', valueMin: 0.75 }],
  ['estimates between 0.6 and 0.8', { valueMin: 0.6, valueMax: 0.8 }],
  ['published in 2025, included', { yearFrom: 2025, yearTo: 2025, status: 'included' }],
  ['at least 100 participants', { minN: 100 }],
  ['a journal', { journal: 'medRxiv' }],
  ['a title word in another case', { q: 'DEEP LEARNING' }],
  ['a hostile title search', { q: "x'); DROP TABLE studies; --" }],
  ['an unknown outcome and a hostile journal', { outcome: '<script>alert(1)</script>', journal: '1; DROP TABLE studies' }],
  ['studies not yet assessed', { rob: 'not-assessed' }],
  ['studies at high risk of bias', { rob: 'high' }],
  ['without the studies at high risk of bias, one outcome', { excludeHighRob: 1, outcome: 'wall-motion-abnormality' }],
];

describe('the browser SQL against review.duckdb', () => {
  it('gives the same view (studies, counts, drawn rows, pooled numbers) as applyFilters + viewOf, for every cap', async () => {
    const data: ExploreData = {
      studies: (await run({ sql: `SELECT ${EXPLORE_STUDY_COLUMNS.join(', ')} FROM review.studies`, params: [] })) as unknown as ExploreData['studies'],
      estimates: (await run({ sql: `SELECT ${EXPLORE_ESTIMATE_COLUMNS.join(', ')} FROM review.estimates`, params: [] })) as unknown as ExploreData['estimates'],
    };
    expect(data.studies.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const [name, partial] of states) {
      const state = { ...EMPTY_STATE, ...partial };
      const expected = applyFilters(data, state);
      for (const cap of [1, 2, 30]) expect(await nodeView(conn, state, cap), `${name}, cap ${cap}`).toEqual(viewOf(expected, undefined, cap));
      seen.add(`${expected.studies.length}/${expected.estimates.length}`);
    }
    expect(seen.size, 'the states select different subsets').toBeGreaterThan(3);
    expect(await run(totalQuery())).toEqual([{ n: data.studies.length }]);
  });

  it('pages through the matching studies with a bound page size and offset, counting all of them on every page', async () => {
    const all = applyFilters({ studies: (await run({ sql: `SELECT ${EXPLORE_STUDY_COLUMNS.join(', ')} FROM review.studies`, params: [] })) as unknown as ExploreData['studies'], estimates: [] }, EMPTY_STATE).studies;
    expect(all.length).toBeGreaterThan(4);
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const page = await nodeQueries(conn, EMPTY_STATE, 2, offset);
      expect(page.matching).toBe(all.length);
      pages.push(...page.studies);
    }
    expect(pages).toEqual(all);
    expect((await nodeQueries(conn, EMPTY_STATE, 2, all.length)).studies).toEqual([]);
  });

  it('leaves both tables in place after the hostile values', async () => {
    await run(studiesQuery({ ...EMPTY_STATE, q: "'; DROP TABLE review.studies; --", journal: '1; DROP TABLE studies' }, 50));
    const tables = await run({ sql: "SELECT table_name FROM duckdb_tables() WHERE database_name = 'review' ORDER BY 1", params: [] });
    expect(tables.map((t) => t.table_name)).toEqual(['diagnostic_tables', 'estimates', 'risk_of_bias', 'studies']);
  });
});

describe('the browser SQL against tables with percent units, undated studies and hostile titles', () => {
  it('gives the same view as applyFilters + viewOf on the unit-test fixture', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      await c.run("ATTACH ':memory:' AS review");
      for (const [table, columns, rows] of [['studies', STUDY_COLUMNS, DATA.studies], ['estimates', ESTIMATE_COLUMNS, DATA.estimates]] as const) {
        await c.run(`CREATE TABLE review.${table} (${columns.map((col) => `"${col.name}" ${col.type}`).join(', ')})`);
        const names = Object.keys(rows[0]!);
        for (const row of rows) {
          const values = names.map((n) => (row as Record<string, unknown>)[n] as string | number | boolean | null);
          await run({ sql: `INSERT INTO review.${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, params: values as (string | number)[] }, c);
        }
      }
      // No 2×2 tables in this fixture: the table exists (as npm run data writes it) but is empty.
      await c.run(`CREATE TABLE review.diagnostic_tables (${DIAGNOSTIC_TABLE_COLUMNS.map((col) => `"${col.name}" ${col.type}`).join(', ')})`);
      const more: Partial<FilterState>[] = [
        {}, { valueMin: 0.6, valueMax: 0.7 }, { outcome: 'wma' }, { q: '<SCRIPT>' }, { minN: 60 }, { yearTo: 2024, measure: 'AUC' },
        { rob: 'low' }, { rob: 'high' }, { rob: 'not-assessed' }, { excludeHighRob: 1 }, { excludeHighRob: 1, outcome: 'wma' }, { rob: "'; DROP TABLE review.studies; --" },
      ];
      for (const partial of more) {
        const state = { ...EMPTY_STATE, ...partial };
        for (const cap of [1, 30]) expect(await nodeView(c, state, cap), JSON.stringify(partial)).toEqual(viewOf(applyFilters(DATA, state), undefined, cap));
      }
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });
});
