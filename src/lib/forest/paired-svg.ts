/**
 * Renders a PairedForestLayout as an accessible SVG string (black and grey only, every text and
 * attribute escaped by forest/markup.ts). Inline, the SVG keeps its own size: the page scrolls it
 * sideways on a narrow screen instead of shrinking its text below 11 px.
 */
import { escapeXml } from './escape.ts';
import { el, FONT_STACK, line, safeId, txt } from './markup.ts';
import { round2 } from './text.ts';
import { renderRobMark } from '../rob/marks.ts';
import { bottomAxis, innerGridX } from '../figures/svg-axis.ts';
import { svgDocument } from '../figures/svg-document.ts';
import type { PairedForestLayout, PairedForestLayoutRow, PairedForestLayoutSummary, PairedPlotColumn, PairedSide } from './paired-types.ts';

function sideMarks(s: PairedSide, y: number, cls: string): string {
  let out = '';
  if (s.ci) out += line(s.ci.x1, y, s.ci.x2, y, { class: `${cls}-ci`, stroke: '#000', 'stroke-width': 1.25 });
  if (s.square) {
    const h = s.square.size / 2;
    out += el('rect', { class: `${cls}-square`, x: round2(s.square.x - h), y: round2(y - h), width: s.square.size, height: s.square.size, fill: '#000' });
  }
  return out;
}

function renderRow(r: PairedForestLayoutRow, L: PairedForestLayout): string {
  const c = L.columns;
  const label = txt(c.label.x, r.labelY, r.label, { class: 'paired-label', fill: r.href ? '#0b57d0' : '#000', 'text-decoration': r.href ? 'underline' : undefined });
  let inner = el('title', {}, escapeXml(r.textAlt));
  inner += r.href ? el('a', { href: r.href, class: 'paired-link' }, label) : label;
  if (r.sublabel) inner += txt(c.label.x, r.sublabel.y, r.sublabel.text, { class: 'paired-sublabel', fill: '#555', 'font-size': L.fonts.small });
  for (const col of c.counts) inner += txt(col.x, r.textY, String(r.counts[col.key]), { class: 'paired-count', fill: '#000', 'text-anchor': 'end' });
  inner += txt(c.sensText.x, r.textY, r.sens.text, { class: 'paired-value', fill: r.sens.estimate === null ? '#555' : '#000' });
  inner += txt(c.specText.x, r.textY, r.spec.text, { class: 'paired-value', fill: r.spec.estimate === null ? '#555' : '#000' });
  inner += sideMarks(r.sens, r.y, 'paired-sens') + sideMarks(r.spec, r.y, 'paired-spec');
  if (r.rob) inner += r.rob.map((m) => renderRobMark(m, 'paired-rob-mark')).join('');
  return el('g', { class: 'paired-row', 'data-row-id': r.id }, inner);
}

function renderSummary(s: PairedForestLayoutSummary, L: PairedForestLayout): string {
  const c = L.columns;
  let inner = el('title', {}, escapeXml(s.textAlt));
  inner += txt(c.label.x, s.textY, s.label, { class: 'paired-label', fill: '#000', 'font-weight': 'bold' });
  if (s.sublabel) inner += txt(c.label.x, s.sublabel.y, s.sublabel.text, { class: 'paired-sublabel', fill: '#555', 'font-size': L.fonts.small });
  const textY = round2(s.y + L.fonts.text * 0.35);
  inner += txt(c.sensText.x, textY, s.sens.text, { class: 'paired-value', fill: '#000', 'font-weight': 'bold' });
  inner += txt(c.specText.x, textY, s.spec.text, { class: 'paired-value', fill: '#000', 'font-weight': 'bold' });
  inner += el('polygon', { class: 'paired-diamond', points: s.sens.diamond.pointsAttr, fill: '#000', stroke: '#000' });
  inner += el('polygon', { class: 'paired-diamond', points: s.spec.diamond.pointsAttr, fill: '#000', stroke: '#000' });
  return el('g', { class: 'paired-summary' }, inner);
}

function renderPlotColumn(col: PairedPlotColumn, L: PairedForestLayout): string {
  const { y0, y1 } = L.body;
  const mid = round2((col.x0 + col.x1) / 2);
  let inner = txt(mid, L.header.y, col.title, { class: 'paired-header', fill: '#000', 'font-weight': 'bold', 'text-anchor': 'middle' });
  inner += innerGridX(col.ticks, y0, y1, { class: 'paired-grid', stroke: '#e6e6e6' });
  const classes = { line: 'paired-axis-line', tick: 'paired-tick', tickLabel: 'paired-tick-label', label: 'paired-axis-label' };
  inner += bottomAxis({ ...L.axis, x0: col.x0, x1: col.x1, ticks: col.ticks, tickLength: 4, fontSize: L.fonts.small, label: col.title, labelX: mid, classes });
  return el('g', { class: 'paired-plot' }, inner);
}

/** Renders the layout as an accessible SVG string (inline by default; standalone adds xmlns, a style block and a white background). */
export function pairedForestSvg(layout: PairedForestLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  const c = L.columns;
  const bold = { class: 'paired-header', fill: '#000', 'font-weight': 'bold' };
  let header = txt(c.label.x, L.header.y, L.header.study, bold);
  for (const col of c.counts) header += txt(col.x, L.header.y, col.header, { ...bold, 'text-anchor': 'end' });
  header += txt(c.sensText.x, L.header.y, L.header.sensText, bold) + txt(c.specText.x, L.header.y, L.header.specText, bold);
  if (L.rob) {
    for (const h of L.rob.cells) header += el('text', { x: h.x, y: L.header.y, class: 'paired-header paired-rob-header', fill: '#000', 'font-weight': 'bold', 'text-anchor': 'middle' }, el('title', {}, escapeXml(h.full)) + escapeXml(h.text));
  }
  let inner = el('g', { class: 'paired-headers' }, header);
  inner += renderPlotColumn(c.sens, L) + renderPlotColumn(c.spec, L);
  if (L.message) inner += txt(L.message.x, L.message.y, L.message.text, { class: 'paired-message', fill: '#555', 'font-style': 'italic' });
  inner += el('g', { class: 'paired-rows' }, L.rows.map((r) => renderRow(r, L)).join(''));
  if (L.summaries.length > 0) inner += el('g', { class: 'paired-summaries' }, L.summaries.map((s) => renderSummary(s, L)).join(''));
  // Inline too the plot keeps its size (width and height): it scrolls rather than shrinks.
  const doc = { className: 'paired-forest-plot', id: safeId(opts.idPrefix ?? 'paired-forest', 'paired'), standalone: opts.standalone === true, fixedHeight: true, css: `.paired-forest-plot text{font-family:${FONT_STACK}}`, background: 'paired-background', fontSize: L.fonts.text };
  return svgDocument({ ...L, ...doc, role: L.rows.some((r) => r.href) ? 'group' : 'img' }, inner);
}
