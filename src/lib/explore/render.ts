/**
 * The Explore page's results as an HTML string: counts, a page of the matching studies, and one
 * forest plot per outcome × measure (its first rows drawn by the outcome pages' forest figure
 * renderer, src/lib/forest/figure.ts, pooled from all its estimates by synthesizeRows in
 * src/lib/site/synthesis-rows.ts). The build prerenders the unfiltered view with it and
 * the browser redraws filtered views with it, so both are the same markup. Every text and
 * attribute value goes through escapeXml.
 */
import { escapeXml as esc } from '../forest/escape.ts';
import { forestFigure } from '../forest/figure.ts';
import { safeId } from '../forest/svg.ts';
import { renderFigureFrame } from '../figures/frame.ts';
import { fmt } from '../site/format.ts';
import type { OutcomeSynthesis } from '../site/synthesis.ts';
import { synthesisForest } from '../site/synthesis-forest.ts';
import type { CappedSynthesis } from '../site/synthesis-rows.ts';
import { plural, studiesSection } from './render-studies.ts';
import { renderDta } from './render-dta.ts';
import { FOREST_ROWS, type ExploreView } from './view.ts';

/** What the results need besides the rows: site base, outcome labels and the unfiltered counts. */
export interface RenderContext {
  /** Site base path ending in "/". */
  base: string;
  outcomeLabels: Record<string, string>;
  /** Studies in the review. */
  total: number;
  /** Studies reporting each outcome × measure (key from groupKey), unfiltered. */
  groupStudies: Record<string, number>;
}

/** Key of an outcome × measure group. */
export function groupKey(outcome: string, measure: string): string {
  return `${outcome}|${measure}`;
}

/** Studies per outcome × measure in a set of syntheses. */
export function studiesPerGroup(syntheses: readonly OutcomeSynthesis[]): Record<string, number> {
  return Object.fromEntries(syntheses.map((s) => [groupKey(s.outcome, s.measure), s.studies]));
}

function figure(s: CappedSynthesis, title: string, base: string): string {
  const { rows, options } = synthesisForest(s, title, base);
  const p = s.pooled;
  if (s.estimates > s.rows.length) {
    options.description = `${plural(s.estimates, 'estimate', 'estimates')} from ${plural(s.studies, 'study', 'studies')}, the first ${s.rows.length} drawn${p ? `; pooled ${s.measure} ${fmt(p.estimate)} (${fmt(p.ciLow)} to ${fmt(p.ciHigh)})` : ''}`;
  }
  // The outcome pages' forest figure (ForestPlot.astro), without "Take this figure".
  return renderFigureFrame(forestFigure(rows, options, { className: 'explore-forest', idPrefix: safeId(`explore-${s.outcome}-${s.measure}`) }));
}

function pooledText(s: OutcomeSynthesis): string {
  const p = s.pooled;
  if (!p) {
    const why = s.studies < 2 ? 'fewer than two matching studies report this outcome with this measure.' : 'fewer than two matching estimates can be pooled (see the reasons under each row).';
    return `<p class="note explore-not-pooled">Not pooled: ${esc(why)}</p>`;
  }
  const data = { estimate: p.estimate, 'ci-low': p.ciLow, 'ci-high': p.ciHigh, 'pi-low': p.piLow, 'pi-high': p.piHigh, tau2: p.tau2, i2: p.I2, k: p.k };
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(String(v))}"`).join('');
  const method = `${p.method}${p.test === 'knha' ? ' with Knapp-Hartung' : ''}`;
  return (
    `<p class="pooled-summary"${attrs}>Re-pooled ${esc(s.measure)} (${esc(method)}) <strong>${esc(fmt(p.estimate, 3))}</strong> ` +
    `(95% CI ${esc(fmt(p.ciLow, 3))} to ${esc(fmt(p.ciHigh, 3))}; prediction interval ${esc(fmt(p.piLow, 3))} to ${esc(fmt(p.piHigh, 3))}), ` +
    `k = ${p.k}, τ² = ${esc(fmt(p.tau2, 4))} (on the ${esc(p.scale)} scale), I² = ${esc(fmt(p.I2, 1))}%.` +
    `${p.warnings.length ? ` <span class="note">${esc(p.warnings.join(' '))}</span>` : ''}</p>`
  );
}

