/** The forest plot's x axis: domain, d3 scale and ticks (the line of no effect always among them). */
import { scaleLinear, scaleLog } from 'd3-scale';
import { clamp, formatTick, round2 } from './text.ts';
import type { ForestInterval } from './types.ts';

/** Largest magnitude plotted; beyond it (or below its inverse on a log axis) rows are skipped. */
export const MAX_MAGNITUDE = 1e12;

/** A built axis: `map` sends a value to px (unclamped); ticks are rounded and labelled. */
export interface Axis {
  scale: 'linear' | 'log';
  x0: number;
  x1: number;
  domain: [number, number];
  map: (value: number) => number;
  ticks: { x: number; value: number; label: string }[];
}

/** What `buildAxis` needs: values to cover, the null, an optional fixed domain and natural bounds. */
export interface AxisInput {
  scale: 'linear' | 'log';
  values: readonly number[];
  nullValue: number | null;
  domain?: readonly [number, number] | undefined;
  bounds: readonly [number, number] | null;
  x0: number;
  x1: number;
}

/** Whether `value` can be placed on an axis of this type. */
export function plottable(value: number, scale: 'linear' | 'log'): boolean {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) return false;
  return scale === 'linear' || value >= 1 / MAX_MAGNITUDE;
}

function validDomain(d: readonly [number, number] | undefined, scale: 'linear' | 'log'): d is readonly [number, number] {
  if (d === undefined || !plottable(d[0], scale) || !plottable(d[1], scale)) return false;
  const [lo, hi] = scale === 'log' ? [Math.log(d[0]), Math.log(d[1])] : d;
  return hi - lo > 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
}

function autoDomain(input: AxisInput, count: number): [number, number] {
  const { scale, bounds } = input;
  const vs = [...input.values, ...(input.nullValue === null ? [] : [input.nullValue])].filter((v) => plottable(v, scale));
  if (vs.length === 0) return scale === 'log' ? [0.5, 2] : bounds ? [bounds[0], bounds[1]] : [0, 1];
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (scale === 'log') {
    if (hi / lo < 1 + 1e-9) [lo, hi] = [lo / 2, hi * 2];
    const [b0, b1] = scaleLog().base(2).domain([lo, hi]).nice().domain() as [number, number];
    if (b1 / b0 <= 256) return [b0, b1];
    return scaleLog().domain([lo, hi]).nice().domain() as [number, number];
  }
  if (hi - lo <= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    // (Nearly) a single value: centre it in a band of ±10% (±1 around zero).
    const c = (lo + hi) / 2;
    const pad = Math.abs(c) >= 1e-6 ? Math.abs(c) * 0.1 : 1;
    [lo, hi] = [c - pad, c + pad];
  }
  let [d0, d1] = scaleLinear().domain([lo, hi]).nice(count).domain() as [number, number];
  if (bounds) [d0, d1] = [Math.max(d0, bounds[0]), Math.min(d1, bounds[1])];
  return d0 < d1 ? [d0, d1] : [lo, hi];
}

function isPowerOf10(v: number): boolean {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/** Builds the domain (given, or the nice extent of values and null), the d3 scale and the ticks. */
export function buildAxis(input: AxisInput): Axis {
  const { x0, x1, scale: type } = input;
  const count = clamp(Math.round((x1 - x0) / 80), 3, 8);
  const domain = validDomain(input.domain, type) ? ([input.domain[0], input.domain[1]] as [number, number]) : autoDomain(input, count);

  let scale;
  let values: number[];
  let label: (v: number) => string;
  if (type === 'log') {
    const base = domain[1] / domain[0] <= 256 ? 2 : 10;
    scale = scaleLog().base(base).domain(domain).range([x0, x1]);
    // d3 falls back to linear-looking ticks (0.6, 0.8…) when asked for more than twice the
    // powers in the domain; ask for at most that, so a narrow ratio axis reads 0.5, 1, 2.
    const logB = (v: number) => Math.log(v) / Math.log(base);
    const powers = Math.floor(logB(domain[1]) + 1e-9) - Math.ceil(logB(domain[0]) - 1e-9) + 1;
    values = scale.ticks(Math.min(count, Math.max(3, 2 * powers)));
    if (base === 10) values = values.filter(isPowerOf10);
    label = formatTick;
  } else {
    scale = scaleLinear().domain(domain).range([x0, x1]);
    // Prefer a slightly denser regular grid that contains the null (0.4, 0.5, 0.6… rather than
    // 0.4, 0.6… with 0.5 squeezed in); otherwise the null is added below.
    const nv = input.nullValue;
    let c = count;
    for (let more = count; nv !== null && more <= count * 2; more++) {
      if (scale.ticks(more).some((t) => Math.abs(t - nv) <= Math.abs(nv) * 1e-9 + 1e-12)) {
        c = more;
        break;
      }
    }
    values = scale.ticks(c);
    label = scale.tickFormat(c);
  }
  // Far outside a narrow domain d3's interpolation can overflow to NaN; such values sit past an edge.
  const map = (v: number): number => {
    const x = scale(v);
    if (Number.isFinite(x)) return x;
    return v < domain[0] ? x0 - 1 : x1 + 1;
  };
  let ticks = values.map((value) => ({ x: round2(map(value)), value, label: label(value) }));

  const nv = input.nullValue;
  if (nv !== null && nv >= domain[0] && nv <= domain[1] && plottable(nv, type)) {
    const nx = round2(map(nv));
    const tol = Math.abs(nv) * 1e-9 + 1e-12;
    if (!ticks.some((t) => Math.abs(t.value - nv) <= tol)) {
      ticks = ticks.filter((t) => Math.abs(t.x - nx) >= 24);
      ticks.push({ x: nx, value: nv, label: formatTick(nv) });
      ticks.sort((a, b) => a.value - b.value);
    }
  }
  return { scale: type, x0, x1, domain, map, ticks };
}

/** Places px for a value, clamped to the axis and rounded. */
export function placeX(axis: Axis, value: number): number {
  return round2(clamp(axis.map(value), axis.x0, axis.x1));
}

/** Clips an interval [lo, hi] to the axis, flagging arrows on the sides where it runs off. */
export function clipInterval(axis: Axis, [lo, hi]: readonly [number, number]): ForestInterval {
  return { x1: placeX(axis, lo), x2: placeX(axis, hi), arrowLeft: lo < axis.domain[0], arrowRight: hi > axis.domain[1] };
}
