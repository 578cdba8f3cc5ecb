/**
 * The one forest-plot layout (DESIGN.md decision 5): a pure function from rows and options to
 * geometry and display text. Rendering (svg.ts) and the table alternative (table.ts) only read it.
 */
import type { Measure } from '../schema/index.ts';
import { buildAxis, clipInterval, placeX, plottable } from './axis.ts';
import { defaultNull, defaultScale, naturalBounds } from './defaults.ts';
import { layoutPooled, statsText } from './pooled.ts';
import { prepareSubgroups, subgroupLabels, subgroupSlots, subgroupValues } from './subgroups.ts';
import { planRobColumn, robAltText, robHeader, robMarks } from './rob-column.ts';
import { clamp, fixed, formatTick, formatWeight, round2, safeHref, shorten, textWidth } from './text.ts';
import type { ForestLayout, ForestLayoutPooled, ForestLayoutRow, ForestLayoutSubgroup, ForestOptions, ForestRow, ForestSkipped } from './types.ts';
import { intervalOf, pooledSkipReason, rowSkipReason } from './validate.ts';

/** Types of the forest plot, re-exported so callers import everything from layout.ts. */
export type * from './types.ts';

const FONT = 12;
const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
const HEADER = 24;
const GAP = 12;

function finiteOr(x: number | undefined, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

function describe(measure: Measure, n: number, scale: string, domain: [number, number], nullValue: number | null, pooled: boolean): string {
  if (n === 0 && !pooled) return `Forest plot of ${measure}: no estimates to show.`;
  const what = `${n} ${measure} estimate${n === 1 ? '' : 's'}${pooled ? ' and a pooled estimate' : ''}`;
  const axis = `${scale} axis from ${formatTick(domain[0])} to ${formatTick(domain[1])}`;
  const line = nullValue === null ? '' : `; dashed line of no effect at ${formatTick(nullValue)}`;
  return `Forest plot of ${what} with confidence intervals on a ${axis}${line}.`;
}

/** Turns forest rows and options into a deterministic, rounded layout; bad rows are skipped with a reason. */
export function layoutForest(rows: ForestRow[], options: ForestOptions): ForestLayout {
  const measure = options.measure;
  const scale = options.scale ?? defaultScale(measure);
  const fmt = fixed(Math.round(clamp(finiteOr(options.digits, 2), 0, 4)));
  const width = round2(clamp(finiteOr(options.width, 720), 320, 4000));
  const hasSublabels = rows.some((r) => r.sublabel);
  const rowHeight = clamp(finiteOr(options.rowHeight, hasSublabels ? 34 : 24), 12, 80);

  // Validate: bad rows (and a bad pooled estimate) are reported, not drawn.
  const skipped: ForestSkipped[] = [];
  const good: ForestRow[] = [];
  for (const row of rows) {
    const reason = rowSkipReason(row, scale);
    if (reason) skipped.push({ id: String(row.id), label: String(row.label), reason });
    else good.push(row);
  }
  let pooledIn = options.pooled ?? null;
  const pooledReason = pooledIn && pooledSkipReason(pooledIn, scale);
  if (pooledIn && pooledReason) {
    skipped.push({ id: 'pooled', label: String(pooledIn.label), reason: pooledReason });
    pooledIn = null;
  }
  // Subgroup forest plots only: rows sorted into their subgroups, each with its own diamond.
  const plan = options.subgroups ? prepareSubgroups(good, options.subgroups, scale, skipped) : null;

  // Values the axis must cover, natural bounds and the line of no effect.
  const cis = good.map((r) => intervalOf(r.ciLow, r.ciHigh));
  const values = good.flatMap((r, i) => [r.value, ...(cis[i] ?? [])]);
  if (pooledIn) values.push(pooledIn.estimate, pooledIn.ciLow, pooledIn.ciHigh, ...(intervalOf(pooledIn.piLow, pooledIn.piHigh) ?? []));
  if (plan) values.push(...subgroupValues(plan));
  const bounds = naturalBounds(measure, values);
  const given = options.nullValue;
  const nullValue = given === undefined ? defaultNull(measure, bounds?.[1] === 100) : given !== null && plottable(given, scale) ? given : null;

  // Columns: label | plot | value [CI] | weight, sized from the text they hold.
  const texts = good.map((r, i) => {
    const ci = cis[i];
    const est = fmt(r.value);
    return { est, ciText: ci ? `${fmt(ci[0])} to ${fmt(ci[1])}` : '', valueText: ci ? `${est} [${fmt(ci[0])}, ${fmt(ci[1])}]` : est };
  });
  const pooledValue = pooledIn ? `${fmt(pooledIn.estimate)} [${fmt(pooledIn.ciLow)}, ${fmt(pooledIn.ciHigh)}]` : '';
  const weights = good.map((r) => (typeof r.weight === 'number' ? r.weight : null));
  const anyWeight = weights.some((w) => w !== null);
  const valueHeader = `${measure} [CI]`;
  const inner = width - MARGIN.left - MARGIN.right;
  const valueWidth = Math.min(inner * 0.3, Math.max(...[valueHeader, pooledValue, ...texts.map((t) => t.valueText)].map((t) => textWidth(t, FONT))) + 16);
  const weightWidth = anyWeight ? 56 : 0;
  // The optional risk-of-bias column sits at the far right; without it nothing below changes.
  const robPlan = planRobColumn(good, options.robLabels, rowHeight);
  const robWidth = robPlan ? robPlan.width : 0;
  const labels = [...good.map((r) => String(r.label)), ...(pooledIn ? [String(pooledIn.label)] : []), ...(plan ? subgroupLabels(plan) : [])];
  let labelWidth = clamp(Math.max(0, ...labels.map((l) => textWidth(l, FONT))) + 12, 60, inner * 0.35);
  labelWidth = Math.max(40, Math.min(labelWidth, robPlan ? inner * 0.7 - valueWidth - weightWidth - robWidth : inner * 0.7 - valueWidth - weightWidth));
  const plotX0 = round2(MARGIN.left + labelWidth);
  const plotX1 = round2(robPlan ? width - MARGIN.right - robWidth - weightWidth - valueWidth : width - MARGIN.right - weightWidth - valueWidth);
  const robX0 = round2(width - MARGIN.right - robWidth);
  const maxChars = Math.max(4, Math.floor((labelWidth - 12) / (FONT * 0.56)));
  const axis = buildAxis({ scale, values, nullValue, domain: options.domain, bounds, x0: plotX0, x1: plotX1 });
  const { domain } = axis;

  // Rows: squares with area proportional to weight (equal without weights).
  const rowsTop = MARGIN.top + HEADER;
  const maxWeight = Math.max(0, ...weights.map((w) => w ?? 0));
  const slots = plan ? subgroupSlots(plan, rowsTop, rowHeight, FONT, (p) => statsText(p) !== '' || intervalOf(p.piLow, p.piHigh) !== null) : null;
  const layoutRows = good.map((r, i): ForestLayoutRow => {
    const y = round2(slots ? slots.rows[i]! : rowsTop + rowHeight * (i + 0.5));
    const t = texts[i]!;
    const ci = cis[i] ?? null;
    const w = weights[i] ?? null;
    const size = w === null ? rowHeight * 0.4 : maxWeight > 0 ? rowHeight * 0.7 * Math.sqrt(w / maxWeight) : 0;
    const m = r.measure ?? measure;
    const labelFull = String(r.label).replace(/\s+/g, ' ').trim();
    const weightText = w === null ? '' : formatWeight(w);
    const textY = round2(y + FONT * 0.35);
    const x = placeX(axis, r.value);
    const out: ForestLayoutRow = {
      id: String(r.id),
      y,
      textY,
      labelY: r.sublabel ? round2(y - 2) : textY,
      label: shorten(labelFull, maxChars),
      labelFull,
      measure: m,
      textAlt: `${labelFull}: ${m} ${t.est} (${ci ? t.ciText : 'no confidence interval reported'})${weightText ? `, weight ${weightText}` : ''}`,
      valueText: t.valueText,
      estimateText: t.est,
      ciText: t.ciText,
      weightText,
      point: { x, inDomain: r.value >= domain[0] && r.value <= domain[1] },
      ci: ci ? clipInterval(axis, ci) : null,
      square: { x, y, size: round2(size) },
    };
    if (r.sublabel) out.sublabel = { text: shorten(String(r.sublabel), Math.floor(maxChars * 1.2)), y: round2(y + 11) };
    if (robPlan) {
      out.rob = robMarks(r.rob, robPlan, robX0, y, labelFull);
      out.textAlt += robAltText(out.rob, robPlan);
    }
    const href = safeHref(r.href);
    if (href !== undefined) out.href = href;
    if (plan) out.subgroup = String(r.subgroup);
    return out;
  });
  const empty = good.length === 0 && !pooledIn;
  const message = empty ? { text: 'No estimates', x: MARGIN.left, y: round2(rowsTop + rowHeight / 2 + FONT * 0.35) } : null;
  let bottom = slots ? slots.bottom : rowsTop + rowHeight * Math.max(1, good.length);
  const subgroups: ForestLayoutSubgroup[] | null = plan && slots
    ? plan.groups.map((g, i) => {
        const labelFull = String(g.group.label).replace(/\s+/g, ' ').trim();
        const top = slots.pooledTops[i];
        return {
          id: String(g.group.id),
          label: shorten(labelFull, maxChars),
          labelFull,
          y: round2(slots.headers[i]! + FONT * 0.35),
          pooled: g.pooled && top != null ? layoutPooled(g.pooled, { top, rowHeight, fontSize: FONT, axis, fmt, measure, maxChars }) : null,
        };
      })
    : null;

  let pooled: ForestLayoutPooled | null = null;
  if (pooledIn) {
    pooled = layoutPooled(pooledIn, { top: bottom + GAP, rowHeight, fontSize: FONT, axis, fmt, measure, maxChars });
    bottom = pooled.y + rowHeight / 2 + (pooled.piText || pooled.statsText ? FONT + 4 : 0);
  }
  let footnote: { text: string; y: number }[] | null = null;
  if (options.footnote && options.footnote.length > 0) {
    const top = bottom + GAP;
    footnote = options.footnote.map((line, i) => ({ text: String(line).replace(/\s+/g, ' ').trim(), y: round2(top + (FONT + 4) * i + FONT * 0.7) }));
    bottom = top + (FONT + 4) * options.footnote.length;
  }

  const axisY = round2(bottom + GAP);
  const height = round2(axisY + 36 + MARGIN.bottom);
  const layout: ForestLayout = {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(options.title),
    description: options.description ?? describe(measure, good.length, scale, domain, nullValue, pooled !== null),
    measure,
    margin: { ...MARGIN },
    columns: {
      label: { x: MARGIN.left },
      plot: { x0: plotX0, x1: plotX1 },
      value: { x: round2(plotX1 + 12) },
      weight: { x: round2(robPlan ? robX0 : width - MARGIN.right) },
    },
    header: { y: round2(MARGIN.top + FONT + 2), value: valueHeader, weight: anyWeight ? 'Weight' : '' },
    axis: {
      y: axisY,
      x0: plotX0,
      x1: plotX1,
      domain,
      ticks: axis.ticks,
      tickLabelY: round2(axisY + 18),
      label: scale === 'log' ? `${measure} (log scale)` : measure,
      labelY: round2(axisY + 34),
      scale,
    },
    nullLine:
      nullValue !== null && nullValue >= domain[0] && nullValue <= domain[1]
        ? { x: round2(axis.map(nullValue)), y1: rowsTop, y2: footnote ? round2(footnote[0]!.y - FONT - 2) : axisY, value: nullValue }
        : null,
    rows: layoutRows,
    pooled,
    message,
    skipped,
  };
  if (robPlan) layout.rob = robHeader(robPlan, robX0);
  if (subgroups) layout.subgroups = subgroups;
  if (footnote) layout.footnote = footnote;
  return layout;
}
