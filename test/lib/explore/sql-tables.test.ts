/**
 * The browser's 2×2-table query (tablesQuery), run by @duckdb/node-api, re-pools to exactly the
 * DTA view the build's applyFilters + viewOf gives: the same tables, in the same order, the same
 * bivariate (or fallback) summary, for study filters, the outcome filter and a measure filter.
 */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { plainRow, type ExploreData, type ExploreStudy, type ExploreTable } from '../../../src/lib/explore/rows.ts';
import { tablesQuery, type BoundQuery } from '../../../src/lib/explore/sql.ts';
import { EMPTY_STATE, type FilterState } from '../../../src/lib/explore/state.ts';
import { viewOf } from '../../../src/lib/explore/view.ts';
import { nodeView } from '../../../scripts/bench/explore-view.ts';
import { DIAGNOSTIC_TABLE_COLUMNS, ESTIMATE_COLUMNS, STUDY_COLUMNS } from '../../../src/lib/schema/tables.ts';
import { auditC } from '../../dta-project.ts';

const c = auditC();
const studies: ExploreStudy[] = c.tp.map((_, i) => ({
  slug: `s${String(i + 1).padStart(2, '0')}`, title: i === 3 ? '<script>x</script> study' : `Study ${i + 1}`, journal: i % 2 ? 'J Odd' : 'J Even',
  published: `${2010 + i}`, published_year: 2010 + i, status: i === 5 ? 'excluded' : 'included', n_participants: 100 + i, outcomes: null,
  rob_overall: (['low', 'high', 'unclear', 'not-assessed'] as const)[i % 4]!,
}));
const tables: ExploreTable[] = c.tp.flatMap((tp, i) => {
  const own = { table_id: `${studies[i]!.slug}#1`, slug: studies[i]!.slug, outcome: 'alcohol', label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! };
  // study 3 also reports a second cut-off, and study 8 a second outcome
  if (i === 2) return [own, { ...own, table_id: `${own.slug}#2`, threshold: '≥ 5', tp: tp - 3, fn: c.fn[i]! + 3 }];
  if (i === 7) return [own, { ...own, table_id: `${own.slug}#2`, outcome: 'other' }];
  return [own];
});
const DATA: ExploreData = { studies, estimates: [], tables };

describe('tablesQuery against a review.duckdb with 2×2 tables', () => {
  it('selects and re-pools the same tables as applyFilters + viewOf', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const run = async ({ sql, params }: BoundQuery) => {
      const st = await conn.prepare(sql);
      st.bind(params);
      return (await st.runAndReadAll()).getRowObjectsJS().map((r) => plainRow(r as Record<string, unknown>));
    };
    try {
      await conn.run("ATTACH ':memory:' AS review");
      const full = {
        studies: studies.map((s) => ({ ...Object.fromEntries(STUDY_COLUMNS.map((col) => [col.name, null])), ...s, study_id: s.slug, title_source: 'curated', abstract_complete: true, n_estimates: 0, source_file: 'x', source_line: 1, synthetic: false, abstract: '' })),
        estimates: [],
        diagnostic_tables: tables.map((t) => ({ ...t, study_id: t.slug, sensitivity: t.tp / (t.tp + t.fn), specificity: t.tn / (t.tn + t.fp), derived_cells: null, provenance: '{}' })),
      };
      for (const [name, columns] of [['studies', STUDY_COLUMNS], ['estimates', ESTIMATE_COLUMNS], ['diagnostic_tables', DIAGNOSTIC_TABLE_COLUMNS]] as const) {
        await conn.run(`CREATE TABLE review.${name} (${columns.map((col) => `"${col.name}" ${col.type}`).join(', ')})`);
        for (const row of full[name] as Record<string, unknown>[]) {
          const names = columns.map((col) => col.name);
          await run({ sql: `INSERT INTO review.${name} VALUES (${names.map(() => '?').join(', ')})`, params: names.map((n) => row[n] as string | number) });
        }
      }
      const states: Partial<FilterState>[] = [{}, { outcome: 'alcohol' }, { outcome: 'other' }, { q: 'STUDY 1' }, { measure: 'AUC' }, { measure: 'sensitivity' }, { yearFrom: 2016 }, { journal: 'J Odd', status: 'included' }, { q: "'; DROP TABLE review.diagnostic_tables; --" }, { excludeHighRob: 1 }, { rob: 'low', outcome: 'alcohol' }, { rob: 'not-assessed' }];
      const models = new Set<string>();
      for (const partial of states) {
        const state = { ...EMPTY_STATE, ...partial };
        const expected = viewOf(applyFilters(DATA, state));
        const got = await nodeView(conn, state);
        expect(got.dta, JSON.stringify(partial)).toEqual(expected.dta);
        for (const s of expected.dta) models.add(s.summary?.model ?? 'none');
      }
      expect([...models].sort()).toEqual(['bivariate', 'univariate']);
      const first = viewOf(applyFilters(DATA, EMPTY_STATE)).dta[0]!;
      expect(first.rows.filter((r) => r.notPooled).map((r) => [r.tableId, r.notPooled])).toEqual([
        ['s06#1', 'study is excluded'],
        ['s03#2', 'second table from the same study (only the first is pooled)'],
      ]);
      expect(await run(tablesQuery({ ...EMPTY_STATE, measure: 'AUC' }))).toEqual([]);
      expect((await run({ sql: "SELECT count(*)::INTEGER AS n FROM review.diagnostic_tables", params: [] }))[0]).toEqual({ n: tables.length });
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
