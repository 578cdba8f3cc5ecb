/** The axis pieces the figure SVGs share: where ticks, labels and grid lines go. */
import { describe, expect, it } from 'vitest';
import { bottomAxis, innerGridX, innerGridY, xTicks, yAxisLabel, yTicks } from '../../../src/lib/figures/svg-axis.ts';
import { parseXml } from '../forest/xml.ts';

const style = { length: 5, tick: { class: 't' }, label: { class: 'l' } };

describe('the shared SVG axis pieces', () => {
  it('draws each x tick down from the axis and its label under it, in tick order', () => {
    const { errors, elements } = parseXml(`<g>${xTicks([{ x: 10, label: '0' }, { x: 20.5, label: '0.5' }], 100, 118, style)}</g>`);
    expect(errors).toEqual([]);
    expect(elements.filter((e) => e.name === 'line').map((e) => [e.attrs.x1, e.attrs.y1, e.attrs.x2, e.attrs.y2])).toEqual([['10', '100', '10', '105'], ['20.5', '100', '20.5', '105']]);
    expect(elements.filter((e) => e.name === 'text').map((e) => [e.attrs.x, e.attrs.y, e.text])).toEqual([['10', '118', '0'], ['20.5', '118', '0.5']]);
  });

  it('draws each y tick left of the axis and its label beside it, shifted down by labelDy', () => {
    const { elements } = parseXml(`<g>${yTicks([{ y: 40, label: '1' }], 50, 42, 3.5, { ...style, length: 4 })}</g>`);
    expect(elements.find((e) => e.name === 'line')!.attrs).toMatchObject({ x1: '46', y1: '40', x2: '50', y2: '40', class: 't' });
    expect(elements.find((e) => e.name === 'text')!.attrs).toMatchObject({ x: '42', y: '43.5', class: 'l' });
  });

  it('draws a bottom axis line, its ticks and its label, leaving out a class it is not given', () => {
    const svg = bottomAxis({ x0: 0, x1: 100, y: 50, ticks: [{ x: 0, label: '0%' }], tickLength: 5, tickLabelY: 68, fontSize: 11, label: 'Share <of> studies', labelX: 50, labelY: 86, classes: { line: 'a-line', tickLabel: 'a-tick', label: 'a-label' } });
    const { errors, elements } = parseXml(`<g>${svg}</g>`);
    expect(errors).toEqual([]);
    const lines = elements.filter((e) => e.name === 'line');
    expect(lines.map((e) => e.attrs.class ?? null)).toEqual(['a-line', null]);
    expect(elements.filter((e) => e.name === 'text').map((e) => [e.attrs.class, e.attrs['font-size'] ?? null])).toEqual([['a-tick', '11'], ['a-label', null]]);
    expect(svg).toContain('Share &lt;of&gt; studies');
  });

  it('draws grid lines only at ticks strictly inside 0 and 1', () => {
    const ticks = [0, 0.25, 0.5, 1].map((value, i) => ({ x: i * 10, y: i * 10, value }));
    expect(parseXml(`<g>${innerGridX(ticks, 0, 90, {})}</g>`).elements.filter((e) => e.name === 'line').map((e) => e.attrs.x1)).toEqual(['10', '20']);
    expect(parseXml(`<g>${innerGridY(ticks, 0, 90, {})}</g>`).elements.filter((e) => e.name === 'line').map((e) => e.attrs.y1)).toEqual(['10', '20']);
  });

  it('turns a y-axis label about its own anchor', () => {
    expect(parseXml(yAxisLabel(12, 80, 'SE', { class: 'y' })).elements[0]!.attrs.transform).toBe('rotate(-90 12 80)');
  });
});
