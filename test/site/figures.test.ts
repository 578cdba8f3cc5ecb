import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { csvParse } from 'd3-dsv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FIGURE_CSV_COLUMNS } from '../../src/lib/figures/csv.ts';
import { PNG_MAX_ROWS } from '../../src/lib/figures/png.ts';
import { svgElementText, unescapeXml } from '../../src/lib/figures/svg-facts.ts';
import { svgToPdf } from '../../scripts/lib/svg-to-pdf.ts';
import { mediaBoxes, pdfInfo, pdfText } from '../scripts/lib/pdf-reader.ts';

const DIST = inject('distDir');
const VERSION = (JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8')) as { version: string }).version;

interface Entry {
  id: string;
  kind: string;
  title: string;
  page: string;
  anchor: string;
  rows: number;
  files: { svg: string; png: string | null; pdf: string; csv: string; r: string; embed: string };
}
const { figures } = JSON.parse(readFileSync(join(DIST, 'figures', 'index.json'), 'utf8')) as { figures: Entry[] };
const file = (path: string) => join(DIST, decodeURIComponent(path));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n === 'index.html' ? [p] : [];
  });
}

/** Width, height and (if any) pixels per metre of a PNG, read from its IHDR and pHYs chunks. */
function pngInfo(png: Buffer): { width: number; height: number; ppm: number | null } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  let ppm: number | null = null;
  for (let o = 8; o < png.length; o += 12 + png.readUInt32BE(o)) {
    if (png.toString('ascii', o + 4, o + 8) === 'pHYs') {
      expect(png.readUInt32BE(o + 8 + 4)).toBe(png.readUInt32BE(o + 8));
      expect(png[o + 16]).toBe(1);
      ppm = png.readUInt32BE(o + 8);
    }
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), ppm };
}

/** Every attribute of every element, as [name, value] pairs. */
function attributes(node: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((n) => attributes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === ':@') for (const [a, val] of Object.entries(v as object)) out.push([a.replace(/^@_/, ''), String(val)]);
      else attributes(v, out);
    }
  }
  return out;
}

describe('the figure registry in the build', () => {
  it('lists every forest plot on the site but the studies\' own, and every listed figure is on its page', () => {
    expect(figures.length).toBeGreaterThanOrEqual(6);
    const onPages = htmlFiles(DIST).flatMap((f) => {
      const $ = cheerio.load(readFileSync(f, 'utf8'));
      // Explore's plots are views recomputed from the reader's filters, not figures of the review.
      return $('figure.forest:not(.explore-forest)').map((_, el) => ({ id: $(el).attr('data-figure-id') ?? `(no id) in ${f}`, madeHere: $(el).find('details.figure-take[data-made-here]').length === 1, file: f })).get();
    });
    expect(onPages.filter((p) => !p.madeHere).map((p) => p.id).sort()).toEqual(figures.map((f) => f.id).sort());
    for (const f of figures) {
      const $ = cheerio.load(readFileSync(join(file(f.page), 'index.html'), 'utf8'));
      expect($(`figure.forest#${f.anchor}`).attr('data-figure-id'), f.id).toBe(f.id);
    }
    expect(new Set(figures.map((f) => f.kind))).toEqual(new Set(['outcome', 'headline']));
    // Each study's own plots are on its page, made there by the browser, with no file or embed page.
    const own = onPages.filter((p) => p.madeHere);
    expect(own.length).toBeGreaterThanOrEqual(1);
    for (const p of own) {
      expect(p.id, p.file).toMatch(/^study-/);
      expect(p.file).toMatch(/\/studies\/[^/]+\/index\.html$/);
      for (const ext of ['svg', 'png', 'pdf', 'csv', 'R']) expect(existsSync(join(DIST, 'figures', `${p.id}.${ext}`)), `${p.id}.${ext}`).toBe(false);
      expect(existsSync(join(DIST, 'embed', p.id)), `embed/${p.id}`).toBe(false);
    }
  });

  it('gives every figure its SVG, PNG (every plot here has at most PNG_MAX_ROWS rows), PDF, CSV, R script and embed page', () => {
    for (const f of figures) {
      expect(f.rows).toBeLessThanOrEqual(PNG_MAX_ROWS);
      expect(f.files.png, f.id).not.toBeNull();
      expect(f.files.pdf, f.id).toBe(f.files.svg.replace(/\.svg$/, '.pdf'));
      for (const path of [f.files.svg, f.files.png!, f.files.pdf, f.files.csv, f.files.r]) expect(existsSync(file(path)), path).toBe(true);
      expect(existsSync(join(file(f.files.embed), 'index.html')), f.files.embed).toBe(true);
    }
  });
});

