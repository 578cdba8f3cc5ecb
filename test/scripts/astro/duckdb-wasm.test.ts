import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { DUCKDB_WASM_ID, duckdbWasm, gzipWasm } from '../../../scripts/astro/duckdb-wasm.ts';
import { HOST_FILE_LIMIT } from '../../../scripts/lib/dist-files.ts';

const WASM = fileURLToPath(import.meta.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const dir = mkdtempSync(join(tmpdir(), 'duckdb-wasm-plugin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the DuckDB-WASM module as one gzip file', () => {
  it('emits the eh module gzipped, under the hosts\' 25 MiB limit, and gives its URL under the base path', async () => {
    writeFileSync(join(dir, 'entry.js'), `import { url } from '${DUCKDB_WASM_ID}';\nexport default url;\n`);
    await build({ root: dir, base: '/sub/', logLevel: 'silent', configFile: false, plugins: [duckdbWasm()], build: { outDir: join(dir, 'out'), rollupOptions: { input: join(dir, 'entry.js'), output: { entryFileNames: 'entry.js' }, preserveEntrySignatures: 'strict' } } });
    const out = readdirSync(join(dir, 'out'), { recursive: true }).map(String);
    const gz = out.filter((f) => f.endsWith('.gz'));
    expect(gz).toHaveLength(1);
    expect(gz[0]).toMatch(/duckdb-eh\.wasm.*\.gz$/);
    expect(out.filter((f) => f.endsWith('.wasm'))).toEqual([]);
    const bytes = readFileSync(join(dir, 'out', gz[0]!));
    expect(bytes.length).toBeLessThan(HOST_FILE_LIMIT);
    expect(gunzipSync(bytes).equals(readFileSync(WASM))).toBe(true);
    const js = readFileSync(join(dir, 'out', 'entry.js'), 'utf8');
    expect(js).toContain(`/sub/${gz[0]}`);
    expect(js).not.toContain('ROLLUP_FILE_URL');
  }, 60_000);

  it('gzips the same bytes to the same file every time', () => {
    const sample = readFileSync(WASM).subarray(0, 1_000_000);
    expect(gzipWasm(sample).equals(gzipWasm(sample))).toBe(true);
    expect(gunzipSync(gzipWasm(sample)).equals(sample)).toBe(true);
  });

  it('gives the plain wasm file in the dev server, and leaves other modules alone', async () => {
    const plugin = duckdbWasm() as unknown as { configResolved(c: { command: string }): void; resolveId(id: string): string | undefined; load(id: string): Promise<string | undefined> };
    plugin.configResolved({ command: 'serve' });
    const id = plugin.resolveId(DUCKDB_WASM_ID)!;
    expect(await plugin.load(id)).toContain("from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'");
    expect(plugin.resolveId('./other.js')).toBeUndefined();
    expect(await plugin.load('/x/other.js')).toBeUndefined();
  });
});
