/**
 * The Explore page's results as an HTML string: counts, matching studies, and one forest plot per
 * outcome × measure re-pooled with `synthesize` and drawn with `layoutForest` + `renderForestSvg`.
 * The build prerenders the unfiltered view with it and the browser redraws filtered views with it,
 * so both are the same markup. Every text and attribute value goes through escapeXml.
 */
import { escapeXml as esc } from '../forest/escape.ts';
import { layoutForest } from '../forest/layout.ts';
import { renderForestSvg, safeId } from '../forest/svg.ts';
import { forestTableRows } from '../forest/table.ts';
import { fmt } from '../site/format.ts';
import { synthesize, type OutcomeSynthesis } from '../site/synthesis.ts';
import { synthesisForest } from '../site/synthesis-forest.ts';
import type { ExploreResult, ExploreStudy } from './rows.ts';

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

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function studyItem(s: ExploreStudy, base: string): string {
  const facts = [s.journal ?? 'Preprint', s.published ?? 'undated', s.status, s.n_participants === null ? null : `${s.n_participants.toLocaleString('en-US')} participants`].filter(Boolean);
  return `<li data-slug="${esc(s.slug)}"><a href="${esc(`${base}studies/${s.slug}/`)}">${esc(s.title)}</a> <span class="note">${esc(facts.join(' · '))}</span></li>`;
}

function figure(s: OutcomeSynthesis, title: string, base: string): string {
  const { rows, options } = synthesisForest(s, title, base);
  const layout = layoutForest(rows, options);
  const svg = renderForestSvg(layout, { idPrefix: safeId(`explore-${s.outcome}-${s.measure}`) });
  const table = forestTableRows(layout)
    .map((r) => `<tr${r.pooled ? ' class="pooled"' : ''}><th scope="row">${r.href ? `<a href="${esc(r.href)}">${esc(r.label)}</a>` : esc(r.label)}</th><td>${esc(r.value)}</td><td>${esc(r.ci)}</td><td>${esc(r.weight)}</td></tr>`)
    .join('');
  const skipped = layout.skipped.length ? `<div class="forest-skipped"><p>Not plotted:</p><ul>${layout.skipped.map((k) => `<li>${esc(k.label || k.id)}: ${esc(k.reason)}</li>`).join('')}</ul></div>` : '';
  return (
    `<figure class="forest explore-forest"><div class="forest-graphic">${svg}</div>` +
    `<figcaption><span class="forest-title">${esc(layout.title)}</span> <span class="forest-description">${esc(options.description ?? '')}</span></figcaption>` +
    `<details class="forest-table"><summary>Table of the plotted values</summary><table><thead><tr><th scope="col">Estimate</th><th scope="col">${esc(layout.measure)}</th><th scope="col">CI</th><th scope="col">Weight</th></tr></thead><tbody>${table}</tbody></table></details>` +
    `${skipped}</figure>`
  );
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

function synthesisSection(s: OutcomeSynthesis, ctx: RenderContext): string {
  const label = ctx.outcomeLabels[s.outcome] ?? s.outcome;
  const all = ctx.groupStudies[groupKey(s.outcome, s.measure)] ?? s.studies;
  const out = Math.max(0, all - s.studies);
  const id = safeId(`explore-${s.outcome}-${s.measure}-h`);
  return (
    `<section class="explore-synthesis" aria-labelledby="${esc(id)}" data-outcome="${esc(s.outcome)}" data-measure="${esc(s.measure)}">` +
    `<h3 id="${esc(id)}">${esc(label)}: ${esc(s.measure)}</h3>${figure(s, label, ctx.base)}${pooledText(s)}` +
    `<p class="note explore-group-excluded" data-excluded="${out}">${esc(plural(out, 'study', 'studies'))} of ${all} reporting this outcome with this measure excluded by the filter.</p></section>`
  );
}

/** The results region: counts, the matching studies and the re-pooled forest plots. */
export function renderResults(result: ExploreResult, ctx: RenderContext): string {
  const n = result.studies.length;
  const excluded = Math.max(0, ctx.total - n);
  const syntheses = synthesize(result.estimates);
  const counts =
    `<p class="explore-count" data-matching="${n}" data-excluded="${excluded}"><strong>${esc(plural(n, 'study', 'studies'))}</strong> of ${ctx.total} match; ` +
    `<strong>${esc(plural(excluded, 'study', 'studies'))}</strong> excluded by the filter; ${esc(plural(result.estimates.length, 'estimate', 'estimates'))}.</p>`;
  const list = n ? `<ul class="explore-studies">${result.studies.map((s) => studyItem(s, ctx.base)).join('')}</ul>` : '<p>No study matches these filters.</p>';
  const plots = syntheses.length
    ? syntheses.map((s) => synthesisSection(s, ctx)).join('')
    : '<p>No estimate matches these filters.</p>';
  return (
    `${counts}<section aria-labelledby="explore-studies-h"><h2 id="explore-studies-h">Matching studies</h2>${list}</section>` +
    `<section aria-labelledby="explore-plots-h"><h2 id="explore-plots-h">Estimates, re-pooled</h2>` +
    `<p class="note">One forest plot per outcome and measure; where two or more matching studies report it, the estimate is pooled again from exactly these rows (random effects, REML with Knapp-Hartung; proportions on the logit scale).</p>${plots}</section>`
  );
}
