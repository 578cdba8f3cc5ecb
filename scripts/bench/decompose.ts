/**
 * Where a filter change's time goes, outside the browser: the same columns and matches the page's
 * queries return (read from the same review.duckdb with @duckdb/node-api) are assembled and
 * re-pooled (selectView: synthesizeRows, and synthesizeDta for the matching 2×2 tables) and
 * rendered to HTML with the page's own code (src/lib/explore/render.ts) in Node's V8, and timed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { renderResults, type RenderContext } from '../../src/lib/explore/render.ts';
import { synthesizeDta } from '../../src/lib/site/dta-synthesis.ts';
import { chosenTables, selectView } from '../../src/lib/explore/columns.ts';
import { SCHEMA } from '../../src/lib/explore/sql.ts';
import type { FilterState } from '../../src/lib/explore/state.ts';
import { nodeIndex, nodeMatch } from './explore-view.ts';

/** Per state: ms to select and re-pool (selectView: assembly, synthesizeRows, synthesizeDta), of it the bivariate re-pooling, and to select + render the results HTML; the HTML size and the 2×2 tables re-pooled. */
export interface JsCost {
  synthesizeMs: number;
  dtaMs: number;
  renderMs: number;
  htmlBytes: number;
  tables: number;
}

/** The outcome with the most 2×2 tables in `database` (null when it has none). */
export async function busiestTableOutcome(database: string): Promise<string | null> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${database.replace(/'/g, "''")}' AS ${SCHEMA} (READ_ONLY)`);
    const rows = (await conn.runAndReadAll(`SELECT outcome FROM ${SCHEMA}.diagnostic_tables GROUP BY outcome ORDER BY count(*) DESC, outcome LIMIT 1`)).getRowObjectsJS();
    return rows.length ? String(rows[0]!.outcome) : null;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * Time the page's JS for each state against `database`, in order, as the page runs them: one index
 * read once, each estimate's effect and the last few DTA syntheses kept from one state to the
 * next. The bivariate re-pooling alone is timed again on the same tables, without the kept ones.
 */
export async function jsCosts(database: string, states: readonly FilterState[], ctx: RenderContext): Promise<JsCost[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${database.replace(/'/g, "''")}' AS ${SCHEMA} (READ_ONLY)`);
    const index = await nodeIndex(conn);
    const out: JsCost[] = [];
    for (const state of states) {
      const match = await nodeMatch(conn, state);
      const t = performance.now();
      const { view } = selectView(index, state, match);
      const synthesizeMs = performance.now() - t;
      const html = renderResults(view, { ...ctx, total: index.total });
      const renderMs = performance.now() - t;
      const inputs = chosenTables(index, state, match);
      const td = performance.now();
      synthesizeDta(inputs);
      out.push({ synthesizeMs, dtaMs: performance.now() - td, renderMs, htmlBytes: html.length, tables: inputs.length });
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
