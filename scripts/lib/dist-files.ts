/**
 * The files of a built site: relative POSIX paths (sorted) and sizes, for the per-file size limit
 * of static hosts, the bench's size report and the build digest (scripts/site-digest.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** The largest single file Cloudflare Pages accepts (25 MiB); GitHub Pages and Netlify accept more. */
export const HOST_FILE_LIMIT = 25 * 1024 * 1024;

/** One file of a site. */
export interface DistFile {
  /** Path relative to the site's root, with forward slashes. */
  path: string;
  size: number;
}

/** Every regular file under `root` (a symlink to a file counts as that file), sorted by path. */
export async function distFiles(root: string): Promise<DistFile[]> {
  const out: DistFile[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const info = await stat(full);
    if (info.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), size: info.size });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** DuckDB-WASM's module files (plain or gzipped): the per-study size budget leaves them out. */
export const WASM_FILE = /\.wasm(\.[\w-]+)*\.gz$|\.wasm$/;

/** Files, HTML pages, bytes (all and without wasm) and the largest file of a site. */
export function summarizeFiles(files: readonly DistFile[]): { files: number; html: number; bytes: number; nonWasmBytes: number; largest: DistFile | null } {
  let [html, bytes, nonWasmBytes] = [0, 0, 0];
  let largest: DistFile | null = null;
  for (const f of files) {
    if (f.path.endsWith('.html')) html++;
    bytes += f.size;
    if (!WASM_FILE.test(f.path)) nonWasmBytes += f.size;
    if (!largest || f.size > largest.size) largest = f;
  }
  return { files: files.length, html, bytes, nonWasmBytes, largest };
}
