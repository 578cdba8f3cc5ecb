import { describe, expect, inject, it } from 'vitest';
import { distFiles, HOST_FILE_LIMIT } from '../../scripts/lib/dist-files.ts';

const files = await distFiles(inject('distDir'));

describe('the built site on a static host', () => {
  it('has no file over 25 MiB, the largest single file Cloudflare Pages accepts', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => f.size > HOST_FILE_LIMIT).map((f) => `${f.path}: ${f.size} bytes`)).toEqual([]);
  });

  it("ships DuckDB-WASM's module once, as the gzipped eh build, and no plain or mvp wasm file", () => {
    const duckdb = files.filter((f) => /duckdb-(browser-)?(eh|mvp|coi)/.test(f.path));
    expect(duckdb.map((f) => f.path.replace(/\.[\w-]{8}\./, '.HASH.'))).toEqual(['_astro/duckdb-browser-eh.worker.HASH.js', '_astro/duckdb-eh.wasm.HASH.gz']);
    expect(files.filter((f) => f.path.endsWith('.wasm'))).toEqual([]);
  });
});
