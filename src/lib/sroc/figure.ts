/**
 * The SROC plot as a figure (figures/frame.ts): laid out by layoutSroc, drawn by srocSvg, each
 * plotted study's counts and accuracy (then the summary point) as a table, and what could not be
 * plotted. SrocPlot.astro and Explore (explore/render-dta.ts) both draw it.
 */
import { svgIdPrefix, type FigureFrame, type FigurePlace } from '../figures/frame.ts';
import { layoutSroc, type SrocInput, type SrocOptions } from './layout.ts';
import { srocSvg } from './svg.ts';
import { srocTableRows } from './table.ts';

const HEAD = ['Study', 'TP', 'FP', 'FN', 'TN', 'n', 'Sensitivity', 'Specificity', '1 − specificity'];

/** The SROC plot of `input` as a figure frame with `caption` after its title (put "Take this figure" in its slot). */
export function srocFigure(input: SrocInput, options: SrocOptions | undefined, place: FigurePlace = {}): FigureFrame {
  const layout = layoutSroc(input, options);
  return {
    kind: 'sroc',
    place,
    svg: srocSvg(layout, { idPrefix: svgIdPrefix('sroc', input.title, place) }),
    title: layout.title,
    caption: place.caption,
    table: {
      head: HEAD,
      empty: 'No studies.',
      rows: srocTableRows(layout).map((r) => ({ label: r.label, href: r.href, cells: [r.tp, r.fp, r.fn, r.tn, r.n, r.sensitivity, r.specificity, r.fpr], className: r.summary ? 'summary' : undefined })),
    },
    skipped: layout.skipped,
  };
}