describe('the figure files', () => {
  it('are standalone SVGs: well-formed XML, sized, with their own styles and no external reference', () => {
    const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
    for (const f of figures) {
      const svg = readFileSync(file(f.files.svg), 'utf8');
      expect(XMLValidator.validate(svg), f.id).toBe(true);
      const doc = parser.parse(svg) as unknown[];
      const root = doc.find((n) => n && typeof n === 'object' && 'svg' in n) as { ':@': Record<string, string> } | undefined;
      expect(root?.[':@']['@_xmlns'], f.id).toBe('http://www.w3.org/2000/svg');
      expect(Number(root?.[':@']['@_width'])).toBeGreaterThan(0);
      expect(svg).toContain('<style>');
      expect(svg).toMatch(/font-family="system-ui, [^"]*sans-serif"/);
      // xmlns names a namespace and is never fetched; anything else pointing elsewhere would be.
      const refs = attributes(doc).filter(([name, value]) => !/^xmlns(:|$)/.test(name) && (/(^|:)href$/.test(name) || /url\(|^(https?:)?\/\//i.test(value)));
      expect(refs, f.id).toEqual([]);
      expect(svg, f.id).not.toMatch(/url\(\s*['"]?(https?:)?\/\/|@import|<script|<image|<foreignObject/i);
    }
  });

  it('are PNGs at 300 dpi of the SVG size at 96 CSS px per inch, with a pHYs chunk saying so', () => {
    for (const f of figures) {
      const svg = readFileSync(file(f.files.svg), 'utf8');
      const [, w, h] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
      const png = pngInfo(readFileSync(file(f.files.png!)));
      expect(png.width, f.id).toBe(Math.round((Number(w) / 96) * 300));
      expect(png.height, f.id).toBe(Math.round((Number(h) / 96) * 300));
      expect(png.ppm, f.id).toBe(Math.round(300 / 0.0254));
      expect((png.width / png.ppm!) * 39.37).toBeCloseTo(Number(w) / 96, 2);
    }
  });

  it("are one-page vector PDFs at the SVG's size (1 px = 0.75 pt), titled as the SVG, with every text of the SVG as selectable text", () => {
    for (const f of figures) {
      const svg = readFileSync(file(f.files.svg), 'utf8');
      const pdf = readFileSync(file(f.files.pdf));
      expect(pdf.subarray(0, 5).toString('latin1'), f.id).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      const [, w, h] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
      const boxes = mediaBoxes(pdf);
      expect(boxes, f.id).toHaveLength(1);
      expect(boxes[0]!.slice(0, 2)).toEqual([0, 0]);
      expect(boxes[0]![2], f.id).toBeCloseTo(Number(w) * 0.75, 3);
      expect(boxes[0]![3], f.id).toBeCloseTo(Number(h) * 0.75, 3);
      expect(pdfInfo(pdf).Title, f.id).toBe(svgElementText(svg, 'title'));
      const text = pdfText(pdf);
      const drawn = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1]!));
      expect(drawn.length, f.id).toBeGreaterThan(3);
      for (const t of drawn) expect(text, `${f.id}: ${t}`).toContain(t);
      // No image in the page: shapes are paths and text is text.
      expect(pdf.includes('/Subtype /Image'), f.id).toBe(false);
    }
  });

  it('are the PDFs a fresh render of the same SVG gives, byte for byte (the cache and a rebuild change nothing)', async () => {
    for (const f of figures) {
      const fresh = await svgToPdf(readFileSync(file(f.files.svg), 'utf8'));
      expect(Buffer.from(fresh).equals(readFileSync(file(f.files.pdf))), f.id).toBe(true);
    }
  });

  it('are CSVs of the plotted rows whose yi/sei the R script carries verbatim', () => {
    for (const f of figures) {
      const csv = readFileSync(file(f.files.csv), 'utf8');
      expect(csv.split('\n')[0]).toBe(FIGURE_CSV_COLUMNS.join(','));
      const rows = csvParse(csv);
      expect(rows, f.id).toHaveLength(f.rows);
      const r = readFileSync(file(f.files.r), 'utf8');
      expect(r).toContain('library(metafor)');
      expect(r).toContain(`data version ${VERSION}`);
      const yi = /^ {2}yi = c\((.*)\)/m.exec(r)![1]!.split(', ');
      const sei = /^ {2}sei = c\((.*)\)/m.exec(r)![1]!.split(', ');
      expect(yi, f.id).toEqual(rows.map((x) => x.yi || 'NA'));
      expect(sei, f.id).toEqual(rows.map((x) => x.sei || 'NA'));
      if (f.kind !== 'outcome' || !/rma\(/.test(r)) expect(r).toMatch(/Pooling needs k >= 2|pools nothing/);
    }
  });

  it('publish one yi and sei per estimate, whichever figure shows it', () => {
    const seen = new Map<string, string>();
    for (const f of figures) {
      for (const r of csvParse(readFileSync(file(f.files.csv), 'utf8'))) {
        if (!r.estimate_id) continue;
        const key = `${r.yi},${r.sei}`;
        expect(seen.get(r.estimate_id) ?? key, `${f.id} ${r.estimate_id}`).toBe(key);
        seen.set(r.estimate_id, key);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it("keeps the first record's quotes in the CSV of the outcome figure that pools it", () => {
    const f = figures.find((x) => x.id === 'outcome-wall-motion-abnormality-auc')!;
    const rows = csvParse(readFileSync(file(f.files.csv), 'utf8'));
    const wma = rows.find((r) => r.quote === 'WMA (AUC 0.873 [95%CI 0.816-0.922])');
    expect(wma).toMatchObject({ measure: 'AUC', value: '0.873', ci_low: '0.816', ci_high: '0.922', ci_level: '0.95', scale: 'logit', study_slug: '2024-deep-learning-applied-echocardiography-could-predict' });
  });
});

describe('the embed pages', () => {
  it('show the plot, the review, the data version, a link back to the top window and one to the PDF, with no script', () => {
    for (const f of figures) {
      const $ = cheerio.load(readFileSync(join(file(f.files.embed), 'index.html'), 'utf8'));
      expect($('figure.embed svg[role=img]'), f.id).toHaveLength(1);
      expect($('figcaption .embed-version').text()).toBe(VERSION);
      const back = $('figcaption a[target=_top]:not(.embed-pdf)');
      expect(back.attr('href')).toBe(`${f.page}#${f.anchor}`);
      expect($('figcaption a.embed-pdf[target=_top]').attr('href'), f.id).toBe(f.files.pdf);
      expect($('figcaption .embed-source').text().replace(/\s+/g, ' ')).toMatch(new RegExp(`data version ${VERSION}\\. PDF \\(vector\\)`));
      expect($('link[rel=alternate][type="application/pdf"]').attr('href'), f.id).toBe(f.files.pdf);
      expect($('script')).toHaveLength(0);
      const css = $('link[rel=stylesheet]').map((_, l) => $(l).attr('href')).get();
      expect(css.length).toBeGreaterThan(0);
      for (const href of css) expect(href).toMatch(/^\/(?!\/)/);
      expect($('svg a')).toHaveLength(0);
    }
  });
});

describe('"Take this figure" under each plot', () => {
  it('links the SVG, PNG, PDF, CSV, R script and embed page, and shows an absolute iframe snippet', () => {
    for (const f of figures) {
      const $ = cheerio.load(readFileSync(join(file(f.page), 'index.html'), 'utf8'));
      const take = $(`figure.forest#${f.anchor} details.figure-take`);
      expect(take.find('summary').text()).toBe('Take this figure');
      expect(take.find('a').map((_, a) => $(a).attr('href')).get()).toEqual([f.files.svg, f.files.png, f.files.pdf, f.files.csv, f.files.r, f.files.embed]);
      const snippet = take.find('pre code').text();
      expect(snippet).toMatch(new RegExp(`^<iframe src="https?://[^"]+${f.files.embed}" title="[^"<>]+" width="\\d+" height="\\d+" `));
      expect(snippet).toContain('sandbox="allow-popups allow-top-navigation-by-user-activation"');
      expect(take.find('button[data-copy]').attr('hidden')).toBeDefined();
    }
  });
});
