/**
 * Renders the traffic-light and summary layouts as accessible SVG strings. Every text and
 * attribute value goes through escapeXml (forest/markup.ts), so study labels cannot inject markup;
 * no style attributes (the Content-Security-Policy forbids them), presentation attributes only.
 */
import { escapeXml } from '../forest/escape.ts';
import { el, FONT_STACK, line, safeId, txt } from '../forest/markup.ts';
import { ROB_STYLES, renderRobMark } from './marks.ts';
import { bottomAxis } from '../figures/svg-axis.ts';
import { svgDocument } from '../figures/svg-document.ts';
import type { RobLegendItem, RobSummaryLayout, TrafficLightLayout } from './types.ts';

function legendItems(items: readonly RobLegendItem[]): string {
  return items.map((it) => renderRobMark(it.mark, 'rob-legend-mark') + txt(it.x, it.y, it.text, { class: 'rob-legend-text', fill: '#000' })).join('');
}

function document(cls: string, L: { title: string; description: string; width: number; height: number; viewBox: string }, opts: { idPrefix?: string; standalone?: boolean }, fallbackId: string, role: 'img' | 'group', inner: string): string {
  const doc = { className: `rob-plot ${cls}`, id: safeId(opts.idPrefix ?? fallbackId, 'rob'), standalone: opts.standalone === true, css: `.${cls} text{font-family:${FONT_STACK}}`, background: 'rob-background', role, fontSize: 12 };
  return svgDocument({ ...L, ...doc }, inner);
}

/** Renders a traffic-light layout (inline by default; standalone adds xmlns, size, a style block and a white background). */
export function renderTrafficLightSvg(layout: TrafficLightLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  let inner = el('g', { class: 'rob-header' }, L.header.cells.map((c) => el('text', { x: c.x, y: L.header.y, fill: '#000', 'font-weight': 'bold', 'text-anchor': 'middle' }, el('title', {}, escapeXml(c.full)) + escapeXml(c.text))).join(''));
  const g = L.grid;
  let grid = '';
  L.rows.forEach((r, i) => {
    if (i % 2 === 1) grid += el('rect', { class: 'rob-stripe', x: 0, y: r.y - 14, width: L.width, height: 28, fill: '#f3f3f3' });
  });
  if (g.separatorX !== null) grid += line(g.separatorX, g.y0, g.separatorX, g.y1, { class: 'rob-separator', stroke: '#999' });
  inner += el('g', { class: 'rob-grid' }, grid);
  if (L.message) inner += txt(L.message.x, L.message.y, L.message.text, { class: 'rob-message', fill: '#555', 'font-style': 'italic' });
  const rows = L.rows.map((r) => {
    const label = txt(8, r.textY, r.label, { class: 'rob-label', fill: r.href ? '#0b57d0' : '#000', 'text-decoration': r.href ? 'underline' : undefined });
    let row = el('title', {}, escapeXml(r.textAlt));
    row += r.href ? el('a', { href: r.href, class: 'rob-link' }, label) : label;
    row += r.marks.map((m) => renderRobMark(m)).join('');
    return el('g', { class: 'rob-row', 'data-row-id': r.id }, row);
  });
  inner += el('g', { class: 'rob-rows' }, rows.join(''));
  let legend = txt(L.legend.heading.x, L.legend.heading.y, L.legend.heading.text, { class: 'rob-legend-heading', fill: '#000', 'font-weight': 'bold' });
  legend += L.legend.domains.map((d) => txt(d.x, d.y, d.text, { class: 'rob-legend-text', fill: '#000' })).join('');
  legend += legendItems(L.legend.levels);
  inner += el('g', { class: 'rob-legend' }, legend);
  return document('rob-traffic-light', L, opts, 'rob-traffic', L.rows.some((r) => r.href) ? 'group' : 'img', inner);
}

/** Renders a summary bar layout (inline by default; standalone adds xmlns, size, a style block and a white background). */
export function renderRobSummarySvg(layout: RobSummaryLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  let inner = '';
  if (L.message) inner += txt(L.message.x, L.message.y, L.message.text, { class: 'rob-message', fill: '#555', 'font-style': 'italic' });
  const bars = L.bars.map((b) => {
    let bar = el('title', {}, escapeXml(b.textAlt));
    bar += txt(8, b.textY, b.label, { class: 'rob-label', fill: '#000' });
    for (const s of b.segments) {
      const st = ROB_STYLES[s.level];
      bar += el('rect', { class: `rob-segment rob-${s.level}`, x: s.x, y: b.y, width: s.width, height: b.height, fill: st.fill, stroke: st.stroke, 'stroke-width': 0.75, 'stroke-dasharray': st.dash ?? undefined });
      if (s.text) bar += txt(s.textX, b.textY, s.text, { class: 'rob-segment-text', fill: st.symbolFill, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 'bold' });
    }
    return el('g', { class: 'rob-bar', 'data-domain': b.short }, bar);
  });
  inner += el('g', { class: 'rob-bars' }, bars.join(''));
  const a = L.axis;
  const classes = { line: 'rob-axis-line', tickLabel: 'rob-tick-label', label: 'rob-axis-label' };
  inner += el('g', { class: 'rob-axis' }, bottomAxis({ ...a, tickLength: 5, tickLabelY: a.y + 18, fontSize: 11, labelX: (a.x0 + a.x1) / 2, classes }));
  inner += el('g', { class: 'rob-legend' }, legendItems(L.legend));
  return document('rob-summary', L, opts, 'rob-summary', 'img', inner);
}
