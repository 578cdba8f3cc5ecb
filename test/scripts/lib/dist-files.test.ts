import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFiles, summarizeFiles } from '../../../scripts/lib/dist-files.ts';

const root = mkdtempSync(join(tmpdir(), 'dist-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the files of a built site', () => {
  it('lists every file with its size, as sorted relative paths with forward slashes, following links to files only', async () => {
    mkdirSync(join(root, 'site', 'b', 'c'), { recursive: true });
    mkdirSync(join(root, 'site', 'empty'));
    writeFileSync(join(root, 'site', 'index.html'), '<p>home</p>');
    writeFileSync(join(root, 'site', 'b', 'c', 'index.html'), 'x');
    writeFileSync(join(root, 'site', 'a.wasm'), Buffer.alloc(300));
    writeFileSync(join(root, 'outside.duckdb'), Buffer.alloc(50));
    symlinkSync(join(root, 'outside.duckdb'), join(root, 'site', 'review.duckdb'));
    symlinkSync(join(root, 'site', 'b'), join(root, 'site', 'linked-dir'));
    symlinkSync(join(root, 'missing'), join(root, 'site', 'dangling'));
    const files = await distFiles(join(root, 'site')).catch((e: unknown) => e);
    expect(files).toBeInstanceOf(Error); // a dangling link is a broken build, not a file to skip
    rmSync(join(root, 'site', 'dangling'));
    expect(await distFiles(join(root, 'site'))).toEqual([
      { path: 'a.wasm', size: 300 },
      { path: 'b/c/index.html', size: 1 },
      { path: 'index.html', size: 11 },
      { path: 'review.duckdb', size: 50 },
    ]);
  });

  it('counts files, HTML pages and bytes, leaves DuckDB-WASM\'s module out of the non-wasm bytes, and names the largest file', () => {
    const s = summarizeFiles([
      { path: 'index.html', size: 10 },
      { path: '_astro/duckdb-eh.wasm.Ab-c_9.gz', size: 7000 },
      { path: '_astro/other.wasm', size: 500 },
      { path: 'pagefind/wasm.en.pagefind', size: 90 },
      { path: 'data/review.duckdb', size: 800 },
    ]);
    expect(s).toEqual({ files: 5, html: 1, bytes: 8400, nonWasmBytes: 900, largest: { path: '_astro/duckdb-eh.wasm.Ab-c_9.gz', size: 7000 } });
    expect(summarizeFiles([])).toEqual({ files: 0, html: 0, bytes: 0, nonWasmBytes: 0, largest: null });
  });
});
