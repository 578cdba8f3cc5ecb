import { describe, expect, it } from 'vitest';
import { layoutForest } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import type { ForestOptions, ForestRow } from '../../../src/lib/forest/types.ts';
import { standaloneSvg } from '../../../src/lib/figures/standalone.ts';
import type { Figure } from '../../../src/lib/figures/registry.ts';
import { contentFigures } from '../../../scripts/lib/content-figures.ts';
import { FONT_NAME, MAX_PAGE_UNITS, svgToPdf } from '../../../scripts/lib/svg-to-pdf.ts';
import { ROOT } from '../../helpers.ts';
import { seedAucOptions, seedAucRows } from '../../lib/forest/seed.ts';
import { mediaBoxes, pdfInfo, pdfObjects, pdfText } from './pdf-reader.ts';

const figures = (await contentFigures(ROOT, '/'))!;
// Study figures have no files (the browser makes them); an outcome forest plot is the real figure here.
const figure = figures.find((f): f is Figure => f.kind === 'outcome')!;
const { svg: figureSvg, layout: figureLayout } = standaloneSvg(figure);

/** A standalone forest-plot SVG of `rows` (with a pooled diamond when `pooled`). */
function forestSvg(rows: ForestRow[], options: ForestOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderForestSvg(layoutForest(rows, options), { idPrefix: 'test', standalone: true })}\n`;
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fileId = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)> <\1>\]/.exec(latin1(pdf))?.[1];

describe('svgToPdf on a real figure', () => {
  it("writes one page of the SVG's size in points (1 CSS px = 0.75 pt), titled and described as the SVG", async () => {
    const pdf = await svgToPdf(figureSvg);
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf.subarray(-6))).toMatch(/%%EOF\s*$/);
    expect(mediaBoxes(pdf)).toEqual([[0, 0, figureLayout.width * 0.75, figureLayout.height * 0.75]]);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe(figure.longTitle);
    expect(info.Subject).toBe(figureLayout.description);
    expect(info.Producer).toMatch(/^PDFKit \d+\.\d+\.\d+ with svg-to-pdfkit \d+\.\d+\.\d+$/);
  });

  it('keeps every label, value, header and tick as text a reader can select (decoded through the fonts’ ToUnicode maps)', async () => {
    // Inflated here from the compressed file the build writes, and read uncompressed: the same text either way.
    for (const pdf of [await svgToPdf(figureSvg), await svgToPdf(figureSvg, { compress: false })]) {
      const text = pdfText(pdf);
      for (const r of figureLayout.rows) {
        expect(text).toContain(r.label);
        expect(text).toContain(r.valueText);
      }
      expect(text).toContain(figureLayout.header.value);
      expect(text).toContain(figureLayout.axis.label);
      for (const t of figureLayout.axis.ticks) expect(text).toContain(t.label);
      expect(latin1(pdf)).not.toContain('/Subtype /Image');
    }
    expect(latin1(await svgToPdf(figureSvg, { compress: false }))).not.toContain('/FlateDecode');
  });

  it('is byte-identical on every render of the same SVG, with fixed dates and a file ID that changes with the content', async () => {
    const a = await svgToPdf(figureSvg);
    const b = await svgToPdf(figureSvg);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(pdfInfo(a).CreationDate).toBe('D:19700101000000Z');
    expect(pdfInfo(a).ModDate).toBe('D:19700101000000Z');
    const other = await svgToPdf(figureSvg.replace(figureLayout.rows[0]!.valueText, '0.11 [0.10, 0.12]'));
    expect(fileId(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(fileId(other)).not.toBe(fileId(a));
  });
});

describe('svgToPdf on drawn text and shapes', () => {
  it.skipIf(FONT_NAME !== 'Liberation Sans')('embeds the sans-serif font as subsets and sets τ², the typographic minus and bold as real glyphs', async () => {
    const pooled = { label: 'Pooled', estimate: -0.2, ciLow: -0.5, ciHigh: 0.1, piLow: -0.9, piHigh: 0.5, k: 5, I2: 62, tau2: 0.0123 };
    const rows = [{ id: 'a', label: 'Mean difference, cohort A', value: -0.25, ciLow: -0.6, ciHigh: 0.1 }];
    const pdf = await svgToPdf(forestSvg(rows, { measure: 'MD', title: 'Mean difference', pooled }));
    const text = pdfText(pdf);
    expect(text).toContain('τ² = 0.0123');
    expect(text).toContain('−0.25');
    const fonts = [...pdfObjects(pdf).values()].map((o) => /\/BaseFont \/([A-Z]{6}\+[\w-]+)/.exec(o.dict)?.[1]).filter(Boolean);
    expect(new Set(fonts.map((f) => f!.slice(7)))).toEqual(new Set(['LiberationSans', 'LiberationSans-Bold']));
    expect(latin1(pdf)).toContain('/FontFile2');
  });

  it('draws the plot as vector paths: the squares, the diamond and the dashed null line', async () => {
    const pooled = { label: 'Pooled', estimate: 0.66, ciLow: 0.56, ciHigh: 0.76, k: 5, I2: 72.3, tau2: 0.0123 };
    const content = [...pdfObjects(await svgToPdf(forestSvg(seedAucRows, { ...seedAucOptions, pooled }), { compress: false })).values()]
      .map((o) => o.stream?.toString('latin1') ?? '')
      .join('\n');
    expect(content).toMatch(/\[4 3\] 0 d/);
    // Five squares and a diamond: filled closed paths.
    expect((content.match(/\bh\s+f\b/g) ?? []).length + (content.match(/\bre\s+f\b/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});

describe('svgToPdf on hostile or unusual input', () => {
  const hostile = [
    { id: 'script', label: '</text><script>alert(1)</script>', value: 0.7, ciLow: 0.6, ciHigh: 0.8 },
    { id: 'amp', label: 'A & B "dq" \'sq\' (p) \\ b', value: 0.75, ciLow: 0.7, ciHigh: 0.8 },
    { id: 'cyrillic', label: 'Сердце, Ελληνικά, Ångström', value: 0.8, ciLow: 0.7, ciHigh: 0.9 },
    { id: 'cjk', label: '心臓 MRI study', value: 0.65, ciLow: 0.5, ciHigh: 0.8 },
  ];
  const title = 'Title with <script>, & "quotes" ) ( \\ and Кириллица';

  it('writes a valid PDF whose text and title say exactly what the labels say, markup and quotes included', async () => {
    const layout = layoutForest(hostile, { measure: 'AUC', title });
    // The labels are short enough to be drawn whole.
    expect(layout.rows.map((r) => r.label)).toEqual(hostile.map((r) => r.label));
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${renderForestSvg(layout, { idPrefix: 'hostile', standalone: true })}\n`;
    expect(svg).not.toContain('<script>');
    const pdf = await svgToPdf(svg);
    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf.subarray(-6))).toMatch(/%%EOF\s*$/);
    expect(latin1(pdf)).not.toMatch(/<script>/);
    expect(pdfInfo(pdf).Title).toBe(title);
    const text = pdfText(pdf);
    expect(text).toContain('</text><script>alert(1)</script>');
    expect(text).toContain('A & B "dq" \'sq\' (p) \\ b');
    if (FONT_NAME === 'Liberation Sans') expect(text).toContain('Сердце, Ελληνικά, Ångström');
    // Liberation Sans has no CJK glyphs: those print as missing-glyph boxes, and the rest of the label stays.
    expect(text).toContain(' MRI study');
    expect(Buffer.from(await svgToPdf(svg)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('scales a page beyond the 14,400-unit limit down to fit, with a UserUnit that keeps its true size', async () => {
    const [width, height] = [720, 40_000];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><rect x="10" y="10" width="100" height="20"/><text x="10" y="${height - 10}" font-family="sans-serif">Last row</text></svg>`;
    const pdf = await svgToPdf(svg);
    const [box] = mediaBoxes(pdf);
    expect(box![3]).toBe(MAX_PAGE_UNITS);
    const unit = Number(/\/UserUnit ([\d.]+)/.exec(latin1(pdf))![1]);
    expect(box![3]! * unit).toBeCloseTo(height * 0.75, 0);
    expect(box![2]! * unit).toBeCloseTo(width * 0.75, 0);
    expect(pdfText(pdf)).toContain('Last row');
    expect(latin1(await svgToPdf(figureSvg))).not.toContain('/UserUnit 1.');
  });

  it('refuses an SVG without a size, or one that is not well-formed, instead of writing a blank page', async () => {
    await expect(svgToPdf('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).rejects.toThrow(/no positive width and height/);
    await expect(svgToPdf('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><rect/></svg>')).rejects.toThrow(/could not be read: parseXml/);
    await expect(svgToPdf('<svg width="10" height="10"')).rejects.toThrow(/could not be read|no positive width/);
  });
});
