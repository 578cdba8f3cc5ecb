/**
 * The paired forest plot layout of a diagnostic test: a pure function from studies' 2×2 tables
 * (and optional summary rows) to geometry and display text. Per study: TP, FP, FN, TN, then
 * sensitivity and specificity with exact (Clopper–Pearson) intervals as RevMan shows them, as text
 * and on two plots from 0 to 1 side by side. The plot is drawn at its own size (text 12 and 11 px)
 * and never scaled down: on a narrow screen it scrolls sideways in its container.
 */
import { clopperPearson } from '../stats/clopper-pearson.ts';
import { minRenderedWidth } from './legible.ts';
import { clamp, fixed, formatTick, round2, shorten, textWidth } from './text.ts';
import { CELLS, cellsProblem } from './two-by-two.ts';
import { addRobAndLink, planRobColumn, robHeader } from './rob-column.ts';
import type {
  PairedForestInput,
  PairedForestLayout,
  PairedForestLayoutRow,
  PairedForestLayoutSummary,
  PairedForestOptions,
  PairedForestSkipped,
  PairedForestStudy,
  PairedForestSummary,
  PairedInterval,
  PairedPlotColumn,
  PairedSide,
  PairedSummarySide,
} from './paired-types.ts';

/** Types of the paired forest plot, re-exported so callers import everything from paired.ts. */
export type * from './paired-types.ts';

const FONT = 12;
const SMALL = 11;
const MARGIN = { top: 8, right: 10, bottom: 8, left: 8 };
const GAP = 14;
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

function finiteOr(x: number | undefined, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** Why a summary row cannot be drawn (a value outside [0, 1] or an estimate outside its interval), or null. */
export function summarySkipReason(s: PairedForestSummary): string | null {
  for (const [name, iv] of [['sensitivity', s.sens], ['specificity', s.spec]] as const) {
    if (!Array.isArray(iv) || iv.length !== 3) return `${name} is not [estimate, lower, upper]`;
    if (!iv.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1)) return `${name} [${iv.join(', ')}] has a value outside [0, 1]`;
    if (!(iv[1] <= iv[0] && iv[0] <= iv[2])) return `${name} estimate ${iv[0]} is not within its interval [${iv[1]}, ${iv[2]}]`;
  }
  return null;
}

function plotColumn(x0: number, x1: number, title: string): PairedPlotColumn {
  return { x0: round2(x0), x1: round2(x1), title, ticks: TICKS.map((v) => ({ x: round2(x0 + v * (x1 - x0)), value: v, label: formatTick(v) })) };
}

const place = (col: PairedPlotColumn, v: number) => round2(col.x0 + clamp(v, 0, 1) * (col.x1 - col.x0));

function side(x: number, n: number, level: number, col: PairedPlotColumn, fmt: (v: number) => string, squareSize: number): PairedSide {
  if (n === 0) return { estimate: null, lower: null, upper: null, text: 'Not estimable', ciText: '', estimateText: '', ci: null, square: null };
  const { estimate, lower, upper } = clopperPearson(x, n, level);
  return {
    estimate,
    lower,
    upper,
    text: `${fmt(estimate)} [${fmt(lower)}, ${fmt(upper)}]`,
    ciText: `${fmt(lower)} to ${fmt(upper)}`,
    estimateText: fmt(estimate),
    ci: { x1: place(col, lower), x2: place(col, upper) },
    square: { x: place(col, estimate), size: squareSize },
  };
}

function summarySide(iv: PairedInterval, y: number, half: number, col: PairedPlotColumn, fmt: (v: number) => string): PairedSummarySide {
  const [estimate, lower, upper] = iv;
  const points: [number, number][] = [
    [place(col, lower), y],
    [place(col, estimate), round2(y - half)],
    [place(col, upper), y],
    [place(col, estimate), round2(y + half)],
  ];
  return {
    estimate,
    lower,
    upper,
    text: `${fmt(estimate)} [${fmt(lower)}, ${fmt(upper)}]`,
    ciText: `${fmt(lower)} to ${fmt(upper)}`,
    estimateText: fmt(estimate),
    diamond: { points, pointsAttr: points.map(([px, py]) => `${px},${py}`).join(' ') },
  };
}

const sideAlt = (name: string, s: { estimateText: string; ciText: string } | PairedSide) =>
  'estimate' in s && s.estimate === null ? `${name} not estimable` : `${name} ${s.estimateText} (${s.ciText})`;

