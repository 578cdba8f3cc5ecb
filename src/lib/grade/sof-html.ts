/**
 * The Summary of Findings as HTML, one renderer for the outcome pages, the review-wide page and
 * the standalone download: GRADEpro's DTA layout (true/false positives and negatives per 1,000
 * tested at each prevalence, participants, certainty) or a one-row table for a pooled measure,
 * then the five domains with the authors' judgement and reason beside the site's suggestion.
 * Certainty is written as GRADE symbols (⊕⊕⊕⊝, hidden from screen readers) and in words, so it
 * reads in greyscale and aloud. All content text is escaped. Pure.
 */
import { escapeXml as e } from '../forest/escape.ts';
import { measureInfo, isMeasure } from '../schema/measures.ts';
import type { CertaintyLevel } from '../schema/grade.ts';
import { certaintyLabel, certaintySymbols, CERTAINTY_MEANINGS } from './certainty.ts';
import { formatCount, type PerThousand, type PerThousandCount } from './per-thousand.ts';
import type { SofDomain, SofOutcome } from './summary-of-findings.ts';
import { GRADE_DOMAIN_LABELS, GRADE_DOMAINS, type DomainJudgement } from '../schema/grade.ts';

/** Options: where the outcome heading links to (null: no link), the download links, the heading level. */
export interface SofRenderOptions {
  outcomeHref?: string | null;
  downloads?: { csv: string; html: string } | null;
  headingLevel?: 2 | 3;
}

/** A whole number with thousands separators: 12345 → "12,345". */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pctPrev = (p: number) => `${Number((100 * p).toFixed(2))}%`;
const num = (x: number, measure: string) => {
  const ratio = isMeasure(measure) && measureInfo(measure).family === 'ratio';
  return x.toFixed(ratio ? 2 : Math.abs(x) < 10 ? 3 : 1).replace('-', '−');
};
const studiesText = (k: number) => `${k} ${k === 1 ? 'study' : 'studies'}`;

/** The certainty cell's content: symbols (aria-hidden) and the level in words, with what lowered it. */
export function certaintyHtml(sof: SofOutcome): string {
  const r = sof.rating;
  if (!r.rated) return '<span class="sof-level" data-level="not-rated">Not yet rated</span><span class="sof-why"> (no certainty block for this outcome in content/review.yaml)</span>';
  const lowered = GRADE_DOMAINS.flatMap((d) => {
    const j = sof.domains.find((x) => x.domain === d)?.author?.judgement;
    return j && j !== 'not serious' ? [`${GRADE_DOMAIN_LABELS[d].toLowerCase()} (${j})`] : [];
  });
  const why = r.override
    ? ` (rated ${r.level} by the review authors; the domains give ${r.computed}: ${e(r.override)})`
    : lowered.length ? ` (due to ${lowered.join(', ')})` : '';
  return `<span class="sof-symbols" aria-hidden="true">${certaintySymbols(r.level)}</span> <span class="sof-level" data-level="${r.level}">${certaintyLabel(r.level)}</span><span class="visually-hidden"> certainty</span><span class="sof-why">${why}</span>`;
}

function judgementText(j: DomainJudgement): string {
  return `${j[0]!.toUpperCase()}${j.slice(1)}`;
}

function domainRow(d: SofDomain): string {
  const a = d.author;
  const s = d.suggestion;
  const differs = a && s && s.judgement !== null && s.judgement !== a.judgement;
  const author = a ? `<td class="sof-judgement" data-judgement="${a.judgement}">${judgementText(a.judgement)}</td><td>${a.reason ? e(a.reason) : '—'}</td>` : '<td class="sof-judgement" data-judgement="not-rated">Not yet rated</td><td>—</td>';
  const suggestion = s
    ? `<td class="sof-suggestion" data-judgement="${s.judgement ?? 'none'}">${s.judgement === null ? '<span class="sof-suggestion-label">No suggestion.</span>' : `<span class="sof-suggestion-label">Suggestion:</span> <strong>${s.judgement}</strong>${differs ? ' <span class="sof-differs">(differs from the authors)</span>' : ''}.`} <span class="sof-reason">${e(s.reason)}</span></td>`
    : '<td class="sof-suggestion" data-judgement="none">No suggestion: nothing is pooled.</td>';
  return `<tr data-domain="${d.domain}"><th scope="row">${e(d.label)}</th>${author}${suggestion}</tr>`;
}

function countCell(c: PerThousandCount): string {
  return `<td class="num">${formatCount(c)}</td>`;
}

