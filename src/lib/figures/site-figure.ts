/**
 * Any figure of the site: a forest plot (registry.ts; a subgroup forest plot is a forest plot of
 * kind "subgroup" with its own CSV and R script, subgroup-registry.ts), a diagnostic-accuracy
 * figure (an SROC or paired forest plot, dta-registry.ts) or an appraisal figure (risk-of-bias
 * traffic light and summary, funnel plot: appraisal-registry.ts). The figure routes, embed pages
 * and "Take this figure" links handle every kind through these functions.
 */
import type { Figure } from './registry.ts';
import type { DtaFigure } from './dta-types.ts';
import type { AppraisalFigure } from './appraisal-types.ts';
import { portableLayout, standaloneSvg } from './standalone.ts';
import { dtaLayout, dtaStandaloneSvg } from './dta-standalone.ts';
import { appraisalStandaloneSvg } from './appraisal-standalone.ts';
import { figureCsv } from './csv.ts';
import { dtaFigureCsv } from './dta-csv.ts';
import { isSubgroupFigure } from './subgroup-registry.ts';
import { subgroupFigureCsv } from './subgroup-csv.ts';
import { appraisalCsv } from './appraisal-csv.ts';

/** A figure of any kind. */
export type SiteFigure = Figure | DtaFigure | AppraisalFigure;

/** Whether a figure is an SROC or paired forest plot. */
export function isDtaFigure(f: SiteFigure): f is DtaFigure {
  return f.kind === 'sroc' || f.kind === 'paired-forest';
}

/** Whether a figure is a risk-of-bias traffic-light or summary plot, or a funnel plot. */
export function isAppraisalFigure(f: SiteFigure): f is AppraisalFigure {
  return f.kind === 'rob-traffic-light' || f.kind === 'rob-summary' || f.kind === 'funnel';
}

/**
 * Whether the site writes a figure's files (/figures/<id>.svg|png|pdf|csv|R) and embed page
 * (/embed/<id>/): every figure but a study's own plots, whose SVG, PNG, CSV and R script the
 * reader's browser makes from the study page (src/client/figure-downloads.ts), so a study adds
 * one page to the site, not two dozen files.
 */
export function hasFigureFiles(f: Pick<SiteFigure, 'kind'>): boolean {
  return f.kind !== 'study';
}

/** Whether a figure is a forest plot (study, outcome or headline). */
export function isForestFigure(f: SiteFigure): f is Figure {
  return !isDtaFigure(f) && !isAppraisalFigure(f);
}

/** The rows a figure draws (its studies, plus the summary row of a DTA figure; the bars of a summary plot), which decide whether it gets a PNG. */
export function figureRowCount(f: SiteFigure): number {
  if (isDtaFigure(f)) return f.studies.length + (f.summary ? 1 : 0);
  if (isAppraisalFigure(f)) return f.kind === 'funnel' ? f.points.length : f.kind === 'rob-summary' ? f.domains.length + 1 : f.studies.length;
  return f.rows.length;
}

/** The standalone SVG document of a figure with its size in CSS px. */
export function figureStandalone(f: SiteFigure): { svg: string; width: number; height: number } {
  if (isDtaFigure(f)) return dtaStandaloneSvg(f);
  if (isAppraisalFigure(f)) return appraisalStandaloneSvg(f);
  const { svg, layout } = standaloneSvg(f);
  return { svg, width: layout.width, height: layout.height };
}

/** The size in CSS px of a figure's portable drawing (files and embeds). */
export function figureSize(f: SiteFigure): { width: number; height: number } {
  if (isDtaFigure(f)) {
    const { width, height } = dtaLayout(f, { portable: true }).layout; // the layout alone: no SVG text to build
    return { width, height };
  }
  if (isAppraisalFigure(f)) {
    const { width, height } = appraisalStandaloneSvg(f);
    return { width, height };
  }
  const { width, height } = portableLayout(f);
  return { width, height };
}

/** The CSV of a figure's data. */
export function figureCsvText(f: SiteFigure): string {
  if (isSubgroupFigure(f)) return subgroupFigureCsv(f);
  if (isDtaFigure(f)) return dtaFigureCsv(f);
  if (isAppraisalFigure(f)) return appraisalCsv(f);
  return figureCsv(f.data);
}

/** What a figure's "CSV" link holds, in a few words. */
export function csvDescription(f: SiteFigure): string {
  if (isSubgroupFigure(f)) return 'each study’s yi/sei and subgroup, then each subgroup’s and the overall pooled estimate';
  if (isDtaFigure(f)) return 'the 2×2 counts, each study’s sensitivity and specificity with exact intervals, and the summary';
  if (f.kind === 'rob-traffic-light') return 'each study’s judgement per domain and overall, with its weight';
  if (f.kind === 'rob-summary') return 'each domain’s share of studies (or of weight) at each level';
  if (f.kind === 'funnel') return f.variant === 'deeks' ? 'each study’s ln DOR and 1/√ESS, and the summary' : 'each estimate’s yi and standard error, and the pooled estimate';
  return 'the plotted values, with yi/sei and the quotes they come from';
}

/** What a figure's "R" link does, in a few words. */
export function rDescription(f: SiteFigure): string {
  if (isAppraisalFigure(f)) return f.kind === 'funnel' && f.variant === 'standard' ? 'draw it in base R (and refit the centre with metafor)' : 'draw it in base R, no packages needed';
  return 'reproduce it with metafor';
}

/** The measure a figure shows, as /figures/index.json lists it. */
export function figureMeasure(f: SiteFigure): string {
  if (isDtaFigure(f)) return 'sensitivity+specificity';
  if (isAppraisalFigure(f)) return f.kind === 'funnel' ? f.measure : f.tool;
  return f.measure;
}
