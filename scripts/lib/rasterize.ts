/**
 * Rasterise a standalone SVG to PNG at print resolution with @resvg/resvg-js (no browser, no
 * network). Fonts cannot be embedded offline, so text uses the machine's system fonts
 * (Liberation Sans, metric-compatible with Arial, else whatever sans-serif font resvg finds).
 * Grey figures are encoded here as 8-bit greyscale PNGs (src/lib/figures/png.ts), others as resvg
 * encodes them; either way with a pHYs chunk for the dpi, which resvg does not write.
 */
import { renderAsync } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { greyPng, greyScanlines, printSize, withPngDpi, type PrintSize } from '../../src/lib/figures/png.ts';

export { svgSize } from '../../src/lib/figures/svg-facts.ts';

const deflateAsync = promisify(deflate);

/** A rasterised figure: the PNG bytes, its print size and how long rendering took. */
export interface Raster {
  png: Uint8Array<ArrayBuffer>;
  size: PrintSize;
  ms: number;
}

/** Liberation Sans (installed with Debian's chromium and most desktops); loading two files beats scanning every system font for each figure (28 vs 43 ms a figure, measured). */
const FONT_FILES = ['Regular', 'Bold'].map((w) => `/usr/share/fonts/truetype/liberation/LiberationSans-${w}.ttf`);
const FONT = FONT_FILES.every((f) => existsSync(f))
  ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' }
  : { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' };

/** What, besides the SVG text, decides the pixels (resvg's version and the fonts): part of the PNG cache key. */
export const RASTER_FINGERPRINT = JSON.stringify({ encoder: 'grey-8bit-v1', resvg: (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version, font: FONT });

function options(widthPx: number) {
  return { fitTo: { mode: 'width' as const, value: widthPx }, background: '#ffffff', font: FONT };
}

/** Render `svg` (whose width × height in CSS px are given) to a PNG at `dpi` (default 300), on libuv's thread pool (resvg's renderAsync): several figures render at once, off the main thread. */
export async function rasterizeSvgAsync(svg: string, width: number, height: number, dpi = 300): Promise<Raster> {
  const started = performance.now();
  const size = printSize(width, height, dpi);
  const image = await renderAsync(svg, options(size.widthPx));
  // Grey figures (all of the forest plots) as 8-bit greyscale, deflated on the thread pool; anything in colour as resvg encodes it.
  const grey = greyScanlines(image.pixels, image.width, image.height);
  const png = grey ? greyPng(image.width, image.height, await deflateAsync(grey, { level: 6 }), dpi) : withPngDpi(image.asPng(), dpi);
  return { png, size, ms: performance.now() - started };
}
