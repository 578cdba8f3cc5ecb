import { afterAll, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPngs, warmPngCache } from '../../scripts/build-png.ts';
import { ROOT } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'build-png-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const svg = (label: string, width = 480, height = 96) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><rect x="10" y="10" width="100" height="20" fill="#333"/><text x="120" y="25">${label}</text></svg>\n`;

function site(name: string, figures: { id: string; png: boolean; svg: string }[]): string {
  const out = join(root, name);
  mkdirSync(join(out, 'figures'), { recursive: true });
  for (const f of figures) writeFileSync(join(out, 'figures', `${f.id}.svg`), f.svg);
  const index = { figures: figures.map((f) => ({ id: f.id, files: { svg: `/figures/${f.id}.svg`, png: f.png ? `/figures/${f.id}.png` : null } })) };
  writeFileSync(join(out, 'figures', 'index.json'), JSON.stringify(index));
  return out;
}

/** Width and height of a PNG from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
/** The IHDR colour type: 0 grey, 6 RGBA. */
const colourType = (png: Buffer) => png[25];

describe('the PNG build step', () => {
  it('renders every listed PNG at 300 dpi from its SVG, and none for figures listed without one', async () => {
    const out = site('plain', [
      { id: 'a', png: true, svg: svg('a') },
      { id: 'b', png: true, svg: svg('b', 720, 240) },
      { id: 'tall', png: false, svg: svg('tall', 720, 9600) },
    ]);
    expect(await buildPngs(out, null)).toEqual({ rendered: 2, cached: 0, withoutPng: 1 });
    expect(pngSize(readFileSync(join(out, 'figures', 'a.png')))).toEqual({ width: 1500, height: 300 });
    expect(pngSize(readFileSync(join(out, 'figures', 'b.png')))).toEqual({ width: 2250, height: 750 });
    expect(existsSync(join(out, 'figures', 'tall.png'))).toBe(false);
    expect(colourType(readFileSync(join(out, 'figures', 'a.png')))).toBe(0);
  });

  it('keeps the colours of a figure that has any', async () => {
    const out = site('colour', [{ id: 'red', png: true, svg: svg('red').replace('fill="#333"', 'fill="#c00"') }]);
    expect(await buildPngs(out, null)).toEqual({ rendered: 1, cached: 0, withoutPng: 0 });
    const png = readFileSync(join(out, 'figures', 'red.png'));
    expect(colourType(png)).toBe(6);
    expect(png.includes(Buffer.from('pHYs'))).toBe(true);
  });

  it('reuses cached PNGs for unchanged SVGs and renders a changed one again', async () => {
    const cache = join(root, 'cache');
    const out = site('cached', [
      { id: 'a', png: true, svg: svg('a') },
      { id: 'b', png: true, svg: svg('b') },
    ]);
    expect(await buildPngs(out, cache)).toEqual({ rendered: 2, cached: 0, withoutPng: 0, pruned: 0 });
    const first = readFileSync(join(out, 'figures', 'a.png'));
    expect(readdirSync(cache)).toHaveLength(2);
    writeFileSync(join(out, 'figures', 'b.svg'), svg('b changed'));
    writeFileSync(join(cache, 'notes.txt'), 'not a cache entry');
    rmSync(join(out, 'figures', 'a.png'));
    // The old b is no longer on the site: its entry goes, so the cache stays the size of the site.
    expect(await buildPngs(out, cache)).toEqual({ rendered: 1, cached: 1, withoutPng: 0, pruned: 1 });
    expect(readFileSync(join(out, 'figures', 'a.png')).equals(first)).toBe(true);
    expect(readdirSync(cache).sort()).toHaveLength(3);
    expect(readdirSync(cache)).toContain('notes.txt');
  });

  it('names the SVG file when one cannot be rasterised, and the missing index when astro build has not run', async () => {
    const out = site('broken', [{ id: 'nosize', png: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' }]);
    await expect(buildPngs(out, null)).rejects.toThrow(/figures\/nosize\.svg.*width and height/);
    await expect(buildPngs(join(root, 'nothing'), null)).rejects.toThrow(/figures\/index\.json is missing: run astro build first/);
  });
});

describe('the PNG warm-up', () => {
  it('draws from content/ exactly the SVGs the site writes, so placing after astro build renders nothing', async () => {
    const cache = join(root, 'warm-cache');
    const warm = await warmPngCache(ROOT, cache);
    expect(warm).not.toBeNull();
    expect(warm!.rendered).toBeGreaterThan(0);
    const out = join(root, 'built');
    cpSync(join(inject('distDir'), 'figures'), join(out, 'figures'), { recursive: true });
    for (const f of readdirSync(join(out, 'figures'))) if (f.endsWith('.png')) rmSync(join(out, 'figures', f));
    expect(await buildPngs(out, cache)).toEqual({ rendered: 0, cached: warm!.rendered, withoutPng: warm!.withoutPng, pruned: 0 });
    expect(await warmPngCache(ROOT, cache)).toEqual({ ...warm, rendered: 0, cached: warm!.rendered });
  });
});
