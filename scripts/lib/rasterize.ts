/**
 * Rasterise a standalone SVG to PNG at print resolution with @resvg/resvg-js (no browser, no
 * network). Fonts cannot be embedded offline, so text uses the machine's system fonts
 * (Liberation Sans, metric-compatible with Arial, else whatever sans-serif font resvg finds);
 * resvg writes no pHYs chunk, so one is added for the dpi.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
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

/** Render `svg` (whose width × height in CSS px are given) to a PNG at `dpi` (default 300). */
export function rasterizeSvg(svg: string, width: number, height: number, dpi = 300): Raster {
  const started = performance.now();
  const size = printSize(width, height, dpi);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.widthPx },
    background: '#ffffff',
    font: FONT,
  });
  const png = withPngDpi(resvg.render().asPng(), dpi);
  return { png, size, ms: performance.now() - started };
}
