/**
 * node scripts/build-png.ts [-- --out DIR --no-cache]    place: after astro build
 * node scripts/build-png.ts --warm [-- --root DIR]        warm: beside check, data and astro build
 *
 * Every figure listed in <out>/figures/index.json with a PNG link gets <out>/figures/<id>.png, a
 * 300 dpi rasterisation of <out>/figures/<id>.svg (a study's own plots are not listed: the reader's
 * browser draws their PNG from the study page), several at once on libuv's thread pool. PNGs
 * are cached by content (the SVG text and the renderer) in .cache/figures-png/. The warm mode
 * fills that cache before Astro has written a file: it draws each figure's standalone SVG from
 * content/ with the same code the site uses (src/lib/figures/standalone.ts), so it runs on the
 * core astro build leaves idle; placing then copies the PNGs from the cache, and renders any
 * figure whose SVG the warm-up did not predict.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { hasPng } from '../src/lib/figures/png.ts';
import { figureRowCount, figureStandalone } from '../src/lib/figures/site-figure.ts';
import { contentFigures } from './lib/content-figures.ts';
import { placeFromSvgs, warmFromSvgs, type SvgRenderer } from './lib/figure-cache.ts';
import { RASTER_FINGERPRINT, rasterizeSvgAsync, svgSize } from './lib/rasterize.ts';

/** What a run did. */
export interface PngReport {
  rendered: number;
  cached: number;
  /** Cache entries of figures no longer on the site, deleted (place step only). */
  pruned?: number;
  /** Figures without a PNG (too many rows, see PNG_MAX_ROWS). */
  withoutPng: number;
}

const DPI = 300;
/** Four at once by default: libuv's pool has 4 threads, and on 2 busy cores 4 beat 2 (400 figures: 2.8 vs 3.4 s; 1 at a time 5.1 s). */
const PARALLEL = Math.min(4, availableParallelism() * 2);

/** The cache file of an SVG's PNG (SHA-256 of the renderer's fingerprint, the dpi and the SVG text). */

async function rasterize(svg: string, label: string): Promise<Uint8Array> {
  try {
    const { width, height } = svgSize(svg);
    return (await rasterizeSvgAsync(svg, width, height, DPI)).png;
  } catch (e) {
    throw new Error(`${label}: could not rasterise: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** PNGs at 300 dpi, cached under the rasteriser's fingerprint and the dpi. */
const PNG: SvgRenderer = { ext: 'png', key: `${RASTER_FINGERPRINT} dpi ${DPI}`, render: rasterize };

/** Render the PNGs of the built site in `outDir` from its SVG files; `cacheDir` null renders every figure afresh. */
export async function buildPngs(outDir: string, cacheDir: string | null, parallel = PARALLEL): Promise<PngReport> {
  const indexFile = join(outDir, 'figures', 'index.json');
  const text = await readFile(indexFile, 'utf8').catch(() => null);
  if (text === null) throw new Error(`${indexFile} is missing: run astro build first`);
  const { figures } = JSON.parse(text) as { figures: { id: string; files: { png: string | null } }[] };
  const todo = figures.filter((f) => f.files.png !== null);
  return { withoutPng: figures.length - todo.length, ...(await placeFromSvgs(outDir, todo.map((f) => f.id), cacheDir, PNG, parallel)) };
}

/** Fill the cache with the PNGs of the figures the site will have, drawn from content/ (no build output needed). */
export async function warmPngCache(root: string, cacheDir: string, base = '/', parallel = PARALLEL): Promise<PngReport | null> {
  const figures = await contentFigures(root, base);
  if (!figures) return null;
  const todo = figures.filter((f) => hasPng(figureRowCount(f)));
  const run = await warmFromSvgs(todo.map((f) => ({ label: `figure ${f.id}`, svg: () => figureStandalone(f).svg })), cacheDir, PNG, parallel);
  return { ...run, withoutPng: figures.length - todo.length };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, root: { type: 'string', default: process.cwd() }, warm: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } } });
  const root = values.root!;
  const cacheDir = values['no-cache'] || process.env.PNG_CACHE === '0' ? null : join(root, '.cache', 'figures-png');
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (values.warm) {
    // Below the build's steps in priority (set before the thread pool starts, so its threads inherit it):
    // astro build keeps its core and the warm-up takes what is left.
    try {
      setPriority(10);
    } catch {
      // not permitted: the warm-up runs at normal priority
    }
  }
  const done = values.warm
    ? warmPngCache(root, cacheDir ?? join(root, '.cache', 'figures-png'), process.env.BASE_PATH ?? '/').then((r) =>
        console.log(r ? `png (warm-up): ${r.rendered} figures rendered into the cache, ${r.cached} already there, in ${ms()} ms` : 'png (warm-up): skipped, some study page is invalid (npm run check lists why)'),
      )
    : buildPngs(values.out ?? process.env.SITE_OUT_DIR ?? join(root, 'dist'), cacheDir).then((r) =>
        console.log(`png: ${r.rendered} figures rendered, ${r.cached} from the cache, ${r.withoutPng} without a PNG (over the row limit)${r.pruned ? `, ${r.pruned} unused cache entries deleted` : ''} in ${ms()} ms`),
      );
  done.catch((error: unknown) => {
    console.error(`png: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
