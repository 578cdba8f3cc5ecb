/**
 * The one forest-plot layout (DESIGN.md decision 5): a pure function from rows and options to
 * geometry and display text. Rendering (svg.ts) and the table alternative (table.ts) only read it.
 */
import type { Measure } from '../schema/index.ts';
import { buildAxis, clipInterval, placeX, plottable, type Axis } from './axis.ts';
import { defaultNull, defaultScale, naturalBounds } from './defaults.ts';
import { layoutPooled, statsText, type PooledContext } from './pooled.ts';
import { prepareSubgroups, subgroupLabels, subgroupSlots, subgroupValues, type SubgroupPlan } from './subgroups.ts';
import { addRobAndLink, planRobColumn, robHeader, type ForestRobPlan } from './rob-column.ts';
import { clamp, fixed, formatTick, formatWeight, round2, shorten, textWidth } from './text.ts';
import type { ForestLayout, ForestLayoutPooled, ForestLayoutRow, ForestLayoutSubgroup, ForestOptions, ForestPooled, ForestRow, ForestSkipped } from './types.ts';
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

/** The rows and pooled estimate that can be drawn, the ones that cannot (with a reason), and the subgroup plan. */
interface Checked {
  good: ForestRow[];
  skipped: ForestSkipped[];
  pooledIn: ForestPooled | null;
  plan: SubgroupPlan | null;
}

function checkRows(rows: ForestRow[], options: ForestOptions, scale: 'linear' | 'log'): Checked {
  // Bad rows (and a bad pooled estimate) are reported, not drawn.
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
  return { good, skipped, pooledIn, plan };
}

/** The text of each row: estimate, "low to high" CI, and "est [low, high]" for the value column. */
type RowText = { est: string; ciText: string; valueText: string };

/** Columns: label | plot | value [CI] | weight | risk of bias, sized from the text they hold. */
interface Columns {
  texts: RowText[];
  weights: (number | null)[];
  anyWeight: boolean;
  valueHeader: string;
  robPlan: ForestRobPlan | null;
  plotX0: number;
  plotX1: number;
  robX0: number;
  maxChars: number;
}

function planColumns(c: Checked, cis: ([number, number] | null)[], options: ForestOptions, fmt: (x: number) => string, width: number, rowHeight: number): Columns {
  const { good, pooledIn, plan } = c;
  const texts = good.map((r, i): RowText => {
    const ci = cis[i];
    const est = fmt(r.value);
    return { est, ciText: ci ? `${fmt(ci[0])} to ${fmt(ci[1])}` : '', valueText: ci ? `${est} [${fmt(ci[0])}, ${fmt(ci[1])}]` : est };
  });
  const pooledValue = pooledIn ? `${fmt(pooledIn.estimate)} [${fmt(pooledIn.ciLow)}, ${fmt(pooledIn.ciHigh)}]` : '';
  const weights = good.map((r) => (typeof r.weight === 'number' ? r.weight : null));
  const anyWeight = weights.some((w) => w !== null);
  const valueHeader = `${options.measure} [CI]`;
  const inner = width - MARGIN.left - MARGIN.right;
  const valueWidth = Math.min(inner * 0.3, Math.max(...[valueHeader, pooledValue, ...texts.map((t) => t.valueText)].map((t) => textWidth(t, FONT))) + 16);
  const weightWidth = anyWeight ? 56 : 0;
  // The optional risk-of-bias column sits at the far right; without it nothing below changes.
  const robPlan = planRobColumn(good, options.robLabels, rowHeight);
  const robWidth = robPlan ? robPlan.width : 0;
  const labels = [...good.map((r) => String(r.label)), ...(pooledIn ? [String(pooledIn.label)] : []), ...(plan ? subgroupLabels(plan) : [])];
  let labelWidth = clamp(Math.max(0, ...labels.map((l) => textWidth(l, FONT))) + 12, 60, inner * 0.35);
  labelWidth = Math.max(40, Math.min(labelWidth, robPlan ? inner * 0.7 - valueWidth - weightWidth - robWidth : inner * 0.7 - valueWidth - weightWidth));
  return {
    texts,
    weights,
    anyWeight,
    valueHeader,
    robPlan,
    plotX0: round2(MARGIN.left + labelWidth),
    plotX1: round2(robPlan ? width - MARGIN.right - robWidth - weightWidth - valueWidth : width - MARGIN.right - weightWidth - valueWidth),
    robX0: round2(width - MARGIN.right - robWidth),
    maxChars: Math.max(4, Math.floor((labelWidth - 12) / (FONT * 0.56))),
  };
}

