/**
 * Rasterise a standalone SVG to PNG at print resolution with @resvg/resvg-js (no browser, no
 * network). Fonts cannot be embedded offline, so text uses the machine's system fonts
 * (Liberation Sans, metric-compatible with Arial, else whatever sans-serif font resvg finds);
 * resvg writes no pHYs chunk, so one is added for the dpi.
 */
import { renderAsync } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { printSize, withPngDpi, type PrintSize } from '../../src/lib/figures/png.ts';

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
export const RASTER_FINGERPRINT = JSON.stringify({ resvg: (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version, font: FONT });

function options(widthPx: number) {
  return { fitTo: { mode: 'width' as const, value: widthPx }, background: '#ffffff', font: FONT };
}

/** Render `svg` (whose width × height in CSS px are given) to a PNG at `dpi` (default 300), on libuv's thread pool (resvg's renderAsync): several figures render at once, off the main thread. */
export async function rasterizeSvgAsync(svg: string, width: number, height: number, dpi = 300): Promise<Raster> {
  const started = performance.now();
  const size = printSize(width, height, dpi);
  const png = withPngDpi((await renderAsync(svg, options(size.widthPx))).asPng(), dpi);
  return { png, size, ms: performance.now() - started };
}

/** The CSS-pixel size a standalone SVG declares on its root element (width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? NaN);
  const size = { width: attr('width'), height: attr('height') };
  if (!(size.width > 0 && size.height > 0)) throw new Error(`the SVG's root element has no positive width and height: ${root.slice(0, 120)}`);
  return size;
}
