/**
 * The risk-of-bias and funnel figures through the project's PNG path (scripts/lib/rasterize.ts,
 * resvg): they render at their print size, the traffic-light plot in colour with each mark's
 * fill where the layout put it, the funnel plot as an 8-bit greyscale PNG. Set ROB_PNG_DIR to
 * keep the PNGs for a look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { rasterizeSvgAsync, svgSize } from '../../scripts/lib/rasterize.ts';
import { pngChunks } from '../../src/lib/figures/png.ts';
import { layoutTrafficLight } from '../../src/lib/rob/traffic-light.ts';
import { renderTrafficLightSvg } from '../../src/lib/rob/svg.ts';
import { ROB_STYLES } from '../../src/lib/rob/marks.ts';
import { domainColumns } from '../../src/lib/rob/input.ts';
import { layoutFunnel } from '../../src/lib/funnel/layout.ts';
import { renderFunnelSvg } from '../../src/lib/funnel/svg.ts';

const keep = process.env.ROB_PNG_DIR;
if (keep) mkdirSync(keep, { recursive: true });

function header(png: Uint8Array): { width: number; height: number; colourType: number; idat: Buffer } {
  const view = Buffer.from(png);
  const chunks = pngChunks(png);
  const ihdr = chunks[0]!;
  return {
    width: view.readUInt32BE(ihdr.offset),
    height: view.readUInt32BE(ihdr.offset + 4),
    colourType: view[ihdr.offset + 9]!,
    idat: Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => view.subarray(c.offset, c.offset + c.length))),
  };
}

const traffic = layoutTrafficLight(
  [
    { id: 'a', label: 'Sahashi 2024', levels: ['low', 'high', 'low', 'unclear'] },
    { id: 'b', label: 'New 2026', levels: [] },
  ],
  { title: 'Risk of bias', domains: domainColumns('QUADAS-2'), tool: 'QUADAS-2' },
);

describe('risk-of-bias and funnel figures rasterised with resvg', () => {
  it('renders the traffic-light plot at its print size, in colour, each mark filled with its level colour where the layout put it', async () => {
    const svg = renderTrafficLightSvg(traffic, { standalone: true });
    const { width, height } = svgSize(svg);
    expect({ width, height }).toEqual({ width: traffic.width, height: traffic.height });
    const r = await rasterizeSvgAsync(svg, width, height, 300);
    const h = header(r.png);
    expect([h.width, h.height]).toEqual([r.size.widthPx, r.size.heightPx]);
    expect(h.colourType).not.toBe(0);
    // Raw RGBA at 1 px per CSS px: sample each mark a little off its centre (beside the symbol).
    const zoom = 2;
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: width * zoom }, background: '#ffffff', font: { loadSystemFonts: false } }).render();
    const rgb = (x: number, y: number) => {
      const i = (Math.round(y * zoom) * image.width + Math.round(x * zoom)) * 4;
      return `#${[0, 1, 2].map((k) => image.pixels[i + k]!.toString(16).padStart(2, '0')).join('')}`.toLowerCase();
    };
    for (const row of traffic.rows) {
      for (const m of row.marks) expect(rgb(m.cx - m.r * 0.7, m.cy)).toBe(ROB_STYLES[m.level].fill.toLowerCase());
    }
    if (keep) writeFileSync(join(keep, 'traffic-light.png'), r.png);
  });

  it('renders the funnel plot as a greyscale PNG, inked along the pooled line and white outside the plot', async () => {
    const L = layoutFunnel(
      [0.1, -0.3, 0.4, -0.2, 0.05].map((e, i) => ({ id: `s${i}`, label: `S${i}`, effect: e, se: 0.1 + i * 0.08 })),
      { title: 'Funnel', pooled: 0.02, transform: 'exp', xLabel: 'Odds ratio (log scale)', nullValue: 0 },
    );
    const svg = renderFunnelSvg(L, { standalone: true });
    const r = await rasterizeSvgAsync(svg, L.width, L.height, 300);
    const h = header(r.png);
    expect(h.colourType).toBe(0);
    const raw = inflateSync(h.idat);
    const zoom = 300 / 96;
    const at = (x: number, y: number) => raw[Math.round(y * zoom) * (h.width + 1) + 1 + Math.round(x * zoom)]!;
    expect(at(L.centre!.x, (L.centre!.y1 + L.centre!.y2) / 2)).toBeLessThan(96);
    expect(at(L.width - 2, 2)).toBe(255);
    if (keep) writeFileSync(join(keep, 'funnel.png'), r.png);
  });
});
