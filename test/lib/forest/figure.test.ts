/**
 * The forest plot as a figure (the renderer ForestPlot.astro and Explore share): the SVG in the
 * frame, the caption from the description, and the table of plotted values with a Subgroup column
 * only on subgroup plots and a Weight column only when some row has a weight.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { forestFigure } from '../../../src/lib/forest/figure.ts';
import { layoutForest } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import { renderFigureFrame } from '../../../src/lib/figures/frame.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';

const draw = (...args: Parameters<typeof forestFigure>) => cheerio.load(renderFigureFrame(forestFigure(...args)), null, false);
const head = ($: cheerio.CheerioAPI) => $('thead th').map((_, th) => $(th).text()).get();

describe('the forest figure', () => {
  it('frames the SVG the forest renderer draws, with ids from the figure id or the title', () => {
    const f = forestFigure(seedAucRows, seedAucOptions, { id: 'fig-1', figureId: 'outcome-x-auc' });
    expect(f.svg).toBe(renderForestSvg(layoutForest(seedAucRows, seedAucOptions), { idPrefix: 'fig-1' }));
    expect(forestFigure(seedAucRows, { ...seedAucOptions, title: 'Wall motion: AUC' }).svg).toContain('id="forest-wall-motion-auc-title"');
    const $ = draw(seedAucRows, seedAucOptions, { id: 'fig-1', figureId: 'outcome-x-auc' });
    expect([$('figure').attr('id'), $('figure').attr('data-figure-id'), $('figure').attr('class')]).toEqual(['fig-1', 'outcome-x-auc', 'forest figure-frame']);
  });

  it('shows a Weight column only when some row has a weight', () => {
    const weighted = seedAucRows.map((r, i) => ({ ...r, weight: i === 0 ? 40 : null }));
    expect(head(draw(weighted, seedAucOptions))).toEqual(['Estimate', 'AUC', 'CI', 'Weight']);
    const none = seedAucRows.map((r) => ({ ...r, weight: null }));
    expect(head(draw(none, seedAucOptions))).toEqual(['Estimate', 'AUC', 'CI']);
  });

  it('leads with a Subgroup column on a subgroup plot, its pooled rows marked', () => {
    const rows = seedAucRows.slice(0, 2).map((r, i) => ({ ...r, subgroup: i ? 'b' : 'a', weight: 10 }));
    const diamond = { label: 'Sub', estimate: 0.8, ciLow: 0.7, ciHigh: 0.9, k: 1 };
    const $ = draw(rows, { ...seedAucOptions, subgroups: [{ id: 'a', label: 'MRI', pooled: diamond }, { id: 'b', label: 'Echo', pooled: null }] });
    expect(head($)).toEqual(['Subgroup', 'Estimate', 'AUC', 'CI', 'Weight']);
    expect($('tbody tr').map((_, tr) => $(tr).find('td').first().text()).get()).toEqual(['MRI', 'MRI', 'Echo']);
    expect($('tbody tr.pooled')).toHaveLength(1);
  });

  it('captions with the description, says "No estimates." without rows, and lists the rows it could not plot', () => {
    const $ = draw([{ id: 'bad', label: 'Broken <b>', value: Number.NaN, ciLow: null, ciHigh: null }], { measure: 'AUC', title: 'T', description: 'Nothing to see' });
    expect($('.forest-description').text()).toBe('Nothing to see');
    expect($('.forest-table p').text()).toBe('No estimates.');
    expect($('.forest-skipped li').text()).toMatch(/^Broken <b>: /);
  });
});
