import { describe, expect, it } from 'vitest';
import { layoutSroc } from '../../../src/lib/sroc/layout.ts';
import { srocSvg } from '../../../src/lib/sroc/svg.ts';
import { decodeXml, parseXml, type XmlElement } from '../forest/xml.ts';
import { HOSTILE_LABELS, SEED_STUDIES, seedSroc } from './seed.ts';

const withClass = (els: XmlElement[], cls: string) => els.filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));
const seedSvg = srocSvg(layoutSroc(seedSroc()), { idPrefix: 'p1' });
const hostile = () => {
  const input = seedSroc();
  input.title = HOSTILE_LABELS[0]!;
  input.studies = input.studies.map((s, i) => ({ ...s, label: HOSTILE_LABELS[i % HOSTILE_LABELS.length]!, id: HOSTILE_LABELS[(i + 1) % HOSTILE_LABELS.length]!, ...(i === 1 ? { href: 'javascript:alert(1)' } : {}) }));
  return input;
};

describe('srocSvg', () => {
  it('produces well-formed XML inline and standalone, with and without a summary', () => {
    for (const input of [seedSroc(), { ...seedSroc(), summary: null }, { title: 'empty', studies: [], summary: null }, hostile()]) {
      const L = layoutSroc(input);
      expect(parseXml(srocSvg(L)).errors).toEqual([]);
      expect(parseXml(srocSvg(L, { standalone: true })).errors).toEqual([]);
    }
  });

  it('is an image labelled by its title and description; a group when its points link to study pages', () => {
    const { elements } = parseXml(seedSvg);
    const svg = elements[0]!;
    expect(svg.attrs).toMatchObject({ role: 'group', 'aria-labelledby': 'p1-title p1-desc', class: 'sroc-plot' });
    expect(decodeXml(elements.find((e) => e.attrs.id === 'p1-title')!.text)).toBe(seedSroc().title);
    expect(elements.find((e) => e.attrs.id === 'p1-desc')!.name).toBe('desc');
    const noLinks = seedSroc();
    noLinks.studies = noLinks.studies.map(({ href: _h, ...s }) => s);
    expect(parseXml(srocSvg(layoutSroc(noLinks))).elements[0]!.attrs.role).toBe('img');
  });

  it('gives every study a circle with a <title> naming it and its counts, and a labelled link where it has one', () => {
    const { elements } = parseXml(seedSvg);
    const groups = withClass(elements, 'sroc-study');
    expect(groups).toHaveLength(SEED_STUDIES.length);
    const titles = elements.filter((e) => e.name === 'title' && e.parent && groups.includes(e.parent)).map((e) => decodeXml(e.text));
    expect(titles).toContain('Abdi 2019: TP 45, FP 12, FN 5, TN 88 (n = 150); sensitivity 0.90, specificity 0.88');
    expect(withClass(elements, 'sroc-study-point')).toHaveLength(SEED_STUDIES.length);
    const link = elements.find((e) => e.name === 'a')!;
    expect(link.attrs.href).toBe('/studies/jensen-2024/');
    expect(decodeXml(link.attrs['aria-label']!)).toMatch(/^Jensen 2024: TP 230/);
  });

  it('draws the regions as closed paths told apart by line pattern (dashed confidence, dotted prediction), the curve solid', () => {
    const { elements } = parseXml(seedSvg);
    const conf = withClass(elements, 'sroc-confidence-region')[0]!;
    const pred = withClass(elements, 'sroc-prediction-region')[0]!;
    const curve = withClass(elements, 'sroc-curve')[0]!;
    expect(conf.attrs.d).toMatch(/Z$/);
    expect(pred.attrs.d).toMatch(/Z$/);
    expect(curve.attrs.d).not.toMatch(/Z$/);
    expect(conf.attrs['stroke-dasharray']).toBe('6 3');
    expect(pred.attrs['stroke-dasharray']).toBe('1.5 3');
    expect(curve.attrs['stroke-dasharray']).toBeUndefined();
    expect(withClass(elements, 'sroc-chance')).toHaveLength(1);
    expect(withClass(elements, 'sroc-summary')).toHaveLength(1);
    expect(withClass(elements, 'sroc-legend-item')).toHaveLength(6);
  });

  it('uses only greys, so it reads in greyscale and rasterises to a grey PNG', () => {
    const colours = [...srocSvg(layoutSroc(seedSroc()), { standalone: true }).matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"/g)].map((m) => m[1]!.toLowerCase());
    expect(colours.length).toBeGreaterThan(10);
    for (const c of colours) {
      const hex = c.length === 4 ? c.slice(1).replace(/./g, '$&$&') : c.slice(1);
      expect(hex.slice(0, 2) === hex.slice(2, 4) && hex.slice(2, 4) === hex.slice(4, 6), c).toBe(true);
    }
  });

  it('escapes hostile labels and ids: no injected elements or attributes, the text reads back as given, javascript: links dropped', () => {
    const svg = srocSvg(layoutSroc(hostile()), { idPrefix: '"><script>' });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(elements.map((e) => e.name)).not.toContain('script');
    expect(elements.filter((e) => e.name === 'a').map((e) => e.attrs.href)).toEqual(['/studies/jensen-2024/']);
    expect(elements.flatMap((e) => Object.values(e.attrs)).some((v) => /^\s*javascript:/i.test(decodeXml(v)))).toBe(false);
    const titles = elements.filter((e) => e.name === 'title' && e.parent?.attrs.class === 'sroc-study').map((e) => decodeXml(e.text));
    expect(titles.some((t) => t.startsWith('<script>alert(1)</script>: TP'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Smith "quoted" & O\'Brien: TP'))).toBe(true);
    expect(decodeXml(elements[1]!.text)).toBe('<script>alert(1)</script>');
    expect(elements[0]!.attrs['aria-labelledby']).toMatch(/^[A-Za-z][\w-]* [A-Za-z][\w-]*$/);
    for (const g of withClass(elements, 'sroc-study')) expect(decodeXml(g.attrs['data-study-id']!)).toMatch(/./);
  });

  it('stands alone with xmlns, a size, a style block, a white background and no external references', () => {
    const L = layoutSroc(seedSroc());
    const out = srocSvg(L, { standalone: true });
    const { elements } = parseXml(out);
    expect(elements[0]!.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: String(L.width), height: String(L.height) });
    expect(elements.some((e) => e.name === 'style')).toBe(true);
    expect(withClass(elements, 'sroc-background')[0]!.attrs.fill).toBe('#fff');
    expect(out).not.toMatch(/url\(|@import|<image|<use|style="/);
  });

  it('inline, has no height and no style attribute: the width is a ceiling the page CSS scales down', () => {
    const svg = parseXml(seedSvg).elements[0]!;
    expect(svg.attrs.height).toBeUndefined();
    expect(svg.attrs.xmlns).toBeUndefined();
    expect(seedSvg).not.toContain('style=');
  });

  it('writes the fallback note and sets every text at the layout font sizes (never under 11)', () => {
    const L = layoutSroc({ ...seedSroc(), summary: null }, { fallbackNote: 'Fewer than 4 studies & no fit.' });
    const { elements } = parseXml(srocSvg(L));
    expect(withClass(elements, 'sroc-note')[0]).toBeDefined();
    expect(elements.filter((e) => e.name === 'text').map((e) => decodeXml(e.text))).toContain('Fewer than 4 studies & no fit.');
    for (const t of elements.filter((e) => e.name === 'text')) expect(Number(t.attrs['font-size'])).toBeGreaterThanOrEqual(11);
  });
});
