import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/lib/forest/escape.ts';
import { layoutForest, type ForestRow } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';
import { decodeXml, parseXml, type XmlElement } from './xml.ts';

const seedLayout = layoutForest(seedAucRows, seedAucOptions);
const pooled = { label: 'Pooled', estimate: 0.95, ciLow: 0.7, ciHigh: 1.3, piLow: 0.2, piHigh: 1.9, k: 2 };
const orLayout = layoutForest(
  [
    { id: 'a', label: 'Smith 2020', value: 0.6, ciLow: 0.3, ciHigh: 1.2, weight: 40, href: '/studies/smith/' },
    { id: 'b', label: 'Jones 2021', value: 1.8, ciLow: 0.9, ciHigh: 12, weight: 60 },
  ],
  { measure: 'OR', title: 'Odds ratios', domain: [0.25, 4], pooled },
);

const withClass = (els: XmlElement[], cls: string) => els.filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));

describe('renderForestSvg', () => {
  it('matches the snapshot of the seed record inline', async () => {
    await expect(renderForestSvg(seedLayout, { idPrefix: 'seed-auc' })).toMatchFileSnapshot('./__snapshots__/seed-auc.svg');
  });

  it('matches the snapshot of the seed record as a standalone file', async () => {
    const svg = renderForestSvg(seedLayout, { idPrefix: 'seed-auc', standalone: true });
    await expect(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`).toMatchFileSnapshot('./__snapshots__/seed-auc.standalone.svg');
  });

  it('produces well-formed XML, inline and standalone', () => {
    for (const layout of [seedLayout, orLayout, layoutForest([], seedAucOptions)]) {
      expect(parseXml(renderForestSvg(layout)).errors).toEqual([]);
      expect(parseXml(renderForestSvg(layout, { standalone: true })).errors).toEqual([]);
    }
  });

  it('labels the svg as an image by its title and description', () => {
    const { elements } = parseXml(renderForestSvg(seedLayout, { idPrefix: 'p1' }));
    const svg = elements[0]!;
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({ role: 'img', 'aria-labelledby': 'p1-title p1-desc', viewBox: seedLayout.viewBox });
    expect(decodeXml(elements.find((e) => e.attrs.id === 'p1-title')!.text)).toBe(seedAucOptions.title);
    expect(elements.find((e) => e.attrs.id === 'p1-desc')!.name).toBe('desc');
    expect(elements[1]!.name).toBe('title');
  });

  it('has no fixed height inline and no style attribute (the CSP forbids them): its width is a ceiling the page CSS scales down', () => {
    const svg = parseXml(renderForestSvg(seedLayout)).elements[0]!;
    expect(svg.attrs.width).toBe(String(seedLayout.width));
    expect(svg.attrs.height).toBeUndefined();
    expect(svg.attrs.xmlns).toBeUndefined();
    expect(svg.attrs.style).toBeUndefined();
  });

  it('stands alone with xmlns, a size, a style block and no external references', () => {
    const out = renderForestSvg(seedLayout, { standalone: true });
    const { elements } = parseXml(out);
    expect(elements[0]!.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: String(seedLayout.width), height: String(seedLayout.height) });
    expect(elements.some((e) => e.name === 'style')).toBe(true);
    expect(out).not.toMatch(/url\(|@import|<image|<use/);
  });

  it('gives each row a group with its own title text alternative', () => {
    const { elements } = parseXml(renderForestSvg(seedLayout));
    const rows = withClass(elements, 'forest-row');
    expect(rows).toHaveLength(5);
    const titles = elements.filter((e) => e.name === 'title' && e.parent && rows.includes(e.parent)).map((e) => decodeXml(e.text));
    expect(titles[0]).toBe('Wall motion abnormality (WMA): AUC 0.87 (0.82 to 0.92)');
    expect(titles).toHaveLength(5);
  });

  it('draws a dashed null line, tick labels, CI lines and one square per row', () => {
    const { elements } = parseXml(renderForestSvg(seedLayout));
    expect(withClass(elements, 'forest-null')[0]!.attrs['stroke-dasharray']).toBeDefined();
    expect(withClass(elements, 'forest-tick-label').map((e) => e.text)).toContain('0.5');
    expect(withClass(elements, 'forest-ci')).toHaveLength(5);
    expect(withClass(elements, 'forest-square')).toHaveLength(5);
    expect(withClass(elements, 'forest-arrow')).toHaveLength(0);
  });

  it('draws arrow heads where CIs run off the axis, the diamond and the prediction interval', () => {
    const { elements } = parseXml(renderForestSvg(orLayout));
    // Jones 2021's CI runs off to the right; the PI runs off to the left.
    expect(withClass(elements, 'forest-arrow')).toHaveLength(2);
    expect(withClass(elements, 'forest-diamond')[0]!.attrs.points).toBe(orLayout.pooled!.diamond.pointsAttr);
    expect(withClass(elements, 'forest-pi')).toHaveLength(1);
  });

  it('links labels that have an href', () => {
    const { elements } = parseXml(renderForestSvg(orLayout));
    const links = elements.filter((e) => e.name === 'a');
    expect(links.map((a) => a.attrs.href)).toEqual(['/studies/smith/']);
    expect(elements[0]!.attrs.role).toBe('group');
  });

  it('says "No estimates" when there is nothing to draw', () => {
    const out = renderForestSvg(layoutForest([], seedAucOptions));
    expect(out).toContain('No estimates');
  });
});

describe('renderForestSvg escaping', () => {
  const hostile = '<script>alert("x")</script> & \'quoted\' "label" ]]> <!--';
  const rows: ForestRow[] = [
    { id: '"><script>', label: hostile, value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: '/x" onload="alert(1)', sublabel: '<img src=x onerror=alert(1)>' },
    { id: 'js', label: 'link', value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: 'javascript:alert(1)' },
  ];
  const layout = layoutForest(rows, {
    measure: 'AUC',
    title: '</title><script>alert(1)</script>',
    description: 'a & b < c',
    pooled: { label: '<b>pooled</b>', estimate: 0.7, ciLow: 0.65, ciHigh: 0.75 },
  });
  const out = renderForestSvg(layout, { idPrefix: '" onload="alert(1)', standalone: true });
  const { errors, elements } = parseXml(out);

  it('escapes a hostile label so it cannot inject markup', () => {
    expect(errors).toEqual([]);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(elements.map((e) => e.name)).not.toContain('script');
    const labels = withClass(elements, 'forest-label').map((e) => decodeXml(e.text));
    expect(labels[0]!.startsWith('<script>alert("x")')).toBe(true);
  });

  it('keeps hostile ids, hrefs and id prefixes inside their attribute values', () => {
    for (const e of elements) {
      for (const name of Object.keys(e.attrs)) expect(name.startsWith('on')).toBe(false);
    }
    expect(elements.filter((e) => e.name === 'a').map((e) => decodeXml(e.attrs.href!))).toEqual(['/x" onload="alert(1)']);
    expect(elements[0]!.attrs['aria-labelledby']).toMatch(/^[\w-]+-title [\w-]+-desc$/);
  });

  it('drops a javascript: link entirely', () => {
    expect(out).not.toMatch(/javascript:/i);
  });

  it('escapes the title and description', () => {
    const title = elements.find((e) => e.name === 'title')!;
    expect(decodeXml(title.text)).toBe('</title><script>alert(1)</script>');
    expect(decodeXml(elements.find((e) => e.name === 'desc')!.text)).toBe('a & b < c');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 forbids but keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0007c\uFFFEd\uD800e\tf\ng😀')).toBe('abcde\tf\ng😀');
  });

  it('leaves plain text and numbers alone', () => {
    expect(escapeXml('AUC 0.87 (0.82 to 0.92)')).toBe('AUC 0.87 (0.82 to 0.92)');
    expect(escapeXml(12.5)).toBe('12.5');
  });
});
