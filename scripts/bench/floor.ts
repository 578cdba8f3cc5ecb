/**
 * The DuckDB-WASM floor: a bare page, served by the same server as the site, that only loads
 * DuckDB-WASM (the same eh worker and gzipped wasm file the site ships, made from
 * node_modules/@duckdb/duckdb-wasm/dist as the build makes them and inflated in the browser the same way; the JS API bundled with esbuild, minified, as Vite
 * bundles it for the site), attaches the site's review.duckdb over HTTP and runs given queries
 * (one after another, prepared and bound as the site runs them; the results are Arrow tables on
 * the page's thread, not read further: the bare engine's cost).
 * Also a blank same-origin page for timing Pagefind's API alone.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipWasm } from '../astro/duckdb-wasm.ts';
import { PROJECT_ROOT } from './synthetic.ts';

/** Folder (under the served root) and URL path of the floor page. */
export const FLOOR_DIR = '__bench_floor';

const ENTRY = `
import * as duckdb from '@duckdb/duckdb-wasm';
import { wasmBlobUrl } from './src/client/explore/wasm-gzip.ts';
let conn = null;
const prepared = new Map();
/** Start DuckDB-WASM, attach the database, run the queries (prepared, bound). */
export async function runFloor({ dbUrl, queries }) {
  const t0 = performance.now();
  const base = new URL('./', import.meta.url).href;
  const worker = new Worker(base + 'duckdb-browser-eh.worker.js');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const module = await wasmBlobUrl(base + 'duckdb-eh.wasm.gz');
  await db.instantiate(module);
  URL.revokeObjectURL(module);
  await db.registerFileURL('review.duckdb', dbUrl, duckdb.DuckDBDataProtocol.HTTP, false);
  conn = await db.connect();
  await conn.query("ATTACH 'review.duckdb' AS review (READ_ONLY)");
  const ready = performance.now() - t0;
  const q = await queryOnly(queries);
  return { ms: performance.now() - t0, readyMs: ready, rows: q.rows };
}
/** Run queries on the open connection, one after another; time and rows (each result arrives as an Arrow table, left unread). */
export async function queryOnly(queries) {
  const t0 = performance.now();
  let rows = 0;
  for (const q of queries) {
    // Prepared once per SQL text, as the site's engine does.
    if (!prepared.has(q.sql)) prepared.set(q.sql, await conn.prepare(q.sql));
    rows += (await prepared.get(q.sql).query(...q.params)).numRows;
  }
  return { ms: performance.now() - t0, rows };
}
`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench floor</title></head>
<body><p>Benchmark floor page: DuckDB-WASM alone, and a blank page for Pagefind's API.</p></body></html>
`;

/** Write the floor page into `<root>/__bench_floor/` (root: the served site folder). */
export async function writeFloor(root: string): Promise<void> {
  const dir = join(root, FLOOR_DIR);
  await mkdir(dir, { recursive: true });
  const dist = join(PROJECT_ROOT, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
  await writeFile(join(dir, 'duckdb-eh.wasm.gz'), gzipWasm(await readFile(join(dist, 'duckdb-eh.wasm'))));
  await copyFile(join(dist, 'duckdb-browser-eh.worker.js'), join(dir, 'duckdb-browser-eh.worker.js'));
  // esbuild comes with Astro's toolchain (Vite); it is not a direct dependency of the project.
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, sourcefile: 'floor-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    target: 'es2022',
    outfile: join(dir, 'floor.js'),
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'index.html'), HTML);
}
