/**
 * Types of a take-away figure's data: the rows a forest plot shows, as published in its CSV
 * and "Reproduce in R" script, and how its pooled estimate (if any) was computed.
 */
import type { Estimate, Measure } from '../schema/index.ts';
import type { PoolMethod, PoolTest, Scale } from '../stats/index.ts';
import type { ForestOptions, ForestRow } from '../forest/types.ts';

/**
 * One plotted row: the estimate's label, measure, value and CI (value and CI on the display
 * scale: percentages converted to proportions) and yi/sei on the pooling scale.
 */
export interface FigureDatum extends Pick<Estimate, 'label' | 'measure' | 'value' | 'ci_low' | 'ci_high' | 'ci_level'> {
  /** Percent weight in the pooled estimate, or null. */
  weight: number | null;
  /** Effect and standard error on the pooling scale, or null when the CI cannot give them. */
  yi: number | null;
  sei: number | null;
  scale: Scale;
  slug: string | null;
  estimate_id: string | null;
  quote: string | null;
  /** Whether the row enters the figure's pooled estimate. */
  pooled: boolean;
  /** Why the row is not pooled, or what it is (e.g. "pooled estimate of 3 studies"); null otherwise. */
  note: string | null;
}

/** The pooled estimate of a figure and the options it was computed with (display scale). */
export interface FigurePooling {
  method: PoolMethod;
  test: PoolTest;
  level: number;
  scale: Scale;
  k: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  tau2: number;
  I2: number;
}

/**
 * Which kind of plot a figure is: one study's estimates, one outcome × measure, the headline
 * (forest plots), the subgroup forest plot of one outcome × measure × characteristic
 * (subgroup-registry.ts), a diagnostic-accuracy figure of one outcome × index test: the SROC plot or
 * the paired forest plot of sensitivity and specificity (dta-types.ts), or an appraisal figure of
 * an outcome (appraisal-types.ts).
 */
export type FigureKind = ForestFigureKind | DtaFigureKind | AppraisalFigureKind;

/** The kinds of forest plots: one study's estimates, one outcome × measure, the headline, a subgroup analysis. */
export type ForestFigureKind = 'study' | 'outcome' | 'headline' | 'subgroup';

/** The kinds of diagnostic-accuracy figures. */
export type DtaFigureKind = 'sroc' | 'paired-forest';

/** The kinds of appraisal figures of an outcome (appraisal-types.ts): risk-of-bias traffic light and summary, funnel plot. */
export type AppraisalFigureKind = 'rob-traffic-light' | 'rob-summary' | 'funnel';

/** What the R-script generator needs to know about a figure. */
export interface FigureScriptInput {
  id: string;
  kind: FigureKind;
  title: string;
  measure: Measure;
  /** Absolute URL of the page the figure appears on. */
  pageUrl: string;
  /** Absolute URL of the figure's CSV (for a study figure, which has no file: where the page makes it). */
  csvUrl: string;
  reviewTitle: string;
  dataVersion: string;
  data: FigureDatum[];
  pooling: FigurePooling | null;
}

/** One forest plot of the site. */
export interface Figure {
  id: string;
  kind: ForestFigureKind;
  title: string;
  /** The title out of its page's context (embeds, snippets): names the study for a study figure. */
  longTitle: string;
  measure: Measure;
  /** Rows for layoutForest as drawn on the page (hrefs point into the site). */
  rows: ForestRow[];
  options: ForestOptions;
  /** The page it appears on, relative to the base path ("studies/<slug>/", "" for the home page). */
  page: string;
  /** The id of the figure element on that page. */
  anchor: string;
  /** The plotted rows with their pooling-scale values and quotes (CSV, R script). */
  data: FigureDatum[];
  /** The pooled estimate and its options, for outcome figures with k ≥ 2. */
  pooling: FigurePooling | null;
}
