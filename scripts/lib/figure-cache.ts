/**
 * The content-addressed cache of the files the build renders from each figure's SVG (PNG in
 * .cache/figures-png/, PDF in .cache/figures-pdf/): an entry is named by the SHA-256 of the
 * renderer's fingerprint and the SVG text, so a changed figure (or renderer) misses and an
 * unchanged one hits, whatever kind of plot drew it. Deleting a cache folder is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

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

/** How one kind of file (PNG, PDF) is made from a figure's SVG: its extension, the renderer's cache key and the renderer. */
export interface SvgRenderer {
  ext: string;
  key: string;
  render(svg: string, label: string): Promise<Uint8Array>;
}

/** What a place or warm-up run did. */
export interface CacheRun {
  rendered: number;
  cached: number;
  /** Cache entries of figures no longer on the site, deleted (place step only). */
  pruned?: number;
}

/**
 * Write `<id>.<ext>` beside each built `<id>.svg` in outDir/figures: from the cache when the SVG's
 * entry is there, else rendered (and cached); then prune the entries this build did not use.
 * `cacheDir` null renders every figure afresh.
 */
export async function placeFromSvgs(outDir: string, ids: readonly string[], cacheDir: string | null, r: SvgRenderer, parallel: number): Promise<CacheRun> {
  const run: CacheRun = { rendered: 0, cached: 0 };
  const used = new Set<string>();
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  await eachParallel(ids, parallel, async (id) => {
    const svgFile = join(outDir, 'figures', `${id}.svg`);
    const svg = await readFile(svgFile, 'utf8');
    const entry = cacheDir ? cacheFile(cacheDir, r.key, svg, r.ext) : null;
    const cached = entry ? await readFile(entry).catch(() => null) : null;
    let bytes: Uint8Array;
    if (cached) {
      bytes = cached;
      run.cached++;
    } else {
      bytes = await r.render(svg, svgFile);
      if (entry) await writeAtomic(entry, bytes);
      run.rendered++;
    }
    if (entry) used.add(basename(entry));
    await writeFile(join(outDir, 'figures', `${id}.${r.ext}`), bytes);
  });
  if (cacheDir) run.pruned = await prune(cacheDir, used, r.ext);
  return run;
}

/** Fill the cache with the renderings of SVGs drawn without a build (the warm-ups), skipping those already cached. */
export async function warmFromSvgs(items: readonly { label: string; svg(): string }[], cacheDir: string, r: SvgRenderer, parallel: number): Promise<CacheRun> {
  const run: CacheRun = { rendered: 0, cached: 0 };
  await mkdir(cacheDir, { recursive: true });
  await eachParallel(items, parallel, async (item) => {
    const svg = item.svg();
    const file = cacheFile(cacheDir, r.key, svg, r.ext);
    if (await readFile(file).then(() => true, () => false)) run.cached++;
    else {
      await writeAtomic(file, await r.render(svg, item.label));
      run.rendered++;
    }
  });
  return run;
}
