/**
 * The Explore page's columns (columns.ts), read by @duckdb/node-api from an in-memory review built
 * from the unit-test fixture with a few 2×2 tables: a state that matches nothing selects nothing,
 * pages of studies follow the display order, each estimate's effect and the last DTA syntheses are
 * kept from one change to the next without changing any result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { selectView, studiesAt, warmEffects } from '../../../src/lib/explore/columns.ts';
import type { ExploreData, ExploreTable } from '../../../src/lib/explore/rows.ts';
import { EMPTY_STATE, type FilterState } from '../../../src/lib/explore/state.ts';
import { viewOf } from '../../../src/lib/explore/view.ts';
import { DIAGNOSTIC_TABLE_COLUMNS, ESTIMATE_COLUMNS, STUDY_COLUMNS } from '../../../src/lib/schema/tables.ts';
import { nodeIndex, nodeMatch } from '../../../scripts/bench/explore-view.ts';
import { DATA } from './fixture.ts';

const table = (slug: string, outcome: string, cells: [number, number, number, number], n = 1): ExploreTable => ({ table_id: `${slug}#${n}`, slug, outcome, label: outcome.toUpperCase(), threshold: null, tp: cells[0], fp: cells[1], fn: cells[2], tn: cells[3] });
const WITH_TABLES: ExploreData = {
  ...DATA,
  tables: [table('a', 'wma', [40, 10, 10, 40]), table('c', 'wma', [45, 5, 15, 35]), table('b', 'wma', [30, 20, 5, 45]), table('d', 'wma', [20, 8, 12, 60]), table('c', 'lge', [10, 2, 3, 20], 2)],
};

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run("ATTACH ':memory:' AS review");
  const full = {
    studies: WITH_TABLES.studies.map((s) => ({ ...Object.fromEntries(STUDY_COLUMNS.map((c) => [c.name, null])), ...s, study_id: s.slug })),
    estimates: WITH_TABLES.estimates.map((e) => ({ ...Object.fromEntries(ESTIMATE_COLUMNS.map((c) => [c.name, null])), ...e, study_id: e.slug })),
    diagnostic_tables: WITH_TABLES.tables!.map((t) => ({ ...Object.fromEntries(DIAGNOSTIC_TABLE_COLUMNS.map((c) => [c.name, null])), ...t, study_id: t.slug })),
  };
  for (const [name, columns] of [['studies', STUDY_COLUMNS], ['estimates', ESTIMATE_COLUMNS], ['diagnostic_tables', DIAGNOSTIC_TABLE_COLUMNS]] as const) {
    await conn.run(`CREATE TABLE review.${name} (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    for (const row of full[name] as Record<string, unknown>[]) {
      const statement = await conn.prepare(`INSERT INTO review.${name} VALUES (${columns.map(() => '?').join(', ')})`);
      statement.bind(columns.map((c) => row[c.name] as string | number | boolean | null));
      await statement.run();
    }
  }
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

const select = async (partial: Partial<FilterState>, index?: Awaited<ReturnType<typeof nodeIndex>>) => {
  const state = { ...EMPTY_STATE, ...partial };
  return selectView(index ?? (await nodeIndex(conn)), state, await nodeMatch(conn, state));
};

describe("the Explore page's columns", () => {
  it('give the view applyFilters + viewOf give, for study filters, estimate filters, both and none', async () => {
    const index = await nodeIndex(conn);
    const states: Partial<FilterState>[] = [{}, { outcome: 'wma' }, { measure: 'sensitivity' }, { journal: 'J One' }, { journal: 'J One', valueMin: 0.75 }, { status: 'excluded', outcome: 'wma' }, { rob: 'high' }, { q: '<script>' }];
    for (const partial of states) {
      const state = { ...EMPTY_STATE, ...partial };
      expect((await select(partial, index)).view, JSON.stringify(partial)).toEqual(viewOf(applyFilters(WITH_TABLES, state)));
    }
  });

  it('select nothing when a filter matches no row (the match statement returns no row of that level)', async () => {
    for (const partial of [{ q: 'no such title' }, { outcome: 'no-such-outcome' }, { q: 'no such title', outcome: 'wma' }]) {
      const { view, studies } = await select(partial);
      expect(view.matching, JSON.stringify(partial)).toBe(0);
      expect(studies.length).toBe(0);
      expect(view.syntheses).toEqual([]);
      expect(view.estimates).toBe(0);
      if ('q' in partial) expect(view.dta).toEqual([]);
    }
  });

  it('list the matching studies page by page in display order, as applyFilters orders them', async () => {
    const index = await nodeIndex(conn);
    const { studies } = await select({}, index);
    const pages = [0, 1, 2, 3].flatMap((k) => studiesAt(index, studies, k, 1));
    expect(pages).toEqual(applyFilters(WITH_TABLES, EMPTY_STATE).studies);
    expect(studiesAt(index, studies, 4, 1)).toEqual([]);
  });

  it("keep each estimate's effect and the last DTA syntheses from one change to the next, with the same results", async () => {
    const index = await nodeIndex(conn);
    expect(index.effects.filter(Boolean)).toHaveLength(0);
    const first = await select({ valueMin: 0.5 }, index);
    const kept = index.effects.filter(Boolean).length;
    expect(kept).toBeGreaterThan(0);
    // Another estimate filter keeps the same tables: their synthesis is the one already made.
    const second = await select({ measure: 'sensitivity' }, index);
    expect(second.view.dta).toBe(first.view.dta);
    const again = await select({ valueMin: 0.5 }, index);
    expect(index.effects.filter(Boolean)).toHaveLength(kept);
    expect(again.view).toEqual(first.view);
    expect(again.view).toEqual(viewOf(applyFilters(WITH_TABLES, { ...EMPTY_STATE, valueMin: 0.5 })));
    // Every estimate of the fixture is an AUC: the measure filter keeps each group's estimates, and its synthesis.
    const all = await select({}, index);
    const auc = await select({ measure: 'AUC' }, index);
    expect(auc.view.syntheses).toHaveLength(all.view.syntheses.length);
    auc.view.syntheses.forEach((x, i) => expect(x).toBe(all.view.syntheses[i]));
    // A different set of tables is re-pooled, not taken from the kept ones.
    const fewer = await select({ journal: 'J One' }, index);
    expect(fewer.view.dta).not.toBe(first.view.dta);
    expect(fewer.view.dta).toEqual(viewOf(applyFilters(WITH_TABLES, { ...EMPTY_STATE, journal: 'J One' })).dta);
  });
});

describe('warming the effects', () => {
  it('computes every estimate’s effect in steps, stops when told and resumes where it stopped, without changing a result', async () => {
    const index = await nodeIndex(conn);
    let calls = 0;
    expect(warmEffects(index, 0, () => calls++ > 0)).toBe(0);
    expect(index.effects.filter(Boolean)).toHaveLength(0);
    expect(warmEffects(index, 0, () => true)).toBe(index.estimates.length);
    expect(index.effects.filter(Boolean)).toHaveLength(index.estimates.length);
    expect((await select({}, index)).view).toEqual(viewOf(applyFilters(WITH_TABLES, EMPTY_STATE)));
  });
});
