/**
 * Vite plugin: DuckDB-WASM's WebAssembly module as one gzip file. The eh build (34 MB) is larger
 * than some static hosts accept for one file (Cloudflare Pages: 25 MiB); gzipped (7.7 MB) it fits
 * every host, and the browser inflates it with DecompressionStream (src/client/explore/wasm-gzip.ts).
 * Only the eh build is shipped: WebAssembly exception handling is in every current browser.
 *
 * `import { url } from 'virtual:duckdb-eh-wasm'`: in a build, the URL of the emitted
 * `_astro/duckdb-eh.wasm.<hash>.gz`; in `astro dev`, the plain wasm file (wasm-gzip.ts tells them apart).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The module id client code imports. */
export const DUCKDB_WASM_ID = 'virtual:duckdb-eh-wasm';
const RESOLVED = `\0${DUCKDB_WASM_ID}`;

/** Gzip the wasm bytes the same way every time (level 9; Node's gzip header has no time stamp or name). */
export function gzipWasm(bytes: Uint8Array): Buffer {
  return gzipSync(bytes, { level: 9 });
}

/** The Vite plugin (for astro.config.mjs `vite.plugins`). */
export function duckdbWasm(): Plugin {
  let serve = false;
  return {
    name: 'duckdb-eh-wasm-gzip',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === DUCKDB_WASM_ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) return `export { default as url } from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';\n`;
      const file = fileURLToPath(import.meta.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
      const ref = this.emitFile({ type: 'asset', name: 'duckdb-eh.wasm.gz', source: gzipWasm(await readFile(file)) });
      return `export const url = import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
  };
}
