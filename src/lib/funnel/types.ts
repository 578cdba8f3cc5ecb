/**
 * Types of the funnel plot: studies (effect on the analysis scale and its standard error) and
 * options go into `layoutFunnel`; a `FunnelLayout` (pure geometry and display text, nothing
 * escaped) comes out and is drawn by `renderFunnelSvg`.
 */

/** One study: its effect on the analysis scale (e.g. log OR, logit sensitivity) and its standard error. */
export interface FunnelPoint {
  id: string;
  label: string;
  effect: number;
  se: number;
  href?: string;
}

/** Options of one funnel plot. */
export interface FunnelOptions {
  title: string;
  /** Pooled estimate on the analysis scale: the funnel's centre (null draws no centre line or limits). */
  pooled: number | null;
  /**
   * How the x axis is labelled: `exp` places the points on the analysis (log) scale but labels
   * ticks in natural units (OR 0.5, 1, 2); `none` labels the analysis-scale values themselves.
   */
  transform?: 'exp' | 'none';
  /** Axis title, e.g. "Odds ratio (log scale)". */
  xLabel: string;
  /** Default "Standard error". */
  yLabel?: string;
  /** Draw pseudo confidence limits around the pooled estimate (default true). */
  limits?: boolean;
  /** Level of the pseudo confidence limits (default 0.95). */
  level?: number;
  /** Line of no effect on the analysis scale (0 for log ratios and differences), or null for none. */
  nullValue?: number | null;
  width?: number;
  height?: number;
  description?: string;
}

/** A study drawn as a point. */
export interface FunnelLayoutPoint {
  id: string;
  cx: number;
  cy: number;
  href?: string;
  textAlt: string;
}

/** Everything needed to draw a funnel plot; coordinates in px inside `0 0 width height`. */
export interface FunnelLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  plot: { x0: number; x1: number; y0: number; y1: number };
  xAxis: { ticks: { x: number; label: string }[]; label: string; labelY: number; tickLabelY: number };
  yAxis: { ticks: { y: number; label: string }[]; label: string; labelX: number };
  points: FunnelLayoutPoint[];
  /** Vertical line at the pooled estimate, from SE 0 to the largest SE. */
  centre: { x: number; y1: number; y2: number } | null;
  /** The pseudo confidence region: apex at (pooled, SE 0), base at the largest SE; polygon points. */
  region: { points: [number, number][]; pointsAttr: string; left: [number, number, number, number]; right: [number, number, number, number] } | null;
  nullLine: { x: number; y1: number; y2: number } | null;
  legend: { kind: 'centre' | 'limits'; x: number; y: number; text: string }[];
  message: { text: string; x: number; y: number } | null;
  skipped: { id: string; label: string; reason: string }[];
}
