/**
 * DuckDB-WASM, self-hosted: the worker and wasm files come from the site itself (a Vite ?url
 * import of node_modules, and the eh module gzipped by scripts/astro/duckdb-wasm.ts, inflated
 * here), and review.duckdb is attached read-only over HTTP range requests.
 * Every query is a prepared statement with bound parameters (src/lib/explore/sql.ts).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { url as ehWasm } from 'virtual:duckdb-eh-wasm';
import type { Table } from 'apache-arrow';
import { SCHEMA, type BoundQuery } from '../../lib/explore/sql.ts';
import { base } from '../../base-path.ts';
import { wasmBlobUrl } from './wasm-gzip.ts';

/** A ready engine with the review attached. */
export interface Engine {
  /** Run a prepared statement (prepared once per SQL text) with its bound parameters; the result as an Arrow table (read.ts reads it). */
  query(q: BoundQuery): Promise<Table>;
}

/** The URL of review.duckdb on this site (respects the site's base path). */
export function databaseUrl(): string {
  return new URL(`${base}data/review.duckdb`, location.href).href;
}

/** Start DuckDB-WASM in a worker and attach the review's database file from `url`. */
export async function openEngine(url: string): Promise<Engine> {
  // Only the eh build is shipped (WebAssembly exception handling: Chrome 95, Firefox 100, Safari 15.2 and later).
  if (!(await duckdb.getPlatformFeatures()).wasmExceptions) throw new Error('this browser lacks WebAssembly exception handling, which the query engine needs');
  // A same-origin worker file (not duckdb's createWorker(), which wraps it in a blob: URL the CSP forbids).
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let module: string | null = null;
  try {
    // The worker fetches the inflated module from a blob: URL of this page (its own fetch, which the page's CSP does not govern).
    module = await wasmBlobUrl(ehWasm);
    await db.instantiate(module);
    // Read the file by HTTP range requests (a HEAD with a Range header finds its size); a server
    // without range support still works, by one full read.
    await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
    await db.registerFileURL('review.duckdb', url, duckdb.DuckDBDataProtocol.HTTP, false);
    const conn = await db.connect();
    // Fixed text, no reader input: ATTACH takes no parameters.
    await conn.query(`ATTACH 'review.duckdb' AS ${SCHEMA} (READ_ONLY)`);
    const prepared = new Map<string, ReturnType<typeof conn.prepare>>();
    return {
      async query({ sql, params }) {
        let statement = prepared.get(sql);
        if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
        return (await statement).query(...params);
      },
    };
  } catch (error) {
    await db.terminate().catch(() => {});
    throw error;
  } finally {
    if (module) URL.revokeObjectURL(module);
  }
}
