/**
 * The forest plot as a figure (figures/frame.ts): laid out by layoutForest, drawn by
 * renderForestSvg, its plotted values as a table (a Subgroup column on subgroup plots, a Weight
 * column when some row has a weight) and the rows it could not plot. ForestPlot.astro and
 * Explore (explore/render.ts) both draw it.
 */
import { svgIdPrefix, type FigureFrame, type FigurePlace } from '../figures/frame.ts';
import { layoutForest, type ForestOptions, type ForestRow } from './layout.ts';
import { renderForestSvg } from './svg.ts';
import { forestTableRows } from './table.ts';

/** The forest plot of `rows` as a figure frame (put "Take this figure" in its slot). */
export function forestFigure(rows: ForestRow[], options: ForestOptions, place: FigurePlace = {}): FigureFrame {
  const layout = layoutForest(rows, options);
  const svg = renderForestSvg(layout, { idPrefix: svgIdPrefix('forest', options.title, place) });
  const table = forestTableRows(layout);
  const hasWeights = table.some((r) => r.weight !== '');
  const hasSubgroups = table.some((r) => r.subgroup !== undefined);
  const head = [...(hasSubgroups ? ['Subgroup'] : []), 'Estimate', layout.measure, 'CI', ...(hasWeights ? ['Weight'] : [])];
  return {
    kind: 'forest',
    place,
    svg,
    title: layout.title,
    caption: place.caption ?? options.description,
    table: {
      head,
      empty: 'No estimates.',
      rows: table.map((r) => ({
        label: r.label,
        href: r.href,
        lead: hasSubgroups ? [r.subgroup ?? ''] : [],
        cells: [r.value, r.ci, ...(hasWeights ? [r.weight] : [])],
        className: r.pooled ? 'pooled' : undefined,
      })),
    },
    skipped: layout.skipped,
  };
}
