/** The DuckDB-WASM module file the site serves (scripts/astro/duckdb-wasm.ts). */
declare module 'virtual:duckdb-eh-wasm' {
  /** Its URL on this site: gzipped in a build, the plain wasm in `astro dev`. */
  export const url: string;
}