function dtaTable(sof: SofOutcome, capId: string): string {
  const d = sof.dta!;
  const certainty = certaintyHtml(sof);
  const cap = `<caption id="${capId}">Numbers per 1,000 people tested (95% CI) at each prevalence, from ${studiesText(sof.studies)} with ${thousands(sof.participants ?? 0)} people.</caption>`;
  if (d.perThousand.length === 0) {
    return `<table class="sof-table sof-dta">${cap.replace('Numbers per 1,000 people tested (95% CI) at each prevalence', 'Summary sensitivity and specificity (95% CI)')}<thead><tr><th scope="col">Accuracy</th><th scope="col" class="num">Summary estimate (95% CI)</th><th scope="col">Participants (studies)</th><th scope="col">Certainty of the evidence</th></tr></thead><tbody>`
      + `<tr><th scope="row">Sensitivity</th><td class="num">${pct(d.sens.estimate)} (${pct(d.sens.ciLow)} to ${pct(d.sens.ciHigh)})</td><td>${thousands(d.withCondition)} with the condition (${studiesText(sof.studies)})</td><td class="sof-certainty" rowspan="2">${certainty}</td></tr>`
      + `<tr><th scope="row">Specificity</th><td class="num">${pct(d.spec.estimate)} (${pct(d.spec.ciLow)} to ${pct(d.spec.ciHigh)})</td><td>${thousands(d.withoutCondition)} without the condition (${studiesText(sof.studies)})</td></tr></tbody></table>`;
  }
  const prevHeads = d.perThousand.map((p) => `<th scope="col" class="num">Prevalence ${pctPrev(p.prevalence)}</th>`).join('');
  const row = (name: string, what: string, pick: (p: PerThousand) => PerThousandCount, extra: string) =>
    `<tr><th scope="row">${name}<span class="sof-what"> ${what}</span></th>${d.perThousand.map((p) => countCell(pick(p))).join('')}${extra}</tr>`;
  const diseased = `<td rowspan="2">${thousands(d.withCondition)} with the condition (${studiesText(sof.studies)})</td>`;
  const healthy = `<td rowspan="2">${thousands(d.withoutCondition)} without the condition (${studiesText(sof.studies)})</td>`;
  return `<table class="sof-table sof-dta">${cap}<thead><tr><th scope="col" rowspan="2">Test result</th><th scope="colgroup" colspan="${d.perThousand.length}" class="num">Number of results per 1,000 people tested (95% CI)</th><th scope="col" rowspan="2">Participants (studies)</th><th scope="col" rowspan="2">Certainty of the evidence</th></tr><tr>${prevHeads}</tr></thead><tbody>`
    + row('True positives', '(with the condition, test positive)', (p) => p.tp, `${diseased}<td class="sof-certainty" rowspan="4">${certainty}</td>`)
    + row('False negatives', '(with the condition, missed)', (p) => p.fn, '')
    + row('True negatives', '(without the condition, test negative)', (p) => p.tn, healthy)
    + row('False positives', '(without the condition, test positive)', (p) => p.fp, '')
    + '</tbody></table>';
}

function univariateTable(sof: SofOutcome, capId: string): string {
  const est = sof.estimate;
  const participants = `${sof.participants === null ? 'not reported' : thousands(sof.participants)}${sof.participantsNote ? ` (${e(sof.participantsNote)})` : ''}; ${studiesText(sof.studies)}`;
  const estimateCell = est ? `${num(est.estimate, est.measure)} (${num(est.ciLow, est.measure)} to ${num(est.ciHigh, est.measure)})` : e(sof.note ?? 'not pooled');
  const spread = est ? `I² ${Math.round(est.I2)}%; prediction interval ${num(est.piLow, est.measure)} to ${num(est.piHigh, est.measure)}` : '—';
  const measure = sof.measure ?? '—';
  return `<table class="sof-table sof-univariate"><caption id="${capId}">Pooled estimate (REML random effects, Knapp–Hartung 95% CI) with its certainty.</caption><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Pooled estimate (95% CI)</th><th scope="col">Heterogeneity</th><th scope="col">Participants; studies</th><th scope="col">Certainty of the evidence</th></tr></thead><tbody>`
    + `<tr><th scope="row">${e(measure)}</th><td class="num">${estimateCell}</td><td>${spread}</td><td>${participants}</td><td class="sof-certainty">${certaintyHtml(sof)}</td></tr></tbody></table>`;
}

