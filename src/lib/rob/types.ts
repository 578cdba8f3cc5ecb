/**
 * Types of the risk-of-bias figures: the robvis-style traffic-light plot (studies × domains and
 * overall) and the weighted summary bar plot. Layouts are pure geometry and display text, nothing
 * escaped; svg.ts draws them and table.ts gives their text alternatives.
 */
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { RobMark } from './marks.ts';

/** A domain column or bar: a short header ("D1") and its full name ("Patient selection"). */
export interface RobDomainColumn {
  short: string;
  label: string;
}

/** One study of a figure: its judgement per domain (in column order; missing ones are not assessed) and an optional weight. */
export interface RobStudyInput {
  id: string;
  label: string;
  href?: string;
  levels: readonly RobLevel[];
  /** Meta-analytic weight (any positive unit, e.g. percent) for the weighted summary plot. */
  weight?: number | null;
}

/** Options of the traffic-light plot. */
export interface TrafficLightOptions {
  title: string;
  domains: readonly RobDomainColumn[];
  /** Draw an overall column, derived by the published rule (default true). */
  overall?: boolean;
  /** "risk of bias" (default) or "quality" (PROBAST+AI model development). */
  subject?: string;
  /** The tool named in the description, e.g. "QUADAS-2". */
  tool?: string;
  description?: string;
  /** Widest the figure may be, in px (default 640, at least 300). */
  maxWidth?: number;
}

/** One drawn study row. */
export interface TrafficLightRow {
  id: string;
  label: string;
  labelFull: string;
  href?: string;
  y: number;
  textY: number;
  marks: RobMark[];
  overall: RobLevel | null;
  textAlt: string;
}

/** A legend entry: a mark and its text. */
export interface RobLegendItem {
  mark: RobMark;
  x: number;
  y: number;
  text: string;
}

/** Everything needed to draw a traffic-light plot; coordinates in px inside `0 0 width height`. */
export interface TrafficLightLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  header: { y: number; cells: { x: number; text: string; full: string }[] };
  rows: TrafficLightRow[];
  grid: { x0: number; x1: number; y0: number; y1: number; separatorX: number | null };
  legend: { heading: { x: number; y: number; text: string }; domains: { x: number; y: number; text: string }[]; levels: RobLegendItem[] };
  message: { text: string; x: number; y: number } | null;
}

/** Options of the summary bar plot. */
export interface RobSummaryOptions {
  title: string;
  domains: readonly RobDomainColumn[];
  /** Add an overall bar, derived per study by the published rule (default true). */
  overall?: boolean;
  subject?: string;
  tool?: string;
  description?: string;
  /** Width in px (default 600, 320–4000). */
  width?: number;
}

/** One segment of a bar: a level's share in percent, its extent and an optional label drawn on it. */
export interface RobSummarySegment {
  level: RobLevel;
  percent: number;
  x: number;
  width: number;
  text: string | null;
  textX: number;
}

/** One bar (a domain, or overall). */
export interface RobSummaryBar {
  short: string;
  label: string;
  labelFull: string;
  y: number;
  height: number;
  textY: number;
  segments: RobSummarySegment[];
  textAlt: string;
}

/** Everything needed to draw a summary bar plot. */
export interface RobSummaryLayout {
  width: number;
  height: number;
  viewBox: string;
  title: string;
  description: string;
  /** True when percentages are of total weight, false when of studies. */
  weighted: boolean;
  /** Why percentages are of studies although some weights were given, or null. */
  note: string | null;
  bars: RobSummaryBar[];
  axis: { x0: number; x1: number; y: number; ticks: { x: number; label: string }[]; label: string; labelY: number };
  legend: RobLegendItem[];
  message: { text: string; x: number; y: number } | null;
}
