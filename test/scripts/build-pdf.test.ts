import { afterAll, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPdfs, warmPdfCache } from '../../scripts/build-pdf.ts';
import { ROOT } from '../helpers.ts';
import { mediaBoxes, pdfText } from './lib/pdf-reader.ts';

const root = mkdtempSync(join(tmpdir(), 'build-pdf-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const svg = (label: string, width = 480, height = 96) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${label}</title><rect x="10" y="10" width="100" height="20" fill="#333"/><text x="120" y="25" font-family="system-ui, sans-serif">${label}</text></svg>\n`;

/** A built site's figures folder: the SVGs and an index.json listing them, with a PDF link or (pdf false) none. */
function site(name: string, figures: { id: string; pdf: boolean; svg: string }[]): string {
  const out = join(root, name);
  mkdirSync(join(out, 'figures'), { recursive: true });
  for (const f of figures) writeFileSync(join(out, 'figures', `${f.id}.svg`), f.svg);
  const index = { figures: figures.map((f) => ({ id: f.id, files: { svg: `/figures/${f.id}.svg`, png: null, pdf: f.pdf ? `/figures/${f.id}.pdf` : null } })) };
  writeFileSync(join(out, 'figures', 'index.json'), JSON.stringify(index));
  return out;
}

describe('the PDF build step', () => {
  it('writes every listed PDF from its SVG at the SVG size, and none for a figure listed without one', async () => {
    const out = site('plain', [
      { id: 'a', pdf: true, svg: svg('first figure') },
      { id: 'b', pdf: true, svg: svg('second figure', 720, 240) },
      { id: 'none', pdf: false, svg: svg('no pdf') },
    ]);
    expect(await buildPdfs(out, null)).toEqual({ rendered: 2, cached: 0, withoutPdf: 1 });
    const a = readFileSync(join(out, 'figures', 'a.pdf'));
    expect(mediaBoxes(a)).toEqual([[0, 0, 360, 72]]);
    expect(pdfText(a)).toBe('first figure');
    expect(mediaBoxes(readFileSync(join(out, 'figures', 'b.pdf')))).toEqual([[0, 0, 540, 180]]);
    expect(existsSync(join(out, 'figures', 'none.pdf'))).toBe(false);
  });

  it('reuses cached PDFs for unchanged SVGs, writes a changed one again and deletes the stale entry', async () => {
    const cache = join(root, 'cache');
    const out = site('cached', [
      { id: 'a', pdf: true, svg: svg('a') },
      { id: 'b', pdf: true, svg: svg('b') },
    ]);
    expect(await buildPdfs(out, cache)).toEqual({ rendered: 2, cached: 0, withoutPdf: 0, pruned: 0 });
    const first = readFileSync(join(out, 'figures', 'a.pdf'));
    expect(readdirSync(cache)).toHaveLength(2);
    writeFileSync(join(out, 'figures', 'b.svg'), svg('b changed'));
    writeFileSync(join(cache, 'notes.txt'), 'not a cache entry');
    rmSync(join(out, 'figures', 'a.pdf'));
    expect(await buildPdfs(out, cache)).toEqual({ rendered: 1, cached: 1, withoutPdf: 0, pruned: 1 });
    expect(readFileSync(join(out, 'figures', 'a.pdf')).equals(first)).toBe(true);
    expect(pdfText(readFileSync(join(out, 'figures', 'b.pdf')))).toBe('b changed');
    expect(readdirSync(cache).sort()).toHaveLength(3);
    expect(readdirSync(cache)).toContain('notes.txt');
  });

  it('writes the same bytes with and without the cache (a rebuild is byte-identical)', async () => {
    const out = site('again', [{ id: 'a', pdf: true, svg: svg('same bytes') }]);
    await buildPdfs(out, null);
    const first = readFileSync(join(out, 'figures', 'a.pdf'));
    await buildPdfs(out, join(root, 'again-cache'));
    await buildPdfs(out, join(root, 'again-cache'));
    expect(readFileSync(join(out, 'figures', 'a.pdf')).equals(first)).toBe(true);
  });

  it('names the SVG file that cannot be written as a PDF, and the missing index when astro build has not run', async () => {
    const out = site('broken', [
      { id: 'nosize', pdf: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' },
      { id: 'unclosed', pdf: true, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><rect/></svg>' },
    ]);
    await expect(buildPdfs(out, null, 1)).rejects.toThrow(/figures\/nosize\.svg: could not write a PDF:.*width and height/);
    writeFileSync(join(out, 'figures', 'nosize.svg'), svg('fixed'));
    await expect(buildPdfs(out, null, 1)).rejects.toThrow(/figures\/unclosed\.svg: could not write a PDF: the SVG could not be read/);
    await expect(buildPdfs(join(root, 'nothing'), null)).rejects.toThrow(/figures\/index\.json is missing: run astro build first/);
  });
});

describe('the PDF warm-up', () => {
  it('draws from content/ exactly the SVGs the site writes, so placing after astro build writes nothing anew', async () => {
    const cache = join(root, 'warm-cache');
    const warm = await warmPdfCache(ROOT, cache);
    expect(warm).not.toBeNull();
    expect(warm!.rendered).toBeGreaterThan(0);
    const out = join(root, 'built');
    cpSync(join(inject('distDir'), 'figures'), join(out, 'figures'), { recursive: true });
    const built = new Map(readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.pdf')).map((f) => [f, readFileSync(join(out, 'figures', f))]));
    expect(built.size).toBe(warm!.rendered);
    for (const f of built.keys()) rmSync(join(out, 'figures', f));
    expect(await buildPdfs(out, cache)).toEqual({ rendered: 0, cached: warm!.rendered, withoutPdf: 0, pruned: 0 });
    for (const [f, bytes] of built) expect(readFileSync(join(out, 'figures', f)).equals(bytes), f).toBe(true);
    expect(await warmPdfCache(ROOT, cache)).toEqual({ ...warm, rendered: 0, cached: warm!.rendered });
  });
});
