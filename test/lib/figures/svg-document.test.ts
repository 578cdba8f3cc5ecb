/** The document the figure SVGs share: what the root says inline, and what a standalone SVG adds. */
import { describe, expect, it } from 'vitest';
import { svgDocument } from '../../../src/lib/figures/svg-document.ts';
import { parseXml } from '../forest/xml.ts';

describe('the shared SVG document', () => {
  const doc = { className: 'demo-plot', id: 'd', title: 'T <&>', description: 'D', width: 300, height: 200, viewBox: '0 0 300 200', standalone: false, css: '.demo-plot text{font-family:x}', background: 'demo-background', role: 'img' as const, fontSize: 12 };

  it('inline: no xmlns, no height, no style block; labelled by its title and description', () => {
    const { errors, elements } = parseXml(svgDocument(doc, '<g/>'));
    expect(errors).toEqual([]);
    const root = elements[0]!;
    expect(root.attrs).toMatchObject({ class: 'demo-plot', viewBox: '0 0 300 200', width: '300', role: 'img', 'aria-labelledby': 'd-title d-desc' });
    expect(root.attrs.xmlns).toBeUndefined();
    expect(root.attrs.height).toBeUndefined();
    expect(elements.some((e) => e.name === 'style')).toBe(false);
  });

  it('standalone: xmlns, height, the style block and a white background before the body; fixedHeight keeps the height inline', () => {
    const { elements } = parseXml(svgDocument({ ...doc, standalone: true }, '<g class="body"/>'));
    expect(elements[0]!.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', height: '200' });
    expect(elements.map((e) => e.name)).toEqual(['svg', 'title', 'desc', 'style', 'rect', 'g']);
    expect(elements.find((e) => e.name === 'rect')!.attrs).toMatchObject({ class: 'demo-background', fill: '#fff', width: '300', height: '200' });
    expect(parseXml(svgDocument({ ...doc, fixedHeight: true }, '')).elements[0]!.attrs.height).toBe('200');
  });
});