/** The studies and summaries that can be drawn, and the ones that cannot, with a reason. */
function checkInput(input: PairedForestInput): { good: PairedForestStudy[]; summariesIn: PairedForestSummary[]; skipped: PairedForestSkipped[] } {
  const skipped: PairedForestSkipped[] = [];
  const good: PairedForestStudy[] = [];
  for (const s of input.studies) {
    const reason = cellsProblem(s);
    if (reason) skipped.push({ id: String(s.id), label: String(s.label), reason });
    else good.push(s);
  }
  const summariesIn: PairedForestSummary[] = [];
  for (const [i, s] of (input.summaries ?? []).entries()) {
    const reason = summarySkipReason(s);
    if (reason) skipped.push({ id: `summary-${i + 1}`, label: String(s.label), reason });
    else summariesIn.push(s);
  }
  return { good, summariesIn, skipped };
}

/** Columns, sized from the text they hold: label | TP FP FN TN | sens text | spec text | sens plot | spec plot | risk of bias. */
interface PairedColumns {
  labels: string[];
  maxChars: number;
  maxSubChars: number;
  counts: PairedForestLayout['columns']['counts'];
  sensHeader: string;
  specHeader: string;
  sensTextX: number;
  specTextX: number;
  sensPlot: PairedPlotColumn;
  specPlot: PairedPlotColumn;
  robPlan: ReturnType<typeof planRobColumn>;
  robX0: number;
  width: number;
}

function planColumns(good: PairedForestStudy[], summariesIn: PairedForestSummary[], options: PairedForestOptions, pct: number, fmt: (v: number) => string, rowHeight: number): PairedColumns {
  const plotWidth = clamp(finiteOr(options.plotWidth, 140), 60, 400);
  const maxLabelWidth = clamp(finiteOr(options.maxLabelWidth, 200), 60, 600);
  const labels = [...good.map((s) => String(s.label)), ...summariesIn.map((s) => String(s.label))].map((l) => l.replace(/\s+/g, ' ').trim());
  const sublabels = [...good, ...summariesIn].flatMap((s) => (s.sublabel ? [String(s.sublabel)] : []));
  const labelWidth = clamp(Math.max(textWidth('Study', FONT), ...labels.map((l) => textWidth(l, FONT)), ...sublabels.map((l) => textWidth(l, SMALL))) + 14, 60, maxLabelWidth);
  let x = MARGIN.left + labelWidth;
  const counts = CELLS.map(([key, header]) => {
    const w = Math.max(textWidth(header, FONT), ...good.map((s) => textWidth(String(s[key]), FONT))) + 12;
    x += w;
    return { key, header, x: round2(x) };
  });
  const sensHeader = `Sensitivity (${pct}% CI)`;
  // Interval texts have one shape, so the widest possible one sets the column (plus "Not estimable").
  const sample = `${fmt(0.55)} [${fmt(0.55)}, ${fmt(0.55)}]`;
  const ciTextWidth = Math.max(textWidth(sensHeader, FONT), textWidth(sample, FONT), textWidth('Not estimable', FONT)) + 12;
  const sensTextX = round2(x + 16);
  const specTextX = round2(sensTextX + ciTextWidth);
  const plotsX = specTextX + ciTextWidth + 6;
  const sensPlot = plotColumn(plotsX, plotsX + plotWidth, 'Sensitivity');
  const specPlot = plotColumn(sensPlot.x1 + GAP + 6, sensPlot.x1 + GAP + 6 + plotWidth, 'Specificity');
  // The optional risk-of-bias column right of the specificity plot; without it the width is unchanged.
  const robPlan = planRobColumn(good, options.robLabels, rowHeight);
  const robX0 = round2(specPlot.x1 + 6);
  return {
    labels,
    maxChars: Math.max(4, Math.floor((labelWidth - 14) / (FONT * 0.56))),
    maxSubChars: Math.max(4, Math.floor((labelWidth - 14) / (SMALL * 0.56))),
    counts,
    sensHeader,
    specHeader: `Specificity (${pct}% CI)`,
    sensTextX,
    specTextX,
    sensPlot,
    specPlot,
    robPlan,
    robX0,
    width: round2(robPlan ? robX0 + robPlan.width + MARGIN.right : specPlot.x1 + MARGIN.right + 4),
  };
}

/** What the rows and summary rows read. */
type RowContext = { cols: PairedColumns; level: number; fmt: (v: number) => string };

function studyRow(s: PairedForestStudy, i: number, y: number, { cols, level, fmt }: RowContext): PairedForestLayoutRow {
  const textY = round2(y + FONT * 0.35);
  const labelFull = cols.labels[i]!;
  const square = 7;
  const sens = side(s.tp, s.tp + s.fn, level, cols.sensPlot, fmt, square);
  const spec = side(s.tn, s.tn + s.fp, level, cols.specPlot, fmt, square);
  const out: PairedForestLayoutRow = {
    id: String(s.id),
    y,
    textY,
    labelY: s.sublabel ? round2(y - 3) : textY,
    label: shorten(labelFull, cols.maxChars),
    labelFull,
    counts: { tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn },
    sens,
    spec,
    textAlt: `${labelFull}: TP ${s.tp}, FP ${s.fp}, FN ${s.fn}, TN ${s.tn}; ${sideAlt('sensitivity', sens)}, ${sideAlt('specificity', spec)}`,
  };
  if (s.sublabel) out.sublabel = { text: shorten(String(s.sublabel), cols.maxSubChars), y: round2(y + 10) };
  addRobAndLink(out, s, cols.robPlan, cols.robX0, y, labelFull);
  return out;
}

