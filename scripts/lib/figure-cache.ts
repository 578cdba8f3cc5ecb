/**
 * The content-addressed cache of the files the build renders from each figure's SVG (PNG in
 * .cache/figures-png/, PDF in .cache/figures-pdf/): an entry is named by the SHA-256 of the
 * renderer's fingerprint and the SVG text, so a changed figure (or renderer) misses and an
 * unchanged one hits, whatever kind of plot drew it. Deleting a cache folder is always safe.
 */
import { createHash } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The cache file of an SVG's rendering: SHA-256 of `key` (renderer fingerprint and settings), a NUL and the SVG text, with the extension `ext`. */
export function cacheFile(cacheDir: string, key: string, svg: string, ext: string): string {
  return join(cacheDir, `${createHash('sha256').update(key).update('\0').update(svg).digest('hex')}.${ext}`);
}

/** Write atomically (a reader never sees half a file: the place step may read while the warm-up writes). */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/** Run `f` on every item, at most `parallel` at once. */
export async function eachParallel<T>(items: readonly T[], parallel: number, f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
}

/** Delete the cache's `.ext` entries that no figure of this build uses (old versions of changed figures), so the cache stays the size of the site; returns how many. */
export async function prune(cacheDir: string, used: ReadonlySet<string>, ext: string): Promise<number> {
  const entry = new RegExp(`^[0-9a-f]{64}\\.${ext}$`);
  const stale = (await readdir(cacheDir)).filter((n) => entry.test(n) && !used.has(n));
  await Promise.all(stale.map((n) => rm(join(cacheDir, n), { force: true })));
  return stale.length;
}