/** What every row's layout reads. */
interface RowContext {
  cols: Columns;
  cis: ([number, number] | null)[];
  axis: Axis;
  measure: ForestOptions['measure'];
  rowHeight: number;
  maxWeight: number;
  subgrouped: boolean;
}

function layoutRow(r: ForestRow, i: number, y: number, ctx: RowContext): ForestLayoutRow {
  const { cols, axis, rowHeight } = ctx;
  const { domain } = axis;
  const t = cols.texts[i]!;
  const ci = ctx.cis[i] ?? null;
  const w = cols.weights[i] ?? null;
  // Squares with area proportional to weight (equal without weights).
  const size = w === null ? rowHeight * 0.4 : ctx.maxWeight > 0 ? rowHeight * 0.7 * Math.sqrt(w / ctx.maxWeight) : 0;
  const m = r.measure ?? ctx.measure;
  const labelFull = String(r.label).replace(/\s+/g, ' ').trim();
  const weightText = w === null ? '' : formatWeight(w);
  const textY = round2(y + FONT * 0.35);
  const x = placeX(axis, r.value);
  const out: ForestLayoutRow = {
    id: String(r.id),
    y,
    textY,
    labelY: r.sublabel ? round2(y - 2) : textY,
    label: shorten(labelFull, cols.maxChars),
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
  if (r.sublabel) out.sublabel = { text: shorten(String(r.sublabel), Math.floor(cols.maxChars * 1.2)), y: round2(y + 11) };
  addRobAndLink(out, r, cols.robPlan, cols.robX0, y, labelFull);
  if (ctx.subgrouped) out.subgroup = String(r.subgroup);
  return out;
}

type Slots = ReturnType<typeof subgroupSlots>;

function layoutSubgroups(plan: SubgroupPlan, slots: Slots, pooledCtx: Omit<PooledContext, 'top'>, maxChars: number): ForestLayoutSubgroup[] {
  return plan.groups.map((g, i) => {
    const labelFull = String(g.group.label).replace(/\s+/g, ' ').trim();
    const top = slots.pooledTops[i];
    return {
      id: String(g.group.id),
      label: shorten(labelFull, maxChars),
      labelFull,
      y: round2(slots.headers[i]! + FONT * 0.35),
      pooled: g.pooled && top != null ? layoutPooled(g.pooled, { ...pooledCtx, top }) : null,
    };
  });
}

/** Below the rows: the pooled diamond, then the footnote lines; and where the rows, pooled and footnote end. */
function layoutBelow(pooledIn: ForestPooled | null, footnoteIn: ForestOptions['footnote'], top: number, pooledCtx: Omit<PooledContext, 'top'>) {
  let bottom = top;
  let pooled: ForestLayoutPooled | null = null;
  if (pooledIn) {
    pooled = layoutPooled(pooledIn, { ...pooledCtx, top: bottom + GAP });
    bottom = pooled.y + pooledCtx.rowHeight / 2 + (pooled.piText || pooled.statsText ? FONT + 4 : 0);
  }
  let footnote: { text: string; y: number }[] | null = null;
  if (footnoteIn && footnoteIn.length > 0) {
    const start = bottom + GAP;
    footnote = footnoteIn.map((line, i) => ({ text: String(line).replace(/\s+/g, ' ').trim(), y: round2(start + (FONT + 4) * i + FONT * 0.7) }));
    bottom = start + (FONT + 4) * footnoteIn.length;
  }
  return { pooled, footnote, bottom };
}

/** Turns forest rows and options into a deterministic, rounded layout; bad rows are skipped with a reason. */
export function layoutForest(rows: ForestRow[], options: ForestOptions): ForestLayout {
  const measure = options.measure;
  const scale = options.scale ?? defaultScale(measure);
  const fmt = fixed(Math.round(clamp(finiteOr(options.digits, 2), 0, 4)));
  const width = round2(clamp(finiteOr(options.width, 720), 320, 4000));
  const rowHeight = clamp(finiteOr(options.rowHeight, rows.some((r) => r.sublabel) ? 34 : 24), 12, 80);
  const checked = checkRows(rows, options, scale);
  const { good, pooledIn, plan } = checked;

  // Values the axis must cover, natural bounds and the line of no effect.
  const cis = good.map((r) => intervalOf(r.ciLow, r.ciHigh));
  const values = good.flatMap((r, i) => [r.value, ...(cis[i] ?? [])]);
  if (pooledIn) values.push(pooledIn.estimate, pooledIn.ciLow, pooledIn.ciHigh, ...(intervalOf(pooledIn.piLow, pooledIn.piHigh) ?? []));
  if (plan) values.push(...subgroupValues(plan));
  const bounds = naturalBounds(measure, values);
  const given = options.nullValue;
  const nullValue = given === undefined ? defaultNull(measure, bounds?.[1] === 100) : given !== null && plottable(given, scale) ? given : null;

  const cols = planColumns(checked, cis, options, fmt, width, rowHeight);
  const axis = buildAxis({ scale, values, nullValue, domain: options.domain, bounds, x0: cols.plotX0, x1: cols.plotX1 });
  const rowsTop = MARGIN.top + HEADER;
  const slots = plan ? subgroupSlots(plan, rowsTop, rowHeight, FONT, (p) => statsText(p) !== '' || intervalOf(p.piLow, p.piHigh) !== null) : null;
  const ctx: RowContext = { cols, cis, axis, measure, rowHeight, maxWeight: Math.max(0, ...cols.weights.map((w) => w ?? 0)), subgrouped: plan !== null };
  const layoutRows = good.map((r, i) => layoutRow(r, i, round2(slots ? slots.rows[i]! : rowsTop + rowHeight * (i + 0.5)), ctx));
  const pooledCtx = { rowHeight, fontSize: FONT, axis, fmt, measure, maxChars: cols.maxChars };
  const subgroups = plan && slots ? layoutSubgroups(plan, slots, pooledCtx, cols.maxChars) : null;
  const below = layoutBelow(pooledIn, options.footnote, slots ? slots.bottom : rowsTop + rowHeight * Math.max(1, good.length), pooledCtx);
  const empty = good.length === 0 && !pooledIn;
  const message = empty ? { text: 'No estimates', x: MARGIN.left, y: round2(rowsTop + rowHeight / 2 + FONT * 0.35) } : null;
  return assemble({ options, width, scale, axis, nullValue, cols, rowsTop, rows: layoutRows, subgroups, message, skipped: checked.skipped, ...below });
}

/** The parts of a layout, laid out. */
interface Parts {
  options: ForestOptions;
  width: number;
  scale: 'linear' | 'log';
  axis: Axis;
  nullValue: number | null;
  cols: Columns;
  rowsTop: number;
  rows: ForestLayoutRow[];
  subgroups: ForestLayoutSubgroup[] | null;
  pooled: ForestLayoutPooled | null;
  footnote: { text: string; y: number }[] | null;
  message: ForestLayout['message'];
  skipped: ForestSkipped[];
  bottom: number;
}

function assemble(p: Parts): ForestLayout {
  const { options, width, scale, axis, nullValue, cols, footnote } = p;
  const { measure } = options;
  const { domain } = axis;
  const axisY = round2(p.bottom + GAP);
  const height = round2(axisY + 36 + MARGIN.bottom);
  const layout: ForestLayout = {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(options.title),
    description: options.description ?? describe(measure, p.rows.length, scale, domain, nullValue, p.pooled !== null),
    measure,
    margin: { ...MARGIN },
    columns: {
      label: { x: MARGIN.left },
      plot: { x0: cols.plotX0, x1: cols.plotX1 },
      value: { x: round2(cols.plotX1 + 12) },
      weight: { x: round2(cols.robPlan ? cols.robX0 : width - MARGIN.right) },
    },
    header: { y: round2(MARGIN.top + FONT + 2), value: cols.valueHeader, weight: cols.anyWeight ? 'Weight' : '' },
    axis: { y: axisY, x0: cols.plotX0, x1: cols.plotX1, domain, ticks: axis.ticks, tickLabelY: round2(axisY + 18), label: scale === 'log' ? `${measure} (log scale)` : measure, labelY: round2(axisY + 34), scale },
    nullLine:
      nullValue !== null && nullValue >= domain[0] && nullValue <= domain[1]
        ? { x: round2(axis.map(nullValue)), y1: p.rowsTop, y2: footnote ? round2(footnote[0]!.y - FONT - 2) : axisY, value: nullValue }
        : null,
    rows: p.rows,
    pooled: p.pooled,
    message: p.message,
    skipped: p.skipped,
  };
  if (cols.robPlan) layout.rob = robHeader(cols.robPlan, cols.robX0);
  if (p.subgroups) layout.subgroups = p.subgroups;
  if (footnote) layout.footnote = footnote;
  return layout;
}
