/**
 * The data diff as Markdown, for a pull-request comment or a CI job summary: studies added,
 * removed and changed, estimates changed (old → new with quotes), and each outcome's pooled
 * estimate, CI, I² and k before → after. Text from content is escaped for Markdown tables.
 */
import type { UpdateDiff, OutcomeState } from './diff.ts';
import { describeCertaintyShift, describeDtaParts } from './describe.ts';
import type { EstimateChange } from './estimates.ts';
import type { Estimate } from '../schema/index.ts';

/** Escape text for a Markdown table cell (pipes, backticks, markup, line breaks). */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/[|`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const num = (x: number, d = 3) => x.toFixed(d).replace('-', '−');

/** "0.873 [0.816, 0.922]" for an estimate. */
function estimateText(e: Estimate | null): string {
  if (!e) return '—';
  const ci = e.ci_low !== null && e.ci_high !== null ? ` [${e.ci_low}, ${e.ci_high}]` : '';
  return `${e.value}${e.unit === 'percent' ? '%' : ''}${ci}${e.needs_review ? ' (needs review)' : ''}`;
}

/** "0.712 [0.650, 0.767], I² 41.2%, k 3" or "not pooled (k 1)" or "—". */
function stateText(s: OutcomeState | null): string {
  if (!s) return '—';
  if (!s.pooled) return `not pooled (${s.inSynthesis} poolable, ${s.studies} ${s.studies === 1 ? 'study' : 'studies'})`;
  const p = s.pooled;
  return `${num(p.estimate)} [${num(p.ciLow)}, ${num(p.ciHigh)}], I² ${num(p.I2, 1)}%, k ${p.k}`;
}

/** Render the whole diff. */
export function formatDataDiff(diff: UpdateDiff, estimates: readonly EstimateChange[], refs: { base: string; head: string }): string {
  const lines: string[] = [`## Data diff: ${mdCell(refs.base)} → ${mdCell(refs.head)}`, ''];
  const total = diff.added.length + diff.removed.length + diff.changed.length + estimates.length + diff.outcomes.length + diff.dta.length + diff.certainty.length;
  if (total === 0 && diff.protocol.length === 0) return `${lines.join('\n')}\nNo change to studies, estimates or pooled results.\n`;
  lines.push(`Studies: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed. Estimates: ${estimates.length} changed. Outcomes whose synthesis moved: ${diff.outcomes.length}.`, '');

  if (diff.outcomes.length > 0) {
    lines.push('### Pooled estimates (REML, Knapp-Hartung; back-transformed)', '', '| outcome | measure | before | after |', '|---|---|---|---|');
    for (const o of diff.outcomes) lines.push(`| ${mdCell(o.outcome)} | ${mdCell(o.measure)} | ${stateText(o.before)} | ${stateText(o.after)} |`);
    lines.push('');
  }
  if (diff.dta.length > 0) {
    lines.push('### Diagnostic accuracy (bivariate; summary with 95% CI)', '', '| outcome | model | k | sensitivity | specificity |', '|---|---|---|---|---|');
    for (const d of diff.dta) {
      const p = describeDtaParts(d);
      lines.push(`| ${mdCell(d.outcome)} | ${p.model} | ${p.k} | ${p.sensitivity} | ${p.specificity} |`);
    }
    lines.push('');
  }
  if (diff.certainty.length > 0) {
    lines.push('### Certainty of evidence (GRADE)', '');
    for (const c of diff.certainty) lines.push(`- ${mdCell(describeCertaintyShift(c))}`);
    lines.push('');
  }
  const studyTable = (title: string, rows: { slug: string; title: string; status: string | null; extra?: string }[]) => {
    if (rows.length === 0) return;
    lines.push(`### ${title}`, '', '| study | status | |', '|---|---|---|');
    for (const r of rows) lines.push(`| ${mdCell(r.title)} (\`${mdCell(r.slug)}\`) | ${r.status ?? 'invalid'} | ${mdCell(r.extra ?? '')} |`);
    lines.push('');
  };
  studyTable('Studies added', diff.added);
  studyTable('Studies removed', diff.removed);
  studyTable('Studies changed', diff.changed.map((c) => ({ ...c, extra: `${c.renamedFrom ? `renamed from ${c.renamedFrom}; ` : ''}${c.fields.join(', ')}` })));

  if (estimates.length > 0) {
    lines.push('### Estimates', '', '| study | outcome | measure | label | before | after | quote |', '|---|---|---|---|---|---|---|');
    for (const e of estimates) {
      const quote = e.after?.quote ?? e.before?.quote ?? '';
      const quoteCell = e.before && e.after && e.before.quote !== e.after.quote ? `${mdCell(e.before.quote)} → ${mdCell(e.after.quote)}` : mdCell(quote);
      lines.push(`| \`${mdCell(e.slug)}\` | ${mdCell(e.outcome)} | ${mdCell(e.measure)} | ${mdCell(e.label)} | ${mdCell(estimateText(e.before))} | ${mdCell(estimateText(e.after))} | ${quoteCell} |`);
    }
    lines.push('');
  }
  if (diff.protocol.length > 0) lines.push(`Protocol (content/review.yaml) changed: ${diff.protocol.map(mdCell).join(', ')}.`, '');
  if (diff.searches.length > 0) lines.push(`New searches: ${diff.searches.map((s) => `${mdCell(s.source)} (${s.date}, ${s.records} records)`).join('; ')}.`, '');
  return lines.join('\n');
}
