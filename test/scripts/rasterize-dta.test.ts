/**
 * The DTA figures through the project's PNG path (scripts/lib/rasterize.ts, resvg): both
 * standalone SVGs render at 300 dpi to 8-bit greyscale PNGs of their print size, and ink lands
 * where the layout put it. Set DTA_PNG_DIR to keep the PNGs (desktop and 390 px phone sizes) for a look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rasterizeSvgAsync, svgSize } from '../../scripts/lib/rasterize.ts';
import { dtaLayout, dtaStandaloneSvg } from '../../src/lib/figures/dta-standalone.ts';
import { pngChunks } from '../../src/lib/figures/png.ts';
import { fallbackDtaFigure, seedDtaFigure } from '../lib/figures/dta-fixtures.ts';

/** Width, height, colour type and the grey pixel rows of an 8-bit greyscale PNG without filtering (as greyPng writes it). */
function decodeGrey(png: Uint8Array): { width: number; height: number; colourType: number; pixel: (x: number, y: number) => number } {
  const view = Buffer.from(png);
  const chunks = pngChunks(png);
  const ihdr = chunks[0]!;
  const width = view.readUInt32BE(ihdr.offset);
  const height = view.readUInt32BE(ihdr.offset + 4);
  const colourType = view[ihdr.offset + 9]!;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => view.subarray(c.offset, c.offset + c.length)));
  const raw = colourType === 0 ? inflateSync(idat) : Buffer.alloc(0);
  return { width, height, colourType, pixel: (x, y) => raw[y * (width + 1) + 1 + x]! };
}

const keep = process.env.DTA_PNG_DIR;
if (keep) mkdirSync(keep, { recursive: true });

describe('DTA figures rasterised with resvg', () => {
  for (const [name, f] of [['sroc', seedDtaFigure('sroc')], ['sroc-fallback', fallbackDtaFigure('sroc')], ['paired-forest', seedDtaFigure('paired-forest')]] as const) {
    it(`renders the ${name} figure at 300 dpi as a greyscale PNG of its print size`, async () => {
      const { svg, width, height } = dtaStandaloneSvg(f);
      expect(svgSize(svg)).toEqual({ width, height });
      const r = await rasterizeSvgAsync(svg, width, height, 300);
      const png = decodeGrey(r.png);
      expect(png.colourType).toBe(0);
      expect([png.width, png.height]).toEqual([r.size.widthPx, r.size.heightPx]);
      expect(png.pixel(0, 0)).toBe(255);
      if (keep) {
        writeFileSync(join(keep, `${name}-300dpi.png`), r.png);
        // What a screen shows at 2x: the desktop size, and the 358 px content column of a 390 px phone (if the figure scales).
        const phone = f.kind === 'sroc' ? 358 : width;
        writeFileSync(join(keep, `${name}-desktop.png`), (await rasterizeSvgAsync(svg, width, height, 192)).png);
        writeFileSync(join(keep, `${name}-phone.png`), (await rasterizeSvgAsync(svg, width, height, (192 * phone) / width)).png);
      }
    });
  }

  it("inks the SROC plot's summary point and frame where the layout puts them, and leaves the empty corner white", async () => {
    const f = seedDtaFigure('sroc');
    const d = dtaLayout(f, { portable: true });
    if (d.kind !== 'sroc') throw new Error('expected an SROC layout');
    const L = d.layout;
    const { svg } = dtaStandaloneSvg(f);
    const zoom = 300 / 96;
    const png = decodeGrey((await rasterizeSvgAsync(svg, L.width, L.height, 300)).png);
    const at = (x: number, y: number) => png.pixel(Math.round(x * zoom), Math.round(y * zoom));
    expect(at(L.summary!.cx, L.summary!.cy)).toBeLessThan(64);
    expect(at(L.plot.x0, L.plot.y0 + L.plot.size / 3)).toBeLessThan(128);
    // Low sensitivity, high false-positive rate, below the chance line: nothing there but the grid.
    expect(at(L.plot.x0 + L.plot.size * 0.9, L.plot.y0 + L.plot.size * 0.9)).toBe(255);
  });
});
