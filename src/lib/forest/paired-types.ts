/**
 * Types of the paired forest plot of a diagnostic test (sensitivity and specificity per study,
 * side by side, with the 2×2 counts, as RevMan draws it): studies and optional summary rows go
 * into `layoutPairedForest`, a `PairedForestLayout` (geometry and display text, nothing escaped)
 * comes out and is drawn by `pairedForestSvg` or tabulated by `pairedForestTableRows`.
 */

/** One study's 2×2 table with its label, an optional link and an optional second line. */
export interface PairedForestStudy {
  id: string;
  label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  href?: string;
  sublabel?: string;
}

/** An estimate with its confidence interval: [estimate, lower, upper], proportions in [0, 1]. */
export type PairedInterval = readonly [number, number, number];

/** A summary row drawn as two diamonds, e.g. the bivariate summary or a univariate fallback. */
export interface PairedForestSummary {
  label: string;
  sens: PairedInterval;
  spec: PairedInterval;
  /** e.g. "bivariate model, k = 10"; shown in small type under the label. */
  sublabel?: string;
}

/** What a paired forest plot shows. */
export interface PairedForestInput {
  studies: PairedForestStudy[];
  summaries?: PairedForestSummary[];
  title: string;
}

/** Options of one paired forest plot; all have defaults. */
export interface PairedForestOptions {
  /** Confidence level of the studies' Clopper–Pearson intervals (default 0.95). */
  level?: number;
  /** Decimals in text (default 2). */
  digits?: number;
  /** Width of each of the two plots in px (default 140; 60–400). */
  plotWidth?: number;
  /** Widest the label column gets before labels are shortened with an ellipsis (default 200). */
  maxLabelWidth?: number;
  /** Replaces the generated <desc> text. */
  description?: string;
}

/** One side (sensitivity or specificity) of a study row. */
export interface PairedSide {
  /** Null when not estimable (no participants with, or without, the target condition). */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** e.g. "0.90 [0.78, 0.97]", or "Not estimable". */
  text: string;
  /** e.g. "0.78 to 0.97", or "". */
  ciText: string;
  estimateText: string;
  /** The CI line in px, or null. */
  ci: { x1: number; x2: number } | null;
  /** Square centred on (x, row y) with side `size`, or null. */
  square: { x: number; size: number } | null;
}

/** One drawn study row. */
export interface PairedForestLayoutRow {
  id: string;
  y: number;
  textY: number;
  labelY: number;
  label: string;
  labelFull: string;
  sublabel?: { text: string; y: number };
  href?: string;
  counts: { tp: number; fp: number; fn: number; tn: number };
  sens: PairedSide;
  spec: PairedSide;
  /** e.g. "Smith 2020: TP 45, FP 5, FN 5, TN 95; sensitivity 0.90 (0.78 to 0.97), specificity 0.95 (0.89 to 0.98)". */
  textAlt: string;
}

/** One summary side: its text and a diamond spanning the CI. */
export interface PairedSummarySide {
  estimate: number;
  lower: number;
  upper: number;
  text: string;
  ciText: string;
  estimateText: string;
  diamond: { points: [number, number][]; pointsAttr: string };
}

/** One drawn summary row. */
export interface PairedForestLayoutSummary {
  y: number;
  textY: number;
  label: string;
  labelFull: string;
  /** The sublabel as displayed (shortened) and in full. */
  sublabel?: { text: string; full: string; y: number };
  sens: PairedSummarySide;
  spec: PairedSummarySide;
  textAlt: string;
}

/** A plot column: its x range and ticks. */
export interface PairedPlotColumn {
  x0: number;
  x1: number;
  title: string;
  ticks: { x: number; value: number; label: string }[];
}

/** Something of the input left out and why. */
export interface PairedForestSkipped {
  id: string;
  label: string;
  reason: string;
}

/** Everything needed to draw a paired forest plot; coordinates in px inside `0 0 width height`. */
export interface PairedForestLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  level: number;
  fonts: { text: number; small: number };
  /** Narrowest rendered width (CSS px) at which the smallest text is still 11 px: the width itself (the plot is not scaled down). */
  minRenderedWidth: number;
  columns: {
    label: { x: number };
    /** Right edges of the TP, FP, FN, TN columns (text is end-anchored). */
    counts: { key: 'tp' | 'fp' | 'fn' | 'tn'; header: string; x: number }[];
    sensText: { x: number };
    specText: { x: number };
    sens: PairedPlotColumn;
    spec: PairedPlotColumn;
  };
  header: { y: number; study: string; sensText: string; specText: string };
  /** Top and bottom of the plots' vertical extent (rows and summaries). */
  body: { y0: number; y1: number };
  rows: PairedForestLayoutRow[];
  summaries: PairedForestLayoutSummary[];
  axis: { y: number; tickLabelY: number; labelY: number };
  message: { text: string; x: number; y: number } | null;
  skipped: PairedForestSkipped[];
}
