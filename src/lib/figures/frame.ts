/**
 * The frame every figure kind shares, as HTML: the graphic (an SVG from the kind's renderer) in
 * its box, the caption (title and text), the plotted values as a table (the text alternative),
 * what was left out and why, and a place for "Take this figure". The Astro components and Explore
 * draw figures with it, so a figure reads the same on every page; src/styles/figures.css styles
 * it. Each element carries a shared class (`figure-frame`, `figure-graphic`, …) for the stylesheet
 * and the kind's own (`forest`, `forest-graphic`, …) for scripts and tests.
 */
import { attributes, h, raw, toHtml, type Html, type HtmlAttrs } from './html.ts';

/** One row of the table of plotted values: cells before the row header (e.g. a subgroup), the header (a link when `href`), the value cells. */
export interface FrameRow {
  label: string;
  href?: string | undefined;
  cells: readonly string[];
  lead?: readonly string[];
  /** The row's class (pooled, summary), none when undefined. */
  className?: string | undefined;
}

/** The table of plotted values: column headers and rows; `empty`, when given, stands in for a table without rows. */
export interface FrameTable {
  head: readonly string[];
  rows: readonly FrameRow[];
  empty?: string;
}

/** An item left out of the graphic (a row, a study) and why. */
export interface FrameSkipped {
  id: string;
  label: string;
  reason: string;
}

/** Where a figure sits on its page: the figure element's id and registry id, its SVG's id prefix, more classes and attributes. */
export interface FigurePlace {
  id?: string | undefined;
  /** The registry id (data-figure-id), for "Take this figure". */
  figureId?: string | undefined;
  /** Prefix of the SVG's ids; by default the figure's id, else the kind and a slug of the title (svgIdPrefix). */
  idPrefix?: string | undefined;
  /** More classes on the figure element (e.g. explore-forest). */
  className?: string | undefined;
  /** More attributes of the figure element (data-…), after its id and registry id. */
  attrs?: HtmlAttrs | undefined;
  /** Caption text after the title. */
  caption?: string | undefined;
}

/** What a figure kind hands the frame. */
export interface FigureFrame {
  /** The kind's class prefix: forest, sroc, paired, appraisal… */
  kind: string;
  place: FigurePlace;
  /** The graphic: an SVG string whose renderer escaped its text and attributes. */
  svg: string;
  /** A figure that keeps its own size: its box is a focusable region that scrolls sideways on a narrow screen. */
  scrolls?: boolean;
  title: string;
  /** Text after the title in the caption. */
  caption?: string | undefined;
  table: FrameTable;
  skipped: readonly FrameSkipped[];
  /** The line above the skipped list; "Not plotted:" unless given. */
  skippedHeading?: string;
}

/** The frame's markup before the "take this figure" slot, and after it. */
export interface FrameParts {
  open: string;
  close: string;
}

const cls = (kind: string, part: string) => `${kind}-${part} figure-${part}`;

function valuesTable(t: FrameTable): Html {
  if (t.rows.length === 0 && t.empty !== undefined) return h('p', {}, t.empty);
  const head = h('thead', {}, h('tr', {}, t.head.map((c) => h('th', { scope: 'col' }, c))));
  const rows = t.rows.map((r) =>
    h('tr', { class: r.className }, (r.lead ?? []).map((c) => h('td', {}, c)), h('th', { scope: 'row' }, r.href ? h('a', { href: r.href }, r.label) : r.label), r.cells.map((c) => h('td', {}, c))),
  );
  return h('table', {}, head, h('tbody', {}, rows));
}

function skippedList(f: FigureFrame): Html | null {
  if (f.skipped.length === 0) return null;
  const items = f.skipped.map((s) => h('li', {}, `${s.label || s.id}: ${s.reason}`));
  return h('div', { class: cls(f.kind, 'skipped') }, h('p', {}, f.skippedHeading ?? 'Not plotted:'), h('ul', {}, items));
}

/** The frame as two strings: put "Take this figure" (or nothing) between `open` and `close`. */
export function figureFrameParts(f: FigureFrame): FrameParts {
  const k = f.kind;
  const box = f.scrolls ? { tabindex: '0', role: 'region', 'aria-label': `${f.title} (scrolls sideways on narrow screens)` } : {};
  const graphic = h('div', { class: cls(k, 'graphic'), ...box }, raw(f.svg));
  const title = h('span', { class: cls(k, 'title') }, f.title);
  const caption = h('figcaption', {}, title, f.caption ? [' ', h('span', { class: cls(k, 'description') }, f.caption)] : null);
  const table = h('details', { class: cls(k, 'table') }, h('summary', {}, 'Table of the plotted values'), valuesTable(f.table));
  const { id, figureId, className, attrs } = f.place;
  const figureAttrs = attributes({ class: [k, 'figure-frame', className].filter(Boolean).join(' '), id, 'data-figure-id': figureId, ...attrs });
  return { open: `<figure${figureAttrs}>${toHtml(graphic, caption, table, skippedList(f))}`, close: '</figure>' };
}

/** The whole frame as one string, with `take` (markup) in the slot. */
export function renderFigureFrame(f: FigureFrame, take = ''): string {
  const { open, close } = figureFrameParts(f);
  return open + take + close;
}

/** The prefix of a figure's SVG ids: the place's idPrefix or id, else the kind and a slug of the title. */
export function svgIdPrefix(kind: string, title: string, place: FigurePlace): string {
  if (place.idPrefix !== undefined) return place.idPrefix;
  if (place.id !== undefined) return place.id;
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${kind}-${slug || 'plot'}`;
}