/** One outcome's Summary of Findings section. */
export function renderSof(sof: SofOutcome, opts: SofRenderOptions = {}): string {
  const h = opts.headingLevel ?? 2;
  const id = `sof-${sof.outcome}`;
  const title = opts.outcomeHref ? `<a href="${e(opts.outcomeHref)}">${e(sof.label)}</a>` : e(sof.label);
  const parts: string[] = [`<section class="sof" id="${e(id)}" aria-labelledby="${e(id)}-h" data-outcome="${e(sof.outcome)}" data-kind="${sof.kind}" data-certainty="${sof.rating.rated ? sof.rating.level : 'not-rated'}">`, `<h${h} id="${e(id)}-h">Summary of findings: ${title}</h${h}>`];
  if (sof.kind === 'dta' && sof.dta) {
    const d = sof.dta;
    parts.push(`<p class="sof-lead">Summary sensitivity ${pct(d.sens.estimate)} (95% CI ${pct(d.sens.ciLow)} to ${pct(d.sens.ciHigh)}) and specificity ${pct(d.spec.estimate)} (95% CI ${pct(d.spec.ciLow)} to ${pct(d.spec.ciHigh)}), ${d.model === 'bivariate' ? 'bivariate random-effects model (REML)' : 'univariate random-effects models (the bivariate model could not be used)'}.${d.perThousand.length === 0 ? ' No prevalences are declared (<code>prevalences</code> in content/review.yaml), so no numbers per 1,000 tested are shown.' : ''}</p>`);
  }
  if (sof.kind === 'none') parts.push(`<p class="sof-lead">${e(sof.note ?? 'Nothing to summarise yet.')}</p>`);
  else parts.push(`<div class="sof-scroll" role="region" aria-labelledby="${e(id)}-cap" tabindex="0">${sof.kind === 'dta' ? dtaTable(sof, `${id}-cap`) : univariateTable(sof, `${id}-cap`)}</div>`);
  if (sof.kind === 'dta' && sof.note) parts.push(`<p class="sof-note">${e(sof.note)}</p>`);
  parts.push(
    `<div class="sof-scroll" role="region" aria-labelledby="${e(id)}-dcap" tabindex="0"><table class="sof-domains"><caption id="${e(id)}-dcap">How the certainty was rated: the review authors' judgement of each GRADE domain, and beside it the site's suggestion from the data (shown, never applied).</caption><thead><tr><th scope="col">Domain</th><th scope="col">Authors' judgement</th><th scope="col">Reason</th><th scope="col">Suggested from the data (not applied)</th></tr></thead><tbody>${sof.domains.map(domainRow).join('')}</tbody></table></div>`,
  );
  if (sof.rating.rated) {
    const r = sof.rating;
    parts.push(`<p class="sof-rule">Starts ${r.start}${r.start === 'high' ? ' (accuracy studies of cross-sectional design)' : ''}; ${r.downgrades === 0 ? 'no domain rated down' : `rated down ${r.downgrades} ${r.downgrades === 1 ? 'level' : 'levels'} (one per serious, two per very serious concern)`}: ${r.computed}${r.override ? `; the authors' overall rating is ${r.level}` : ''}. ${certaintyLabel(r.level)} certainty: ${CERTAINTY_MEANINGS[r.level as CertaintyLevel]}</p>`);
  }
  if (opts.downloads) parts.push(`<p class="sof-downloads">Download this table: <a href="${e(opts.downloads.csv)}" download>CSV</a> · <a href="${e(opts.downloads.html)}">HTML table</a></p>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The standalone file's style: system fonts, no external resources. */
export const SOF_STANDALONE_CSS = `body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;line-height:1.45;color:#1b1f24;margin:1rem;max-width:72rem}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem;font-size:0.9375rem}
caption{text-align:left;font-size:0.875rem;color:#57606a;padding-bottom:0.25rem}
th,td{border:1px solid #d0d7de;padding:0.3rem 0.5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.num{text-align:right;font-variant-numeric:tabular-nums}
.sof-scroll{overflow-x:auto}
.sof td.num{white-space:nowrap}
.sof-what{display:block;font-weight:400}
.sof-table{min-width:34rem}
.sof-domains{min-width:40rem}
.sof-symbols{letter-spacing:0.05em;white-space:nowrap}
.sof-level{font-weight:700}
.sof-what,.sof-why,.sof-reason,.sof-rule,.sof-note{color:#57606a;font-size:0.875rem}
.sof-suggestion{font-style:italic}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

/** A standalone HTML document with the given outcomes' tables (h1: `heading`, default the title): no scripts, no external requests (its CSP forbids both). */
export function standaloneSofHtml(sofs: readonly SofOutcome[], meta: { title: string; heading?: string; note: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(meta.title)}</title>
<style>${SOF_STANDALONE_CSS}</style>
</head>
<body>
<h1>${e(meta.heading ?? meta.title)}</h1>
${sofs.map((s) => renderSof(s, { headingLevel: 2 })).join('\n')}
<p class="sof-note">${e(meta.note)}</p>
</body>
</html>
`;
}
