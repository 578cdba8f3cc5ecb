/**
 * Renders a FunnelLayout as an accessible SVG string, in greys only (the centre solid, the pseudo
 * confidence limits dashed, the line of no effect dotted), so it reads in print and greyscale.
 * Every text and attribute value goes through escapeXml (forest/markup.ts).
 */
import { escapeXml } from '../forest/escape.ts';
import { el, FONT_STACK, line, safeId, txt } from '../forest/markup.ts';
import { round2 } from '../forest/text.ts';
import { xTicks, yAxisLabel, yTicks } from '../figures/svg-axis.ts';
import { svgDocument } from '../figures/svg-document.ts';
import type { FunnelLayout } from './types.ts';

const CENTRE = { stroke: '#000', 'stroke-width': 1.25 } as const;
const LIMITS = { stroke: '#000', 'stroke-width': 1, 'stroke-dasharray': '5 3' } as const;

/** Renders the layout (inline by default; standalone adds xmlns, size, a style block and a white background). */
export function renderFunnelSvg(layout: FunnelLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  let inner = '';
  if (L.region) {
    inner += el('polygon', { class: 'funnel-region', points: L.region.pointsAttr, fill: '#000', 'fill-opacity': 0.06, stroke: 'none' });
    inner += line(...L.region.left, { class: 'funnel-limit', ...LIMITS });
    inner += line(...L.region.right, { class: 'funnel-limit', ...LIMITS });
  }
  if (L.nullLine) inner += line(L.nullLine.x, L.nullLine.y1, L.nullLine.x, L.nullLine.y2, { class: 'funnel-null', stroke: '#777', 'stroke-dasharray': '1.5 3' });
  if (L.centre) inner += line(L.centre.x, L.centre.y1, L.centre.x, L.centre.y2, { class: 'funnel-centre', ...CENTRE });
  if (L.message) inner += txt(L.message.x, L.message.y, L.message.text, { class: 'funnel-message', fill: '#555', 'font-style': 'italic' });
  inner += el('g', { class: 'funnel-points' }, pointsSvg(L));
  inner += el('g', { class: 'funnel-axes' }, axesSvg(L));
  inner += el('g', { class: 'funnel-legend' }, legendSvg(L));
  const doc = { className: 'funnel-plot', id: safeId(opts.idPrefix ?? 'funnel', 'funnel'), standalone: opts.standalone === true, css: `.funnel-plot text{font-family:${FONT_STACK}}`, background: 'funnel-background', fontSize: 12 };
  return svgDocument({ ...L, ...doc, role: L.points.some((p) => p.href) ? 'group' : 'img' }, inner);
}

/** The studies: a dot each, in a link when the study has a page. */
function pointsSvg(L: FunnelLayout): string {
  return L.points
    .map((p) => {
      const dot = el('circle', { class: 'funnel-point', cx: p.cx, cy: p.cy, r: 4, fill: '#333', 'fill-opacity': 0.75, stroke: '#fff', 'stroke-width': 0.75 });
      return el('g', { class: 'funnel-study', 'data-study-id': p.id }, el('title', {}, escapeXml(p.textAlt)) + (p.href ? el('a', { href: p.href, class: 'funnel-link', 'aria-label': p.textAlt }, dot) : dot));
    })
    .join('');
}

/** Axes: x at the bottom, y (SE, 0 at the top) at the left, with ticks and titles. */
function axesSvg(L: FunnelLayout): string {
  const { x0, x1, y0, y1 } = L.plot;
  const style = (anchor: string) => ({ length: 5, tick: { stroke: '#000' }, label: { class: 'funnel-tick-label', fill: '#000', 'text-anchor': anchor, 'font-size': 11 } });
  let axes = line(x0, y1, x1, y1, { stroke: '#000' }) + line(x0, y0, x0, y1, { stroke: '#000' });
  axes += xTicks(L.xAxis.ticks, y1, L.xAxis.tickLabelY, style('middle')) + yTicks(L.yAxis.ticks, x0, round2(x0 - 8), 4, style('end'));
  const label = { class: 'funnel-axis-label', fill: '#000', 'text-anchor': 'middle' };
  axes += txt(round2((x0 + x1) / 2), L.xAxis.labelY, L.xAxis.label, label);
  return axes + yAxisLabel(L.yAxis.labelX, round2((y0 + y1) / 2), L.yAxis.label, label);
}

/** The legend: a line sample and its text per item. */
function legendSvg(L: FunnelLayout): string {
  let legend = '';
  for (const item of L.legend) {
    const sy = round2(item.y - 4);
    legend += line(item.x, sy, round2(item.x + 24), sy, { class: `funnel-legend-${item.kind}`, ...(item.kind === 'centre' ? CENTRE : LIMITS) });
    legend += txt(round2(item.x + 30), item.y, item.text, { class: 'funnel-legend-text', fill: '#000' });
  }
  return legend;
}
