/**
 * The paired forest plot as a figure (figures/frame.ts): laid out by layoutPairedForest, drawn by
 * pairedForestSvg at its own size (its box scrolls sideways on a narrow screen), the counts,
 * sensitivity and specificity per row as a table, and what could not be plotted.
 */
import { svgIdPrefix, type FigureFrame, type FigurePlace } from '../figures/frame.ts';
import { layoutPairedForest, type PairedForestInput, type PairedForestOptions } from './paired.ts';
import { pairedForestSvg } from './paired-svg.ts';
import { pairedForestTableRows } from './paired-table.ts';

/** The paired forest plot of `input` as a figure frame with `caption` after its title (put "Take this figure" in its slot). */
export function pairedForestFigure(input: PairedForestInput, options: PairedForestOptions | undefined, place: FigurePlace = {}): FigureFrame {
  const layout = layoutPairedForest(input, options);
  const pct = Math.round(layout.level * 1000) / 10;
  return {
    kind: 'paired',
    place,
    svg: pairedForestSvg(layout, { idPrefix: svgIdPrefix('paired', input.title, place) }),
    scrolls: true,
    title: layout.title,
    caption: place.caption,
    table: {
      head: ['Study', 'TP', 'FP', 'FN', 'TN', `Sensitivity (${pct}% CI)`, `Specificity (${pct}% CI)`],
      empty: 'No studies.',
      rows: pairedForestTableRows(layout).map((r) => ({ label: r.label, href: r.href, cells: [r.tp, r.fp, r.fn, r.tn, r.sensitivity, r.specificity], className: r.summary ? 'summary' : undefined })),
    },
    skipped: layout.skipped,
  };
}
