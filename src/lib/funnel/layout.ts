/**
 * The funnel plot as a pure layout: each study's effect (analysis scale) on x against its
 * standard error on y, inverted (SE 0, the most precise, at the top), with pseudo confidence
 * limits pooled ± z·SE around the pooled estimate. On a log-ratio scale the ticks are labelled in
 * natural units (the forest plot's log axis). No DOM; svg.ts draws it.
 */
import { scaleLinear } from 'd3-scale';
import { qnorm } from '../stats/distributions.ts';
import { buildAxis } from '../forest/axis.ts';
import { clamp, formatCompact, round2, safeHref } from '../forest/text.ts';
import type { FunnelLayout, FunnelLayoutPoint, FunnelOptions, FunnelPoint } from './types.ts';

const FONT = 12;
// right: room for half of a five-digit tick label ("10000" at 11 px) at the end of the axis.
const MARGIN = { top: 10, right: 22, bottom: 8, left: 8 };
/** Largest |effect| on the analysis scale drawn (exp(50) overflows nothing but is meaningless). */
const MAX_EFFECT = 50;

function finiteOr(x: number | undefined, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** Why a study cannot be drawn (non-finite effect, SE not positive), or null. */
export function funnelSkipReason(p: FunnelPoint): string | null {
  if (typeof p.effect !== 'number' || !Number.isFinite(p.effect) || Math.abs(p.effect) > MAX_EFFECT) return 'effect is not a finite number on the analysis scale';
  if (typeof p.se !== 'number' || !Number.isFinite(p.se)) return 'standard error is not a finite number';
  if (p.se <= 0) return 'standard error is not positive';
  return null;
}

/** The options resolved (size, scale, level, limits, pooled and null values) and the studies split into drawable and skipped. */
function resolveFunnel(points: readonly FunnelPoint[], options: FunnelOptions) {
  const width = round2(clamp(finiteOr(options.width, 480), 300, 4000));
  const height = round2(clamp(finiteOr(options.height, 360), 240, 4000));
  const transform = options.transform ?? 'none';
  const level = clamp(finiteOr(options.level, 0.95), 0.5, 0.999);
  const z = qnorm(1 - (1 - level) / 2);
  const limits = options.limits !== false;
  const skipped: FunnelLayout['skipped'] = [];
  const good: FunnelPoint[] = [];
  for (const p of points) {
    const reason = funnelSkipReason(p);
    if (reason) skipped.push({ id: String(p.id), label: String(p.label), reason });
    else good.push(p);
  }
  const pooled = typeof options.pooled === 'number' && Number.isFinite(options.pooled) && Math.abs(options.pooled) <= MAX_EFFECT ? options.pooled : null;
  const nv = options.nullValue;
  const nullValue = typeof nv === 'number' && Number.isFinite(nv) && Math.abs(nv) <= MAX_EFFECT ? nv : null;
  return { width, height, transform, level, z, limits, skipped, good, pooled, nullValue };
}

/** The pseudo-confidence region (apex at the pooled estimate, SE 0), the centre line and the null line, each only with studies to show. */
function funnelGuides(f: ReturnType<typeof resolveFunnel>, seMax: number, mapX: (v: number) => number, mapY: (se: number) => number) {
  const { pooled, limits, good, z, nullValue } = f;
  let region: FunnelLayout['region'] = null;
  if (pooled !== null && limits && good.length > 0) {
    const apex: [number, number] = [mapX(pooled), mapY(0)];
    const l: [number, number] = [mapX(pooled - z * seMax), mapY(seMax)];
    const r: [number, number] = [mapX(pooled + z * seMax), mapY(seMax)];
    region = { points: [l, apex, r], pointsAttr: [l, apex, r].map((q) => q.join(',')).join(' '), left: [apex[0], apex[1], l[0], l[1]], right: [apex[0], apex[1], r[0], r[1]] };
  }
  const centre = pooled !== null && good.length > 0 ? { x: mapX(pooled), y1: mapY(0), y2: mapY(seMax) } : null;
  const nullLine = nullValue !== null && good.length > 0 ? { x: mapX(nullValue), y1: mapY(0), y2: mapY(seMax) } : null;
  return { region, centre, nullLine };
}

/** The scales: y the SE from 0 (top) to a nice maximum, x every point (and the funnel's base, the null value) on the analysis scale. */
function funnelScales(f: ReturnType<typeof resolveFunnel>) {
  const { width, height, transform, z, limits, good, pooled, nullValue } = f;
  // y: SE from 0 (top) to a nice maximum (bottom).
  const seMax0 = Math.max(0, ...good.map((p) => p.se));
  const yScale = scaleLinear().domain([0, seMax0 > 0 ? seMax0 * 1.05 : 1]).nice(5);
  const seMax = yScale.domain()[1]!;

  // x: every point and, with limits, the funnel's base; on the analysis scale, labelled in natural units with `exp`.
  const xs = good.map((p) => p.effect);
  if (pooled !== null) xs.push(pooled, ...(limits ? [pooled - z * seMax, pooled + z * seMax] : []));
  if (nullValue !== null) xs.push(nullValue);
  const toAxis = (v: number) => (transform === 'exp' ? Math.exp(v) : v);
  const yTickWidth = Math.max(...yScale.ticks(5).map((t) => formatCompact(t).length)) * FONT * 0.56;
  const plotX0 = round2(MARGIN.left + 20 + yTickWidth + 8);
  const plotX1 = round2(width - MARGIN.right);
  const axis = buildAxis({ scale: transform === 'exp' ? 'log' : 'linear', values: xs.map(toAxis), nullValue: nullValue === null ? null : toAxis(nullValue), bounds: null, x0: plotX0, x1: plotX1 });
  const mapX = (v: number) => round2(clamp(axis.map(toAxis(v)), plotX0, plotX1));

  const legendH = pooled !== null ? FONT + 10 : 0;
  const y0 = MARGIN.top;
  const y1 = round2(height - MARGIN.bottom - 40 - legendH);
  yScale.range([y0, y1]);
  const mapY = (se: number) => round2(yScale(se));

  return { yScale, seMax, toAxis, plotX0, plotX1, axis, mapX, mapY, y0, y1 };
}

/** Turns studies and options into a deterministic funnel layout; bad studies are skipped with a reason. */
export function layoutFunnel(points: readonly FunnelPoint[], options: FunnelOptions): FunnelLayout {
  const f = resolveFunnel(points, options);
  const { width, height, level, skipped, good, pooled } = f;

  const { yScale, seMax, toAxis, plotX0, plotX1, axis, mapX, mapY, y0, y1 } = funnelScales(f);

  const fmt = (v: number) => formatCompact(toAxis(v));
  const pts: FunnelLayoutPoint[] = good.map((p) => {
    const out: FunnelLayoutPoint = { id: String(p.id), cx: mapX(p.effect), cy: mapY(p.se), textAlt: `${String(p.label).replace(/\s+/g, ' ').trim()}: ${fmt(p.effect)}, standard error ${formatCompact(p.se)}` };
    const href = safeHref(p.href);
    if (href !== undefined) out.href = href;
    return out;
  });

  const { region, centre, nullLine } = funnelGuides(f, seMax, mapX, mapY);
  const legendY = round2(height - MARGIN.bottom - 4);
  const pct = `${Math.round(level * 1000) / 10}%`;
  const legend: FunnelLayout['legend'] = [];
  if (centre) legend.push({ kind: 'centre', x: plotX0, y: legendY, text: 'Pooled estimate' });
  if (region) legend.push({ kind: 'limits', x: round2(plotX0 + 150), y: legendY, text: `Pseudo ${pct} limits` });

  const yLabel = options.yLabel ?? 'Standard error';
  const description =
    options.description ??
    (good.length === 0
      ? 'Funnel plot: no studies to show.'
      : `Funnel plot of ${good.length} stud${good.length === 1 ? 'y' : 'ies'}: ${options.xLabel} against ${yLabel.toLowerCase()} (inverted, most precise at the top)${centre ? `, centred on the pooled estimate ${fmt(pooled!)}` : ''}${region ? ` with pseudo ${pct} confidence limits` : ''}. Asymmetry can suggest small-study effects.`);
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(options.title),
    description,
    plot: { x0: plotX0, x1: plotX1, y0, y1 },
    xAxis: { ticks: axis.ticks.map((t) => ({ x: t.x, label: t.label })), label: options.xLabel, tickLabelY: round2(y1 + 18), labelY: round2(y1 + 34) },
    yAxis: { ticks: yScale.ticks(5).map((t) => ({ y: mapY(t), label: formatCompact(t) })), label: yLabel, labelX: MARGIN.left + 12 },
    points: pts,
    centre,
    region,
    nullLine,
    legend,
    message: good.length === 0 ? { text: 'No studies', x: plotX0 + 8, y: round2(y0 + 24) } : null,
    skipped,
  };
}
