import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { renderResults, type RenderContext } from '../../../src/lib/explore/render.ts';
import { EMPTY_STATE } from '../../../src/lib/explore/state.ts';
import { viewOf } from '../../../src/lib/explore/view.ts';
import type { ExploreData } from '../../../src/lib/explore/rows.ts';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { DATA } from './fixture.ts';

const ctx: RenderContext = { base: '/sub/', outcomeLabels: { wma: 'Wall motion' }, total: 4, groupStudies: { 'wma|AUC': 3, 'lge|AUC': 1 } };

describe('the explore results markup', () => {
  it('counts matching and excluded studies and lists the matching ones under the base path', () => {
    const $ = cheerio.load(renderResults(viewOf(applyFilters(DATA, { ...EMPTY_STATE, yearFrom: 2024 })), ctx));
    expect($('.explore-count').attr('data-matching')).toBe('2');
    expect($('.explore-count').attr('data-excluded')).toBe('2');
    expect($('.explore-studies a').map((_, a) => $(a).attr('href')).get()).toEqual(['/sub/studies/c/', '/sub/studies/b/']);
  });

  it('draws one forest plot per outcome × measure, re-pooled from exactly the visible rows', () => {
    const result = applyFilters(DATA, EMPTY_STATE);
    const $ = cheerio.load(renderResults(viewOf(result), ctx));
    const sections = $('.explore-synthesis');
    expect(sections.map((_, s) => `${$(s).attr('data-outcome')}|${$(s).attr('data-measure')}`).get()).toEqual(['lge|AUC', 'wma|AUC']);
    const wma = $('.explore-synthesis[data-outcome="wma"]');
    expect(wma.find('g.forest-row').length).toBe(3);
    const expected = synthesize(result.estimates).find((s) => s.outcome === 'wma')!.pooled!;
    expect(expected.k).toBe(2); // the excluded study's estimate is shown but not pooled
    expect(Number(wma.find('.pooled-summary').attr('data-estimate'))).toBe(expected.estimate);
    expect(Number(wma.find('.pooled-summary').attr('data-tau2'))).toBe(expected.tau2);
    expect(wma.find('.pooled-summary').text()).toMatch(/prediction interval .* to .*, k = 2, τ² = .*, I² = /);
    expect(wma.find('.explore-group-excluded').attr('data-excluded')).toBe('0');
    expect($('.explore-synthesis[data-outcome="lge"] .explore-not-pooled').length).toBe(1);
  });

  it('says how many studies of a group the filter excluded', () => {
    const $ = cheerio.load(renderResults(viewOf(applyFilters(DATA, { ...EMPTY_STATE, yearFrom: 2025 })), ctx));
    expect($('.explore-synthesis[data-outcome="wma"] .explore-group-excluded').text()).toBe('2 studies of 3 reporting this outcome with this measure excluded by the filter.');
  });

  it('renders hostile titles as text, never as elements', () => {
    const html = renderResults(viewOf(applyFilters(DATA, EMPTY_STATE)), ctx);
    const $ = cheerio.load(html);
    expect($('script').length).toBe(0);
    expect($('.explore-studies li[data-slug="c"] a').text()).toBe('<script>alert(1)</script> & "deep" learning');
    expect(html).not.toContain('<script>');
  });

  it('says so when nothing matches', () => {
    const $ = cheerio.load(renderResults(viewOf(applyFilters(DATA, { ...EMPTY_STATE, outcome: 'none' })), ctx));
    expect($('.explore-count').attr('data-matching')).toBe('0');
    expect($.text()).toContain('No study matches these filters.');
    expect($.text()).toContain('No estimate matches these filters.');
  });

  it('lists one page of studies with a note giving the total, a hidden "Show more" button and the Studies index', () => {
    const $ = cheerio.load(renderResults(viewOf(MANY, 50), { ...ctx, total: 120 }));
    expect($('.explore-studies li').length).toBe(50);
    expect($('.explore-count').attr('data-matching')).toBe('120');
    const note = $('.explore-more');
    expect([note.attr('data-shown'), note.attr('data-matching')]).toEqual(['50', '120']);
    expect(note.text()).toMatch(/^Showing the first 50 studies of 120\. Show 50 more Every study of the review is listed in the Studies index\.$/);
    expect(note.find('button[data-explore-more]').attr('hidden')).toBeDefined();
    expect(note.find('a').attr('href')).toBe('/sub/studies/');
  });

  it('draws the first rows of a large group, says so, and pools all of its estimates', () => {
    const result = MANY;
    const $ = cheerio.load(renderResults(viewOf(result, 50, 30), { ...ctx, total: 120 }));
    const wma = $('.explore-synthesis[data-outcome="wma"]');
    expect(wma.find('g.forest-row').length).toBe(30);
    expect(wma.find('.explore-capped').text()).toBe('First 30 of 120 estimates shown (newest studies first); the pooled estimate and the counts use all 120.');
    expect(wma.find('.forest-description').text()).toMatch(/^120 estimates from 120 studies, the first 30 drawn; pooled AUC /);
    const expected = synthesize(result.estimates)[0]!.pooled!;
    expect(expected.k).toBe(120);
    expect(Number(wma.find('.pooled-summary').attr('data-k'))).toBe(120);
    expect(Number(wma.find('.pooled-summary').attr('data-estimate'))).toBe(expected.estimate);
    expect(Number(wma.find('.pooled-summary').attr('data-tau2'))).toBe(expected.tau2);
  });
});

/** 120 included studies, each with one wall-motion AUC. */
const MANY = applyFilters(
  {
    studies: Array.from({ length: 120 }, (_, i) => ({ ...DATA.studies[0]!, slug: `s${String(i).padStart(3, '0')}`, title: `Study ${i}` })),
    estimates: Array.from({ length: 120 }, (_, i) => {
      const v = 0.7 + (i % 20) / 100;
      return { ...DATA.estimates[0]!, estimate_id: `s${String(i).padStart(3, '0')}#1`, slug: `s${String(i).padStart(3, '0')}`, value: v, ci_low: v - 0.05 - (i % 3) / 100, ci_high: v + 0.04 };
    }),
  } satisfies ExploreData,
  EMPTY_STATE,
);
