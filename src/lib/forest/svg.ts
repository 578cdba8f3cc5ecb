/**
 * Renders a ForestLayout as an accessible SVG string. Every text and attribute value goes through
 * escapeXml, so labels from abstracts cannot inject markup; elements carry CSS classes plus inline
 * presentation attributes so the SVG looks right inline, standalone and in print.
 */
import { escapeXml } from './escape.ts';
import { el, FONT_STACK, line, safeId as safeXmlId, txt, type Attrs } from './markup.ts';
import { renderRobMark } from '../rob/marks.ts';
import { round2 } from './text.ts';
import { bottomAxis } from '../figures/svg-axis.ts';
import { svgDocument } from '../figures/svg-document.ts';
import type { ForestInterval, ForestLayout, ForestLayoutPooled, ForestLayoutRow } from './types.ts';

/** Font stack used for all text in the plot (markup.ts), re-exported for existing importers. */
export { FONT_STACK };

function arrow(tipX: number, y: number, dir: -1 | 1): string {
  const base = round2(tipX - dir * 6);
  const d = `M${tipX} ${y}L${base} ${round2(y - 3.5)}L${base} ${round2(y + 3.5)}Z`;
  return el('path', { class: 'forest-arrow', d, fill: '#000' });
}

function intervalMarks(iv: ForestInterval, y: number, cls: string, a: Attrs): string {
  let out = line(iv.x1, y, iv.x2, y, { class: cls, stroke: '#000', ...a });
  if (iv.arrowLeft) out += arrow(iv.x1, y, -1);
  if (iv.arrowRight) out += arrow(iv.x2, y, 1);
  return out;
}

function renderRow(r: ForestLayoutRow, L: ForestLayout): string {
  const label = txt(L.columns.label.x, r.labelY, r.label, { class: 'forest-label', fill: r.href ? '#0b57d0' : '#000', 'text-decoration': r.href ? 'underline' : undefined });
  let inner = el('title', {}, escapeXml(r.textAlt));
  inner += r.href ? el('a', { href: r.href, class: 'forest-link' }, label) : label;
  if (r.sublabel) inner += txt(L.columns.label.x, r.sublabel.y, r.sublabel.text, { class: 'forest-sublabel', fill: '#555', 'font-size': 11 });
  if (r.ci) inner += intervalMarks(r.ci, r.y, 'forest-ci', { 'stroke-width': 1.25 });
  if (r.point.inDomain && r.square.size > 0) {
    const s = r.square.size;
    inner += el('rect', { class: 'forest-square', x: round2(r.square.x - s / 2), y: round2(r.square.y - s / 2), width: s, height: s, fill: '#000' });
  }
  inner += txt(L.columns.value.x, r.textY, r.valueText, { class: 'forest-value', fill: '#000' });
  if (r.weightText) inner += txt(L.columns.weight.x, r.textY, r.weightText, { class: 'forest-weight', fill: '#000', 'text-anchor': 'end' });
  if (r.rob) inner += r.rob.map((m) => renderRobMark(m, 'forest-rob-mark')).join('');
  return el('g', { class: 'forest-row', 'data-row-id': r.id }, inner);
}

function renderPooled(p: ForestLayoutPooled, L: ForestLayout): string {
  let inner = el('title', {}, escapeXml(p.textAlt));
  inner += txt(L.columns.label.x, p.textY, p.label, { class: 'forest-label', fill: '#000', 'font-weight': 'bold' });
  if (p.statsText) inner += txt(L.columns.label.x, p.subTextY, p.statsText, { class: 'forest-stats', fill: '#555', 'font-size': 11 });
  if (p.pi) {
    inner += intervalMarks(p.pi, p.y, 'forest-pi', { 'stroke-width': 1 });
    for (const [x, off] of [[p.pi.x1, p.pi.arrowLeft], [p.pi.x2, p.pi.arrowRight]] as const) {
      if (!off) inner += line(x, round2(p.y - 4), x, round2(p.y + 4), { class: 'forest-pi-cap', stroke: '#000' });
    }
  }
  inner += el('polygon', { class: 'forest-diamond', points: p.diamond.pointsAttr, fill: '#000', stroke: '#000' });
  inner += txt(L.columns.value.x, p.textY, p.valueText, { class: 'forest-value', fill: '#000', 'font-weight': 'bold' });
  if (p.piText) inner += txt(L.columns.value.x, p.subTextY, p.piText, { class: 'forest-pi-text', fill: '#555', 'font-size': 11 });
  return el('g', { class: 'forest-pooled' }, inner);
}

