/**
 * Explore draws its figures with the outcome pages' renderers: each forest plot is the forest
 * figure (src/lib/forest/figure.ts) of its synthesis, and each live SROC plot is the SROC figure,
 * table of plotted values included, in the shared frame.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { renderResults, type RenderContext } from '../../../src/lib/explore/render.ts';
import { EMPTY_STATE } from '../../../src/lib/explore/state.ts';
import { viewOf } from '../../../src/lib/explore/view.ts';
import { forestFigure } from '../../../src/lib/forest/figure.ts';
import { safeId } from '../../../src/lib/forest/svg.ts';
import { renderFigureFrame } from '../../../src/lib/figures/frame.ts';
import { synthesisForest } from '../../../src/lib/site/synthesis-forest.ts';
import { renderDta } from '../../../src/lib/explore/render-dta.ts';
import { synthesizeDta } from '../../../src/lib/site/dta-synthesis.ts';
import { auditCInputs } from '../figures/appraisal-fixtures.ts';
import { DATA } from './fixture.ts';

const ctx: RenderContext = { base: '/sub/', outcomeLabels: { wma: 'Wall motion' }, total: 4, groupStudies: { 'wma|AUC': 3, 'lge|AUC': 1 } };

describe("Explore's figures", () => {
  it("are the outcome pages' forest figures, in the shared frame, with the page's Weight column", () => {
    const view = viewOf(applyFilters(DATA, EMPTY_STATE));
    const html = renderResults(view, ctx);
    const s = view.syntheses.find((x) => x.outcome === 'wma')!;
    const { rows, options } = synthesisForest(s, 'Wall motion', ctx.base);
    const expected = renderFigureFrame(forestFigure(rows, options, { className: 'explore-forest', idPrefix: safeId('explore-wma-AUC') }));
    expect(html).toContain(expected);
    const $ = cheerio.load(html);
    const fig = $('.explore-synthesis[data-outcome="wma"] figure');
    expect(fig.attr('class')).toBe('forest figure-frame explore-forest');
    expect(fig.find('thead th').map((_, th) => $(th).text()).get()).toEqual(['Estimate', 'AUC', 'CI', 'Weight']);
  });

  it('draw the live SROC plot as the SROC figure, with the table of the plotted studies and the summary point', () => {
    const dta = synthesizeDta(auditCInputs());
    const $ = cheerio.load(renderDta(dta, { alcohol: 'Unhealthy alcohol use' }));
    const fig = $('figure.explore-sroc');
    expect(fig.attr('class')).toBe('sroc figure-frame explore-sroc');
    expect(fig.find('.sroc-graphic svg.sroc-plot')).toHaveLength(1);
    const drawn = Number(fig.attr('data-drawn'));
    expect(fig.find('.sroc-table tbody tr')).toHaveLength(drawn + (fig.find('g.sroc-summary').length ? 1 : 0));
    expect(fig.find('.sroc-description').text()).toMatch(/^\d+ pooled tables?\./);
  });
});
