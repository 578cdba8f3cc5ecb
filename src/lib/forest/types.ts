/**
 * Types of the forest plot (DESIGN.md decision 5): rows and options go into `layoutForest`,
 * a `ForestLayout` (pure geometry and display text, nothing escaped) comes out and is drawn by
 * `renderForestSvg` or tabulated by `forestTableRows`.
 */
import type { Measure } from '../schema/index.ts';
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { RobMark } from '../rob/marks.ts';

/** One estimate to plot: a point, its confidence interval and an optional weight in percent. */
export interface ForestRow {
  id: string;
  label: string;
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  /** Weight in percent (0–100); squares are drawn with area proportional to it. */
  weight?: number | null;
  href?: string;
  measure?: Measure;
  sublabel?: string;
  /** Risk-of-bias judgement per domain, drawn as an optional column of marks; missing entries are "not yet assessed". */
  rob?: readonly RobLevel[];
  /** Subgroup forest plots only: the `id` of the subgroup (ForestOptions.subgroups) the row is drawn under. */
  subgroup?: string;
}

/** A subgroup of a subgroup forest plot: a header row, its rows, and its own pooled diamond. */
export interface ForestSubgroup {
  id: string;
  label: string;
  pooled?: ForestPooled | null;
}

/** The pooled (meta-analytic) estimate drawn as a diamond, with its prediction interval. */
export interface ForestPooled {
  label: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow?: number | null;
  piHigh?: number | null;
  k?: number;
  /** I² in percent (0–100). */
  I2?: number;
  tau2?: number;
}

/** Options of one forest plot; everything but `measure` and `title` has a measure-aware default. */
export interface ForestOptions {
  measure: Measure;
  title: string;
  description?: string;
  scale?: 'linear' | 'log';
  /** Line of no effect; `null` draws none. Default 0.5 for AUC, 1 for OR/HR/RR, 0 for MD, else none. */
  nullValue?: number | null;
  domain?: [number, number];
  width?: number;
  rowHeight?: number;
  digits?: number;
  pooled?: ForestPooled;
  /** Headers of the risk-of-bias column (default D1, D2, …; `label` is the domain name for titles and text alternatives). */
  robLabels?: readonly { short: string; label: string }[];
  /** Subgroups in display order: rows are grouped under them by `ForestRow.subgroup`; without it the plot is unchanged. */
  subgroups?: readonly ForestSubgroup[];
  /** Lines under the pooled rows, e.g. the tests for subgroup differences. */
  footnote?: readonly string[];
}

/** The risk-of-bias column's left edge and header cells. */
export interface ForestRobHeader {
  x0: number;
  cells: { x: number; text: string; full: string }[];
}

/** A confidence or prediction interval clipped to the plot, with arrows where it runs off. */
export interface ForestInterval {
  x1: number;
  x2: number;
  arrowLeft: boolean;
  arrowRight: boolean;
}

/** One drawn row: geometry (px, rounded to 0.01) plus its display text and text alternative. */
export interface ForestLayoutRow {
  id: string;
  /** Centre line of the row. */
  y: number;
  /** Baseline of the row's value and weight text. */
  textY: number;
  /** Baseline of the row's label (raised when the row has a sublabel). */
  labelY: number;
  /** Label as displayed (shortened with an ellipsis when too long). */
  label: string;
  labelFull: string;
  sublabel?: { text: string; y: number };
  href?: string;
  measure: Measure;
  /** e.g. "WMA: AUC 0.87 (0.82 to 0.92)". */
  textAlt: string;
  /** e.g. "0.87 [0.82, 0.92]". */
  valueText: string;
  estimateText: string;
  /** e.g. "0.82 to 0.92", or "" without an interval. */
  ciText: string;
  /** e.g. "23.4%", or "" without a weight. */
  weightText: string;
  point: { x: number; inDomain: boolean };
  ci: ForestInterval | null;
  /** Square centred on (x, y) with side `size`; area proportional to weight. */
  square: { x: number; y: number; size: number };
  /** Risk-of-bias marks, one per domain; only when the plot has a risk-of-bias column. */
  rob?: RobMark[];
  /** Subgroup forest plots only: the row's subgroup id. */
  subgroup?: string;
}

/** The pooled row: a diamond spanning the pooled CI and an optional prediction-interval line. */
export interface ForestLayoutPooled {
  y: number;
  textY: number;
  label: string;
  labelFull: string;
  diamond: { points: [number, number][]; pointsAttr: string };
  pi: ForestInterval | null;
  valueText: string;
  estimateText: string;
  ciText: string;
  /** e.g. "PI 0.45 to 0.91", or "". */
  piText: string;
  /** e.g. "k = 5, I² = 62%, τ² = 0.012", or "". */
  statsText: string;
  /** Baseline of the small second line (statsText, piText). */
  subTextY: number;
  textAlt: string;
}

/** A subgroup as drawn: its header line and its pooled diamond (null when not pooled). */
export interface ForestLayoutSubgroup {
  id: string;
  label: string;
  labelFull: string;
  /** Baseline of the header text. */
  y: number;
  pooled: ForestLayoutPooled | null;
}

/** A row left out of the plot and why. */
export interface ForestSkipped {
  id: string;
  label: string;
  reason: string;
}

/** Everything needed to draw a forest plot; coordinates in px inside `0 0 width height`. */
export interface ForestLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  measure: Measure;
  margin: { top: number; right: number; bottom: number; left: number };
  columns: { label: { x: number }; plot: { x0: number; x1: number }; value: { x: number }; weight: { x: number } };
  header: { y: number; value: string; weight: string };
  axis: {
    y: number;
    x0: number;
    x1: number;
    domain: [number, number];
    ticks: { x: number; value: number; label: string }[];
    tickLabelY: number;
    label: string;
    labelY: number;
    scale: 'linear' | 'log';
  };
  nullLine: { x: number; y1: number; y2: number; value: number } | null;
  rows: ForestLayoutRow[];
  pooled: ForestLayoutPooled | null;
  /** The risk-of-bias column, only when some row has `rob`. */
  rob?: ForestRobHeader;
  /** Subgroup forest plots only: the subgroup headers and diamonds. */
  subgroups?: ForestLayoutSubgroup[];
  /** The footnote lines (baselines), when given. */
  footnote?: { text: string; y: number }[];
  /** Shown instead of rows when nothing can be drawn, e.g. "No estimates". */
  message: { text: string; x: number; y: number } | null;
  skipped: ForestSkipped[];
}