function cappedNote(s: CappedSynthesis): string {
  if (s.estimates <= s.rows.length) return '';
  return `<p class="note explore-capped" data-drawn="${s.rows.length}" data-estimates="${s.estimates}">First ${s.rows.length} of ${esc(plural(s.estimates, 'estimate', 'estimates'))} shown (newest studies first); the pooled estimate and the counts use all ${esc(s.estimates.toLocaleString('en-US'))}.</p>`;
}

function synthesisSection(s: CappedSynthesis, ctx: RenderContext): string {
  const label = ctx.outcomeLabels[s.outcome] ?? s.outcome;
  const all = ctx.groupStudies[groupKey(s.outcome, s.measure)] ?? s.studies;
  const out = Math.max(0, all - s.studies);
  const id = safeId(`explore-${s.outcome}-${s.measure}-h`);
  return (
    `<section class="explore-synthesis" aria-labelledby="${esc(id)}" data-outcome="${esc(s.outcome)}" data-measure="${esc(s.measure)}">` +
    `<h3 id="${esc(id)}">${esc(label)}: ${esc(s.measure)}</h3>${cappedNote(s)}${figure(s, label, ctx.base)}${pooledText(s)}` +
    `<p class="note explore-group-excluded" data-excluded="${out}">${esc(plural(out, 'study', 'studies'))} of ${all} reporting this outcome with this measure excluded by the filter.</p></section>`
  );
}

/** The results region as its elements' HTML: the counts, the studies, the DTA section (absent when none), and the plots section's opening (heading and note), its plots, its end. */
export interface ResultParts {
  head: string[];
  plotsOpen: string;
  plots: string[];
  plotsClose: string;
}

/**
 * Each synthesis' and DTA result's HTML, kept for the same result object and context: the browser
 * keeps the results of a group (or of a set of 2×2 tables) that did not change, and draws them again
 * without rendering them again.
 */
const drawn = new WeakMap<object, { ctx: RenderContext; html: string }>();

function once(key: object, ctx: RenderContext, render: () => string): string {
  const kept = drawn.get(key);
  if (kept && kept.ctx === ctx) return kept.html;
  const html = render();
  drawn.set(key, { ctx, html });
  return html;
}

/** The results region in parts (renderResults joins them). */
export function resultParts(view: ExploreView, ctx: RenderContext): ResultParts {
  const n = view.matching;
  const excluded = Math.max(0, ctx.total - n);
  const counts =
    `<p class="explore-count" data-matching="${n}" data-excluded="${excluded}" data-estimates="${view.estimates}"><strong>${esc(plural(n, 'study', 'studies'))}</strong> of ${esc(ctx.total.toLocaleString('en-US'))} match; ` +
    `<strong>${esc(plural(excluded, 'study', 'studies'))}</strong> excluded by the filter; ${esc(plural(view.estimates, 'estimate', 'estimates'))}.</p>`;
  const dta = view.dta.length ? once(view.dta, ctx, () => renderDta(view.dta, ctx.outcomeLabels)) : '';
  return {
    head: [counts, studiesSection(view.studies, n, ctx.base), ...(dta ? [dta] : [])],
    plotsOpen:
      `<section aria-labelledby="explore-plots-h"><h2 id="explore-plots-h">Estimates, re-pooled</h2>` +
      `<p class="note">One forest plot per outcome and measure, drawing at most its first ${FOREST_ROWS} estimates; where two or more matching studies report it, the estimate is pooled again from all of its matching estimates (random effects, REML with Knapp-Hartung; proportions on the logit scale).</p>`,
    plots: view.syntheses.length ? view.syntheses.map((s) => once(s, ctx, () => synthesisSection(s, ctx))) : ['<p>No estimate matches these filters.</p>'],
    plotsClose: '</section>',
  };
}

/** The results region: counts, a page of the matching studies and the re-pooled forest plots. */
export function renderResults(view: ExploreView, ctx: RenderContext): string {
  return joinParts(resultParts(view, ctx));
}

/** The results region's HTML from its parts. */
export function joinParts(p: ResultParts): string {
  return `${p.head.join('')}${p.plotsOpen}${p.plots.join('')}${p.plotsClose}`;
}
