/**
 * The figure frame every kind shares: graphic, caption, table of the plotted values, what was left
 * out and the "take this figure" slot, in that order, with the shared and the kind's classes; a
 * scrolling box is a labelled, focusable region; hostile text stays text.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { figureFrameParts, renderFigureFrame, svgIdPrefix, type FigureFrame } from '../../../src/lib/figures/frame.ts';
import { HOSTILE } from './fixtures.ts';

/** What an HTML parser reads back: it turns CR LF and CR into LF (HTML's newline normalisation, not escaping). */
const read = (s: string) => s.replace(/\r\n?/g, '\n');

const frame = (over: Partial<FigureFrame> = {}): FigureFrame => ({
  kind: 'demo',
  place: { id: 'demo-1', figureId: 'outcome-demo', attrs: { 'data-kind': 'demo' } },
  svg: '<svg class="demo-plot"><title>T</title></svg>',
  title: 'Demo: AUC',
  caption: '3 estimates',
  table: { head: ['Study', 'Value'], rows: [{ label: 'A', href: '/a/', cells: ['0.8'] }, { label: 'Pooled', cells: ['0.7'], className: 'pooled' }], empty: 'No estimates.' },
  skipped: [{ id: 'x', label: '', reason: 'no value' }],
  ...over,
});

describe('the figure frame', () => {
  it('holds the graphic, the caption, the table and the skipped list in that order, and the take slot last', () => {
    const html = renderFigureFrame(frame(), '<details class="figure-take"></details>');
    const $ = cheerio.load(html, null, false);
    const fig = $('figure');
    expect(fig.attr('class')).toBe('demo figure-frame');
    expect([fig.attr('id'), fig.attr('data-figure-id'), fig.attr('data-kind')]).toEqual(['demo-1', 'outcome-demo', 'demo']);
    expect(fig.children().map((_, c) => $(c).attr('class') ?? c.tagName).get()).toEqual(['demo-graphic figure-graphic', 'figcaption', 'demo-table figure-table', 'demo-skipped figure-skipped', 'figure-take']);
    expect($('.demo-graphic svg.demo-plot')).toHaveLength(1);
    expect($('figcaption').text()).toBe('Demo: AUC 3 estimates');
    expect($('.figure-description').text()).toBe('3 estimates');
    expect($('thead th').map((_, th) => $(th).text()).get()).toEqual(['Study', 'Value']);
    expect($('tbody tr').eq(0).find('th[scope=row] a').attr('href')).toBe('/a/');
    expect($('tbody tr').eq(1).attr('class')).toBe('pooled');
    expect($('.figure-skipped').text()).toBe('Not plotted:x: no value');
  });

  it('splits into the markup before and after the take slot', () => {
    const { open, close } = figureFrameParts(frame());
    expect(close).toBe('</figure>');
    expect(open + close).toBe(renderFigureFrame(frame()));
  });

  it('says the empty message instead of an empty table, keeps an empty table without one, and leaves out the caption text and the skipped list when there are none', () => {
    const $ = cheerio.load(renderFigureFrame(frame({ caption: undefined, skipped: [], table: { head: ['Study'], rows: [], empty: 'No studies.' } })), null, false);
    expect($('.figure-table p').text()).toBe('No studies.');
    expect($('.figure-table table')).toHaveLength(0);
    expect($('.figure-description')).toHaveLength(0);
    expect($('.figure-skipped')).toHaveLength(0);
    const kept = cheerio.load(renderFigureFrame(frame({ table: { head: ['Study'], rows: [] } })), null, false);
    expect(kept('.figure-table table tbody tr')).toHaveLength(0);
  });

  it('makes the box of a figure that keeps its size a focusable region named after the title', () => {
    const $ = cheerio.load(renderFigureFrame(frame({ scrolls: true, title: 'Paired "x"' })), null, false);
    const box = $('.figure-graphic');
    expect([box.attr('tabindex'), box.attr('role'), box.attr('aria-label')]).toEqual(['0', 'region', 'Paired "x" (scrolls sideways on narrow screens)']);
    expect(cheerio.load(renderFigureFrame(frame()), null, false)('.figure-graphic').attr('tabindex')).toBeUndefined();
  });

  it('keeps hostile titles, captions, labels, reasons and links as text', () => {
    for (const s of HOSTILE) {
      const f = frame({ title: s, caption: s, table: { head: [s], rows: [{ label: s, href: s, cells: [s], lead: [s] }] }, skipped: [{ id: s, label: s, reason: s }] });
      const $ = cheerio.load(renderFigureFrame(f), null, false);
      expect($('script')).toHaveLength(0);
      expect($('figure')).toHaveLength(1);
      expect($('.figure-title').text()).toBe(read(s));
      expect($('tbody td').first().text()).toBe(read(s));
      expect($('tbody a').attr('href')).toBe(read(s));
      expect($('.figure-skipped li').text()).toBe(read(`${s}: ${s}`));
    }
  });

  it("prefixes the SVG's ids with the given prefix, else the figure's id, else the kind and a slug of the title", () => {
    expect(svgIdPrefix('forest', 'Wall motion: AUC', { idPrefix: 'p', id: 'i' })).toBe('p');
    expect(svgIdPrefix('forest', 'Wall motion: AUC', { id: 'i' })).toBe('i');
    expect(svgIdPrefix('forest', 'Wall motion: AUC', {})).toBe('forest-wall-motion-auc');
    expect(svgIdPrefix('sroc', '—', {})).toBe('sroc-plot');
  });
});
