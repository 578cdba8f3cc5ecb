/**
 * Any figure of the site: a forest plot (registry.ts) or a diagnostic-accuracy figure (an SROC or
 * paired forest plot, dta-registry.ts; a subgroup forest plot is a forest plot of kind "subgroup" with its own CSV and R script). The figure routes, embed pages and "Take this figure"
 * links handle both kinds through these functions.
 */
import type { Figure } from './registry.ts';
import type { DtaFigure } from './dta-types.ts';
import { portableLayout, standaloneSvg } from './standalone.ts';
import { dtaStandaloneSvg } from './dta-standalone.ts';
import { figureCsv } from './csv.ts';
import { dtaFigureCsv } from './dta-csv.ts';
import { isSubgroupFigure } from './subgroup-registry.ts';
import { subgroupFigureCsv } from './subgroup-csv.ts';

/** A figure of either kind. */
export type SiteFigure = Figure | DtaFigure;

/** Whether a figure is an SROC or paired forest plot. */
export function isDtaFigure(f: SiteFigure): f is DtaFigure {
  return f.kind === 'sroc' || f.kind === 'paired-forest';
}

/** The rows a figure draws (its studies, plus the summary row of a DTA figure), which decide whether it gets a PNG. */
export function figureRowCount(f: SiteFigure): number {
  return isDtaFigure(f) ? f.studies.length + (f.summary ? 1 : 0) : f.rows.length;
}

/** The standalone SVG document of a figure with its size in CSS px. */
export function figureStandalone(f: SiteFigure): { svg: string; width: number; height: number } {
  if (isDtaFigure(f)) return dtaStandaloneSvg(f);
  const { svg, layout } = standaloneSvg(f);
  return { svg, width: layout.width, height: layout.height };
}

/** The size in CSS px of a figure's portable drawing (files and embeds). */
export function figureSize(f: SiteFigure): { width: number; height: number } {
  if (isDtaFigure(f)) {
    const { width, height } = dtaStandaloneSvg(f);
    return { width, height };
  }
  const { width, height } = portableLayout(f);
  return { width, height };
}

/** The CSV of a figure's data. */
export function figureCsvText(f: SiteFigure): string {
  if (isSubgroupFigure(f)) return subgroupFigureCsv(f);
  return isDtaFigure(f) ? dtaFigureCsv(f) : figureCsv(f.data);
}

/** What a figure's "CSV" link holds, in a few words. */
export function csvDescription(f: SiteFigure): string {
  if (isSubgroupFigure(f)) return 'each study’s yi/sei and subgroup, then each subgroup’s and the overall pooled estimate';
  return isDtaFigure(f) ? 'the 2×2 counts, each study’s sensitivity and specificity with exact intervals, and the summary' : 'the plotted values, with yi/sei and the quotes they come from';
}
