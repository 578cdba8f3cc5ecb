/**
 * Types of the SROC plot (summary receiver operating characteristic, in ROC space): studies'
 * 2×2 counts and the bivariate summary go into `layoutSroc`, an `SrocLayout` (pure geometry and
 * display text, nothing escaped) comes out and is drawn by `srocSvg` or tabulated by `srocTableRows`.
 */

/** A point in ROC space: false-positive rate (1 − specificity) and sensitivity, both in [0, 1]. */
export interface SrocPoint {
  fpr: number;
  sens: number;
}

/** One study's 2×2 table (true/false positives and negatives) with its label and an optional link. */
export interface SrocStudy {
  id: string;
  label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  href?: string;
}

/**
 * The bivariate summary: summary sensitivity and specificity, the 95% confidence and prediction
 * regions (closed outlines, as points in ROC space) and the SROC curve (points in ROC space).
 */
export interface SrocSummary {
  sens: number;
  spec: number;
  confidenceRegion: SrocPoint[];
  predictionRegion: SrocPoint[];
  curve: SrocPoint[];
}

/** What an SROC plot shows; `summary: null` is the fallback (no bivariate fit): study points only and a note. */
export interface SrocInput {
  studies: SrocStudy[];
  summary: SrocSummary | null;
  title: string;
}

/** Options of one SROC plot; all have defaults. */
export interface SrocOptions {
  /** ViewBox width in px, which is also the widest the plot renders inline (default 400; 240–1200). */
  width?: number;
  /** Size of the smallest text (ticks, legend) in px when not responsive (default 11); axis titles are 1.1× that. */
  fontSize?: number;
  /**
   * Default true: font sizes grow with `width` so that text is still ≥ 11 CSS px when the plot is
   * scaled down to SROC_MIN_RENDERED_WIDTH (the page CSS never renders it narrower). False: `fontSize` as given.
   */
  responsive?: boolean;
  /** Replaces the generated <desc> text. */
  description?: string;
  /** Decimals of sensitivities and specificities in text (default 2). */
  digits?: number;
  /** 'data' (default): draw the SROC curve only over the studies' range of false-positive rates; 'given': as given. */
  curveRange?: 'data' | 'given';
  /** The note shown when `summary` is null (why there is no summary); a generic one by default. */
  fallbackNote?: string;
}

/** A study as drawn: a circle with area proportional to its sample size. */
export interface SrocLayoutStudy {
  id: string;
  /** Position in the input's studies (they are drawn largest first). */
  index: number;
  label: string;
  href?: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp + fp + fn + tn. */
  n: number;
  sens: number;
  spec: number;
  fpr: number;
  cx: number;
  cy: number;
  r: number;
  /** e.g. "Smith 2020: TP 45, FP 5, FN 5, TN 95 (n = 150); sensitivity 0.90, specificity 0.95". */
  textAlt: string;
  sensText: string;
  specText: string;
  fprText: string;
}

/** A region or curve as drawn: its points in px and the path data (closed with Z for regions). */
export interface SrocPath {
  points: [number, number][];
  d: string;
}

/** One tick of an axis: position in px along the axis, value and label. */
export interface SrocTick {
  pos: number;
  value: number;
  label: string;
}

/** One legend entry: its symbol drawn in [x, x + symbolWidth] around y, its text starting at textX. */
export interface SrocLegendItem {
  kind: 'study' | 'summary' | 'confidence' | 'prediction' | 'curve' | 'chance';
  text: string;
  x: number;
  y: number;
  textX: number;
}

/** Something of the input left out of the plot and why. */
export interface SrocSkipped {
  id: string;
  label: string;
  reason: string;
}

/** Everything needed to draw an SROC plot; coordinates in px inside `0 0 width height` (y grows downwards). */
export interface SrocLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  /** Font sizes (px in the viewBox) of tick labels, axis titles, legend and note. */
  fonts: { tick: number; axis: number; legend: number; note: number };
  /** Narrowest rendered width (CSS px) at which the smallest text is still 11 px. */
  minRenderedWidth: number;
  /** The square plot area: [x0, x0 + size] × [y0, y0 + size]; FPR 0 at x0, sensitivity 1 at y0. */
  plot: { x0: number; y0: number; size: number };
  xAxis: { ticks: SrocTick[]; tickLabelY: number; label: string; labelX: number; labelY: number };
  yAxis: { ticks: SrocTick[]; tickLabelX: number; label: string; labelX: number; labelY: number };
  /** The chance line sensitivity = false-positive rate. */
  diagonal: { x1: number; y1: number; x2: number; y2: number };
  studies: SrocLayoutStudy[];
  summary: { cx: number; cy: number; sens: number; spec: number; sensText: string; specText: string; fprText: string; textAlt: string } | null;
  confidenceRegion: SrocPath | null;
  predictionRegion: SrocPath | null;
  curve: SrocPath | null;
  /** The curve's range of false-positive rates after restriction, or null without a curve. */
  curveFprRange: [number, number] | null;
  legend: { symbolWidth: number; items: SrocLegendItem[] };
  /** The fallback note (summary null) or notes on what could not be drawn, wrapped into lines. */
  note: { lines: string[]; x: number; y: number; lineHeight: number } | null;
  skipped: SrocSkipped[];
}
