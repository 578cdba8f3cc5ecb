/**
 * The Explore page's diagnostic-accuracy results as an HTML string: per outcome with matching 2×2
 * tables, the re-pooled summary (bivariate model or its fallback, with the reason) and the live
 * SROC plot drawn by the outcome pages' SROC figure renderer (src/lib/sroc/figure.ts). Every text
 * and attribute goes through escapeXml (the figure frame through figures/html.ts).
 */
import { escapeXml as esc } from '../forest/escape.ts';
import { safeId } from '../forest/svg.ts';
import { renderFigureFrame } from '../figures/frame.ts';
import { srocFigure } from '../sroc/figure.ts';
import { fmt } from '../site/format.ts';
import type { DtaSynthesis } from '../site/dta-synthesis.ts';
import { plural } from './render-studies.ts';

const pct = (x: number) => `${fmt(100 * x, 1)}%`;

/** Study points an Explore SROC plot draws at most (the largest studies; the summary uses every table), as its forest plots cap rows: drawing 1,000 points took ~35 ms of a later filter change. */
export const SROC_POINTS = 200;

function summaryText(s: DtaSynthesis): string {
  const m = s.summary;
  if (!m) return '<p class="note explore-dta-none">No 2×2 table of an included study matches: nothing is pooled.</p>';
  const data = { model: m.model, k: m.k, sens: m.sens, 'sens-low': m.sensCi[0], 'sens-high': m.sensCi[1], spec: m.spec, 'spec-low': m.specCi[0], 'spec-high': m.specCi[1] };
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(String(v))}"`).join('');
  const how = m.model === 'bivariate' ? 'bivariate random-effects model, REML' : 'separate univariate REML models (fallback)';
  const ratios = m.ratios ? ` LR+ ${esc(fmt(m.ratios.lrPos.estimate, 2))}, LR− ${esc(fmt(m.ratios.lrNeg.estimate, 2))}, DOR ${esc(fmt(m.ratios.dor.estimate, 2))}.` : '';
  const fallback = m.fallback ? ` <span class="dta-fallback">${esc(m.fallback)}</span>` : '';
  return (
    `<p class="dta-pooled"${attrs}>Re-pooled (${esc(how)}): sensitivity <strong>${esc(pct(m.sens))}</strong> (95% CI ${esc(pct(m.sensCi[0]))} to ${esc(pct(m.sensCi[1]))}), ` +
    `specificity <strong>${esc(pct(m.spec))}</strong> (95% CI ${esc(pct(m.specCi[0]))} to ${esc(pct(m.specCi[1]))}), k = ${m.k}.${ratios}${fallback}</p>`
  );
}

function liveSroc(s: DtaSynthesis, label: string): string {
  const m = s.summary;
  const summary = m && m.model === 'bivariate' ? { sens: m.sens, spec: m.spec, confidenceRegion: m.confidenceRegion, predictionRegion: m.predictionRegion, curve: m.curve } : null;
  const pooled = s.rows.filter((r) => r.notPooled === null).map((r) => ({ id: r.tableId, label: `${r.title}: ${r.label}`, tp: r.tp, fp: r.fp, fn: r.fn, tn: r.tn }));
  const size = (t: (typeof pooled)[number]) => t.tp + t.fp + t.fn + t.tn;
  const studies = pooled.length <= SROC_POINTS ? pooled : [...pooled].sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : 1)).slice(0, SROC_POINTS);
  const drawn = pooled.length > studies.length ? ` The ${studies.length} largest are drawn; the summary and regions use all ${pooled.length.toLocaleString('en-US')}.` : '';
  // The outcome pages' SROC figure (SrocPlot.astro), without "Take this figure".
  const place = { className: 'explore-sroc', attrs: { 'data-drawn': studies.length, 'data-pooled': pooled.length }, idPrefix: safeId(`explore-sroc-${s.outcome}`), caption: `${plural(pooled.length, 'pooled table', 'pooled tables')}.${drawn}` };
  return renderFigureFrame(srocFigure({ title: `${label}: summary ROC plot`, studies, summary }, summary ? {} : { fallbackNote: m?.fallback ?? 'No summary: nothing to pool.' }, place));
}

/** The diagnostic-accuracy section of the results (empty when no outcome has matching 2×2 tables). */
export function renderDta(dta: readonly DtaSynthesis[], outcomeLabels: Record<string, string>): string {
  if (dta.length === 0) return '';
  const parts = dta.map((s) => {
    const label = outcomeLabels[s.outcome] ?? s.outcome;
    const id = safeId(`explore-dta-${s.outcome}-h`);
    return `<section class="explore-dta" aria-labelledby="${esc(id)}" data-outcome="${esc(s.outcome)}"><h3 id="${esc(id)}">${esc(label)}: sensitivity and specificity</h3>${summaryText(s)}${liveSroc(s, label)}</section>`;
  });
  return `<section aria-labelledby="explore-dta-h"><h2 id="explore-dta-h">Diagnostic accuracy, re-pooled</h2><p class="note">Where matching studies give 2×2 tables, sensitivity and specificity are pooled jointly from all of them (bivariate random-effects model; see Methods).</p>${parts.join('')}</section>`;
}