function summaryRow(s: PairedForestSummary, labelFull: string, y: number, half: number, { cols, fmt }: RowContext): PairedForestLayoutSummary {
  const sens = summarySide(s.sens, y, half, cols.sensPlot, fmt);
  const spec = summarySide(s.spec, y, half, cols.specPlot, fmt);
  const out: PairedForestLayoutSummary = {
    y,
    textY: round2(y + FONT * 0.35),
    label: shorten(labelFull, cols.maxChars),
    labelFull,
    sens,
    spec,
    textAlt: `${labelFull}${s.sublabel ? ` (${String(s.sublabel)})` : ''}: ${sideAlt('sensitivity', sens)}, ${sideAlt('specificity', spec)}`,
  };
  if (s.sublabel) {
    out.sublabel = { text: shorten(String(s.sublabel), cols.maxSubChars), full: String(s.sublabel), y: round2(y + 10) };
    out.textY = round2(y - 3);
  }
  return out;
}

function describePaired(k: number, summaries: number, pct: number): string {
  if (k === 0) return 'Paired forest plot of sensitivity and specificity: no studies to show.';
  return (
    `Paired forest plot of ${k} ${k === 1 ? 'study' : 'studies'}: for each, the 2×2 counts (TP, FP, FN, TN) and sensitivity and specificity with exact ${pct}% confidence intervals, drawn on two axes from 0 to 1` +
    (summaries > 0 ? `, with ${summaries === 1 ? 'a summary row' : `${summaries} summary rows`} drawn as diamonds.` : '.')
  );
}

/** Lays out a paired forest plot; studies with impossible counts and malformed summaries are skipped with a reason. */
export function layoutPairedForest(input: PairedForestInput, options: PairedForestOptions = {}): PairedForestLayout {
  const level = clamp(finiteOr(options.level, 0.95), 0.5, 0.999);
  const pct = Math.round(level * 1000) / 10;
  const fmt = fixed(Math.round(clamp(finiteOr(options.digits, 2), 0, 4)));
  const { good, summariesIn, skipped } = checkInput(input);
  const rowHeight = good.some((s) => s.sublabel) || summariesIn.some((s) => s.sublabel) ? 32 : 22;
  const cols = planColumns(good, summariesIn, options, pct, fmt, rowHeight);
  const ctx: RowContext = { cols, level, fmt };

  const headerY = round2(MARGIN.top + FONT + 2);
  const y0 = round2(headerY + 12);
  const rows = good.map((s, i) => studyRow(s, i, round2(y0 + rowHeight * (i + 0.5)), ctx));
  let bottom = y0 + rowHeight * Math.max(1, good.length);
  const message = good.length === 0 ? { text: 'No study has a 2×2 table that can be drawn', x: MARGIN.left, y: round2(y0 + rowHeight / 2 + FONT * 0.35) } : null;
  // Summary rows below a gap.
  if (summariesIn.length > 0) bottom += 8;
  const half = Math.min(rowHeight * 0.35, 7);
  const summaries = summariesIn.map((s, i) => summaryRow(s, cols.labels[good.length + i]!, round2(bottom + rowHeight * (i + 0.5)), half, ctx));
  bottom += rowHeight * summaries.length;

  const axisY = round2(bottom + 6);
  const tickLabelY = round2(axisY + 6 + SMALL);
  const labelY = round2(tickLabelY + 4 + FONT);
  const height = round2(labelY + MARGIN.bottom);
  const { width } = cols;
  const layout: PairedForestLayout = {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(input.title),
    description: options.description ?? describePaired(rows.length, summaries.length, pct),
    level,
    fonts: { text: FONT, small: SMALL },
    minRenderedWidth: minRenderedWidth(width, SMALL),
    columns: { label: { x: MARGIN.left }, counts: cols.counts, sensText: { x: cols.sensTextX }, specText: { x: cols.specTextX }, sens: cols.sensPlot, spec: cols.specPlot },
    header: { y: headerY, study: 'Study', sensText: cols.sensHeader, specText: cols.specHeader },
    body: { y0, y1: round2(bottom) },
    rows,
    summaries,
    axis: { y: axisY, tickLabelY, labelY },
    message,
    skipped,
  };
  if (cols.robPlan) layout.rob = robHeader(cols.robPlan, cols.robX0);
  return layout;
}
