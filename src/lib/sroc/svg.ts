/**
 * Renders an SrocLayout as an accessible SVG string. Every text and attribute value goes through
 * escapeXml (forest/markup.ts). Only greys are used, and the confidence region (dashed), prediction
 * region (dotted) and curve (solid) differ by line pattern, so the figure reads in greyscale and
 * rasterises to an 8-bit grey PNG.
 */
import { escapeXml } from '../forest/escape.ts';
import { el, FONT_STACK, line, safeId, txt } from '../forest/markup.ts';
import { round2 } from '../forest/text.ts';
import { innerGridX, innerGridY, xTicks, yAxisLabel, yTicks } from '../figures/svg-axis.ts';
import { svgDocument } from '../figures/svg-document.ts';
import type { SrocLayout, SrocLayoutStudy, SrocLegendItem } from './types.ts';

/** Stroke patterns of the regions, shared by the plot and its legend. */
export const SROC_STROKES = {
  confidence: { stroke: '#000', 'stroke-width': 1.5, 'stroke-dasharray': '6 3', fill: 'none' },
  prediction: { stroke: '#000', 'stroke-width': 1.5, 'stroke-dasharray': '1.5 3', 'stroke-linecap': 'round', fill: 'none' },
  curve: { stroke: '#000', 'stroke-width': 1.75, fill: 'none' },
  chance: { stroke: '#999', 'stroke-width': 1 },
} as const;

const STUDY = { fill: '#000', 'fill-opacity': 0.12, stroke: '#000', 'stroke-width': 1 } as const;
const SUMMARY = { fill: '#000', stroke: '#fff', 'stroke-width': 1.5 } as const;

function summaryMark(x: number, y: number, half: number): string {
  const d = `M${x} ${round2(y - half)}L${round2(x + half)} ${y}L${x} ${round2(y + half)}L${round2(x - half)} ${y}Z`;
  return el('path', { class: 'sroc-summary-mark', d, ...SUMMARY });
}

function renderStudy(s: SrocLayoutStudy): string {
  const circle = el('circle', { class: 'sroc-study-point', cx: s.cx, cy: s.cy, r: s.r, ...STUDY });
  const inner = el('title', {}, escapeXml(s.textAlt)) + (s.href ? el('a', { href: s.href, class: 'sroc-link', 'aria-label': s.textAlt }, circle) : circle);
  return el('g', { class: 'sroc-study', 'data-study-id': s.id }, inner);
}

function legendSymbol(item: SrocLegendItem, w: number, small: number): string {
  const { x, y } = item;
  const mid = round2(x + w / 2);
  const yy = round2(y - small * 0.35);
  switch (item.kind) {
    case 'study':
      return el('circle', { cx: mid, cy: yy, r: round2(small * 0.45), ...STUDY });
    case 'summary':
      return summaryMark(mid, yy, round2(small * 0.5));
    case 'confidence':
    case 'prediction':
    case 'curve':
      return line(x, yy, round2(x + w), yy, SROC_STROKES[item.kind]);
    case 'chance':
      return line(x, yy, round2(x + w), yy, SROC_STROKES.chance);
  }
}

function renderAxes(L: SrocLayout): string {
  const { x0, y0, size } = L.plot;
  const x1 = round2(x0 + size);
  const y1 = round2(y0 + size);
  const xs = L.xAxis.ticks.map((t) => ({ x: t.pos, y: t.pos, value: t.value, label: t.label }));
  const ys = L.yAxis.ticks.map((t) => ({ x: t.pos, y: t.pos, value: t.value, label: t.label }));
  const grid = innerGridX(xs, y0, y1, { stroke: '#e6e6e6' }) + innerGridY(ys, x0, x1, { stroke: '#e6e6e6' });
  const style = (anchor: string) => ({ length: 4, tick: { class: 'sroc-tick', stroke: '#000' }, label: { class: 'sroc-tick-label', 'text-anchor': anchor, 'font-size': L.fonts.tick, fill: '#000' } });
  const ticks = xTicks(xs, y1, L.xAxis.tickLabelY, style('middle')) + yTicks(ys, x0, L.yAxis.tickLabelX, L.fonts.tick * 0.35, style('end'));
  const frame = el('rect', { class: 'sroc-frame', x: x0, y: y0, width: size, height: size, fill: 'none', stroke: '#000' });
  const label = { class: 'sroc-axis-label', 'text-anchor': 'middle', 'font-size': L.fonts.axis, fill: '#000' };
  const xLabel = txt(L.xAxis.labelX, L.xAxis.labelY, L.xAxis.label, label);
  const yLabel = yAxisLabel(L.yAxis.labelX, L.yAxis.labelY, L.yAxis.label, label);
  return el('g', { class: 'sroc-grid', 'aria-hidden': 'true' }, grid) + el('g', { class: 'sroc-axes' }, frame + ticks + xLabel + yLabel);
}

function standaloneCss(): string {
  return [`.sroc-plot text{font-family:${FONT_STACK}}`, '.sroc-plot .sroc-link:focus-visible circle{stroke-width:3}'].join('');
}

/** Renders the layout as an accessible SVG string (inline by default; standalone adds xmlns, size, a style block and a white background). */
export function srocSvg(layout: SrocLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  let inner = renderAxes(L);
  const d = L.diagonal;
  inner += line(d.x1, d.y1, d.x2, d.y2, { class: 'sroc-chance', ...SROC_STROKES.chance });
  if (L.predictionRegion) inner += el('path', { class: 'sroc-prediction-region', d: L.predictionRegion.d, ...SROC_STROKES.prediction });
  if (L.confidenceRegion) inner += el('path', { class: 'sroc-confidence-region', d: L.confidenceRegion.d, ...SROC_STROKES.confidence });
  if (L.curve) inner += el('path', { class: 'sroc-curve', d: L.curve.d, ...SROC_STROKES.curve });
  inner += el('g', { class: 'sroc-studies' }, L.studies.map(renderStudy).join(''));
  if (L.summary) {
    const s = L.summary;
    inner += el('g', { class: 'sroc-summary' }, el('title', {}, escapeXml(s.textAlt)) + summaryMark(s.cx, s.cy, round2(L.fonts.tick * 0.55)));
  }
  const legend = L.legend.items
    .map((item) => el('g', { class: `sroc-legend-item sroc-legend-${item.kind}` }, legendSymbol(item, L.legend.symbolWidth, L.fonts.legend) + txt(item.textX, item.y, item.text, { 'font-size': L.fonts.legend, fill: '#000' })))
    .join('');
  inner += el('g', { class: 'sroc-legend' }, legend);
  if (L.note) {
    const n = L.note;
    inner += el('g', { class: 'sroc-note' }, n.lines.map((t, i) => txt(n.x, round2(n.y + i * n.lineHeight), t, { 'font-size': L.fonts.note, fill: '#333', 'font-style': 'italic' })).join(''));
  }
  // Inline, the width is a ceiling: figures.css scales the plot down, never below minRenderedWidth.
  const doc = { className: 'sroc-plot', id: safeId(opts.idPrefix ?? 'sroc', 'sroc'), standalone: opts.standalone === true, css: standaloneCss(), background: 'sroc-background', fontSize: L.fonts.tick };
  return svgDocument({ ...L, ...doc, role: L.studies.some((s) => s.href) ? 'group' : 'img' }, inner);
}
