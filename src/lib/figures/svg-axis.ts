/**
 * The axis pieces every figure SVG draws (forest, paired forest, SROC, funnel, risk-of-bias
 * summary): tick marks with their labels along a horizontal or vertical axis, a whole bottom axis,
 * light grid lines inside a proportion axis, and a rotated y-axis label. Each takes the kind's
 * attributes as they are, so every kind keeps its classes and its drawn bytes.
 */
import { line, txt, type Attrs } from '../forest/markup.ts';
import { round2 } from '../forest/text.ts';

/** How ticks are drawn: the mark's length in px, the mark's and the label's attributes. */
export interface TickStyle {
  length: number;
  tick: Attrs;
  label: Attrs;
}

/** Tick marks down from a horizontal axis at `y`, each labelled at `labelY`. */
export function xTicks(ticks: readonly { x: number; label: string }[], y: number, labelY: number, s: TickStyle): string {
  return ticks.map((t) => line(t.x, y, t.x, round2(y + s.length), s.tick) + txt(t.x, labelY, t.label, s.label)).join('');
}

/** Tick marks left of a vertical axis at `x`, each labelled at `labelX`, `labelDy` px below the tick. */
export function yTicks(ticks: readonly { y: number; label: string }[], x: number, labelX: number, labelDy: number, s: TickStyle): string {
  return ticks.map((t) => line(round2(x - s.length), t.y, x, t.y, s.tick) + txt(labelX, round2(t.y + labelDy), t.label, s.label)).join('');
}

/** A bottom axis: what it spans, its ticks and labels, and the classes of its parts (a missing class is left out). */
export interface BottomAxis {
  x0: number;
  x1: number;
  y: number;
  ticks: readonly { x: number; label: string }[];
  tickLength: number;
  tickLabelY: number;
  fontSize: number;
  label: string;
  labelX: number;
  labelY: number;
  classes: { line: string; tick?: string; tickLabel: string; label: string };
}

/** The axis line from x0 to x1, its ticks with labels centred under them, and the axis label (all black). */
export function bottomAxis(a: BottomAxis): string {
  const c = a.classes;
  let out = line(a.x0, a.y, a.x1, a.y, { class: c.line, stroke: '#000' });
  out += xTicks(a.ticks, a.y, a.tickLabelY, { length: a.tickLength, tick: { class: c.tick, stroke: '#000' }, label: { class: c.tickLabel, fill: '#000', 'text-anchor': 'middle', 'font-size': a.fontSize } });
  return out + txt(a.labelX, a.labelY, a.label, { class: c.label, fill: '#000', 'text-anchor': 'middle' });
}

/** Vertical grid lines from y0 to y1 at the ticks strictly inside (0, 1) of a proportion axis. */
export function innerGridX(ticks: readonly { x: number; value: number }[], y0: number, y1: number, attrs: Attrs): string {
  return ticks.map((t) => (t.value > 0 && t.value < 1 ? line(t.x, y0, t.x, y1, attrs) : '')).join('');
}

/** Horizontal grid lines from x0 to x1 at the ticks strictly inside (0, 1) of a proportion axis. */
export function innerGridY(ticks: readonly { y: number; value: number }[], x0: number, x1: number, attrs: Attrs): string {
  return ticks.map((t) => (t.value > 0 && t.value < 1 ? line(x0, t.y, x1, t.y, attrs) : '')).join('');
}

/** A y-axis label at (x, y), turned to read bottom to top. */
export function yAxisLabel(x: number, y: number, text: string, attrs: Attrs): string {
  return txt(x, y, text, { ...attrs, transform: `rotate(-90 ${x} ${y})` });
}