function renderSubgroups(L: ForestLayout): string {
  return (L.subgroups ?? [])
    .map((g) => {
      let inner = txt(L.columns.label.x, g.y, g.label, { class: 'forest-subgroup-label', fill: '#000', 'font-weight': 'bold', 'font-style': 'italic' });
      if (g.pooled) inner += renderPooled(g.pooled, L);
      return el('g', { class: 'forest-subgroup', 'data-subgroup-id': g.id }, el('title', {}, escapeXml(`Subgroup ${g.labelFull}`)) + inner);
    })
    .join('');
}

function renderAxis(L: ForestLayout): string {
  const { axis } = L;
  const classes = { line: 'forest-axis-line', tick: 'forest-tick', tickLabel: 'forest-tick-label', label: 'forest-axis-label' };
  const labelX = round2((axis.x0 + axis.x1) / 2);
  return el('g', { class: 'forest-axis' }, bottomAxis({ ...axis, tickLength: 5, fontSize: 11, labelX, classes }));
}

function standaloneCss(L: ForestLayout): string {
  // The footnote joins the 11 px rule only in plots that have one, so other standalone SVGs keep their bytes.
  const footnote = L.footnote ? ',.forest-plot .forest-footnote' : '';
  return [
    `.forest-plot text{font-family:${FONT_STACK};font-size:12px}`,
    '.forest-plot .forest-tick-label{font-size:11px}',
    `.forest-plot .forest-sublabel,.forest-plot .forest-stats,.forest-plot .forest-pi-text${footnote}{font-size:11px}`,
    '.forest-plot .forest-link:hover text{text-decoration:none}',
  ].join('');
}

/** Makes a string safe to use as an XML id (letters, digits, "-" and "_", starting with a letter). */
export function safeId(prefix: string): string {
  return safeXmlId(prefix, 'forest');
}

/** Renders the layout as an accessible SVG string (inline by default; standalone adds xmlns, size and a style block). */
export function renderForestSvg(layout: ForestLayout, opts: { idPrefix?: string; standalone?: boolean } = {}): string {
  const L = layout;
  let header = txt(L.columns.value.x, L.header.y, L.header.value, { class: 'forest-header', fill: '#000', 'font-weight': 'bold' });
  if (L.header.weight) {
    header += txt(L.columns.weight.x, L.header.y, L.header.weight, { class: 'forest-header', fill: '#000', 'font-weight': 'bold', 'text-anchor': 'end' });
  }
  if (L.rob) {
    for (const c of L.rob.cells) header += el('text', { x: c.x, y: L.header.y, class: 'forest-header forest-rob-header', fill: '#000', 'font-weight': 'bold', 'text-anchor': 'middle' }, el('title', {}, escapeXml(c.full)) + escapeXml(c.text));
  }
  let inner = el('g', { class: 'forest-headers' }, header);
  if (L.nullLine) {
    const n = L.nullLine;
    inner += line(n.x, n.y1, n.x, n.y2, { class: 'forest-null', stroke: '#555', 'stroke-dasharray': '4 3' });
  }
  if (L.message) inner += txt(L.message.x, L.message.y, L.message.text, { class: 'forest-message', fill: '#555', 'font-style': 'italic' });
  inner += el('g', { class: 'forest-rows' }, L.rows.map((r) => renderRow(r, L)).join(''));
  if (L.subgroups) inner += el('g', { class: 'forest-subgroups' }, renderSubgroups(L));
  if (L.pooled) inner += renderPooled(L.pooled, L);
  if (L.footnote) inner += L.footnote.map((f) => txt(L.columns.label.x, f.y, f.text, { class: 'forest-footnote', fill: '#000', 'font-size': 11 })).join('');
  inner += renderAxis(L);
  const doc = { className: 'forest-plot', id: safeId(opts.idPrefix ?? 'forest'), standalone: opts.standalone === true, css: standaloneCss(L), background: 'forest-background', fontSize: 12 };
  return svgDocument({ ...L, ...doc, role: L.rows.some((r) => r.href) ? 'group' : 'img' }, inner);
}
