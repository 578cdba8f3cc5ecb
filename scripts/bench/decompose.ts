/**
 * Where a filter change's time goes, outside the browser: the same rows the page's queries
 * return (read from the same review.duckdb with @duckdb/node-api) are re-pooled (synthesizeRows, and
 * synthesizeDta for the matching 2×2 tables) and
 * rendered to HTML with the page's own code (src/lib/explore/render.ts) in Node's V8, and timed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { renderResults, type RenderContext } from '../../src/lib/explore/render.ts';
import { synthesizeDta } from '../../src/lib/site/dta-synthesis.ts';
import { synthesizeRows } from '../../src/lib/site/synthesis-rows.ts';
import { SCHEMA } from '../../src/lib/explore/sql.ts';
import type { FilterState } from '../../src/lib/explore/state.ts';
import { FOREST_ROWS } from '../../src/lib/explore/view.ts';
import { nodeQueries } from './explore-view.ts';

/** Per state: ms to re-pool (synthesizeRows + synthesizeDta), of it the bivariate re-pooling, and to re-pool + render the results HTML; the HTML size and the 2×2 tables re-pooled. */
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

/** Time the page's JS for each state against `database` (best of `repeat`). */
export async function jsCosts(database: string, states: readonly FilterState[], ctx: RenderContext, repeat = 2): Promise<JsCost[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${database.replace(/'/g, "''")}' AS ${SCHEMA} (READ_ONLY)`);
    const total = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${SCHEMA}.studies`)).getRowObjectsJS()[0]!.n);
    const out: JsCost[] = [];
    for (const state of states) {
      const { studies, matching, rows, tables } = await nodeQueries(conn, state);
      const estimates = rows.groups.reduce((n, g) => n + g.estimates, 0);
      let [synthesizeMs, dtaMs, renderMs, htmlBytes] = [Infinity, Infinity, Infinity, 0];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        const syntheses = synthesizeRows(rows, FOREST_ROWS);
        const td = performance.now();
        const dta = synthesizeDta(tables); // the bivariate re-pooling of the matching 2×2 tables
        dtaMs = Math.min(dtaMs, performance.now() - td);
        synthesizeMs = Math.min(synthesizeMs, performance.now() - t);
        const html = renderResults({ matching, estimates, studies, syntheses, dta }, { ...ctx, total });
        renderMs = Math.min(renderMs, performance.now() - t);
        htmlBytes = html.length;
      }
      out.push({ synthesizeMs, dtaMs, renderMs, htmlBytes, tables: tables.length });
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
