/**
 * The SROC plot layout: a pure function from studies' 2×2 counts and the bivariate summary to
 * geometry and display text in ROC space (x = false-positive rate, y = sensitivity, a square plot
 * area). Rendering (svg.ts) and the table alternative (table.ts) only read it.
 */
import { legibleFont, minRenderedWidth, wrapText } from '../forest/legible.ts';
import { cellsProblem } from '../forest/two-by-two.ts';
import { clamp, fixed, formatTick, round2, safeHref, textWidth } from '../forest/text.ts';
import type { SrocInput, SrocLayout, SrocLayoutStudy, SrocLegendItem, SrocOptions, SrocPath, SrocPoint, SrocSkipped, SrocStudy, SrocTick } from './types.ts';

/** Types of the SROC plot, re-exported so callers import everything from layout.ts. */
export type * from './types.ts';

/**
 * The narrowest the page CSS renders an SROC plot (CSS px); responsive layouts size their text so
 * that it is still ≥ 11 px at this width. 320 px fits the content column of a 352 px phone.
 */
export const SROC_MIN_RENDERED_WIDTH = 320;

/** Default viewBox width (and widest inline rendering) of an SROC plot. */
export const SROC_DEFAULT_WIDTH = 400;

const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const DEFAULT_NOTE = 'No summary point or regions: the bivariate model was not fitted to these studies.';

function finiteOr(x: number | undefined, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** Why a study's counts cannot be drawn, or null. */
export function studySkipReason(s: SrocStudy): string | null {
  const cells = cellsProblem(s);
  if (cells) return cells;
  if (s.tp + s.fn === 0) return 'no participants with the target condition (TP + FN = 0), so sensitivity is undefined';
  if (s.fp + s.tn === 0) return 'no participants without the target condition (FP + TN = 0), so specificity is undefined';
  return null;
}

const inUnit = (x: number) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

function cleanPoints(points: readonly SrocPoint[] | undefined): SrocPoint[] {
  return (points ?? []).filter((p) => p && Number.isFinite(p.fpr) && Number.isFinite(p.sens)).map((p) => ({ fpr: clamp(p.fpr, 0, 1), sens: clamp(p.sens, 0, 1) }));
}

/** The curve (sorted by false-positive rate) cut to [lo, hi], with interpolated end points. */
export function restrictCurve(curve: readonly SrocPoint[], lo: number, hi: number): SrocPoint[] {
  const pts = [...curve].sort((a, b) => a.fpr - b.fpr);
  const out: SrocPoint[] = [];
  const at = (a: SrocPoint, b: SrocPoint, x: number): SrocPoint => {
    const t = b.fpr === a.fpr ? 0 : (x - a.fpr) / (b.fpr - a.fpr);
    return { fpr: x, sens: a.sens + t * (b.sens - a.sens) };
  };
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const prev = pts[i - 1];
    if (prev && prev.fpr < lo && p.fpr > lo) out.push(at(prev, p, lo));
    if (p.fpr >= lo && p.fpr <= hi) out.push(p);
    if (prev && prev.fpr < hi && p.fpr > hi) out.push(at(prev, p, hi));
  }
  return out;
}

/** Text sizes and number format of the plot. */
interface SrocText {
  width: number;
  small: number;
  fonts: SrocLayout['fonts'];
  fmt: (x: number) => string;
}

/** Width, legible font sizes and the number format from the options. */
function srocText(options: SrocOptions): SrocText {
  const width = round2(clamp(finiteOr(options.width, SROC_DEFAULT_WIDTH), 240, 1200));
  const responsive = options.responsive !== false;
  const base = clamp(finiteOr(options.fontSize, 11), 6, 40);
  const small = responsive ? Math.max(base, legibleFont(width, SROC_MIN_RENDERED_WIDTH)) : base;
  const fonts = { tick: small, axis: round2(small * 1.1), legend: small, note: small };
  return { width, small, fonts, fmt: fixed(Math.round(clamp(finiteOr(options.digits, 2), 0, 4))) };
}

/** The studies that can be drawn and the summary if usable; the others go to `skipped` with a reason. */
function validate(input: SrocInput, skipped: SrocSkipped[]): { good: SrocStudy[]; summary: SrocInput['summary'] } {
  const good: SrocStudy[] = [];
  for (const s of input.studies) {
    const reason = studySkipReason(s);
    if (reason) skipped.push({ id: String(s.id), label: String(s.label), reason });
    else good.push(s);
  }
  let summary = input.summary;
  if (summary && !(inUnit(summary.sens) && inUnit(summary.spec))) {
    skipped.push({ id: 'summary', label: 'Summary point', reason: 'summary sensitivity or specificity is not a number in [0, 1]' });
    summary = null;
  }
  return { good, summary };
}

/** The square plot area (y tick labels and the rotated y title on the left, x ticks and title below) and its scales. */
interface SrocFrame {
  margin: { top: number; right: number; left: number };
  yLabelX: number;
  x0: number;
  y0: number;
  size: number;
  X: (fpr: number) => number;
  Y: (sens: number) => number;
}

/** The plot area for the width and fonts. */
function srocFrame(t: SrocText): SrocFrame {
  const { small, fonts, width } = t;
  const margin = { top: round2(small * 0.8), right: round2(Math.max(10, textWidth('1', small) / 2 + 4)), left: 6 };
  const yLabelX = round2(margin.left + fonts.axis * 0.8);
  const x0 = round2(yLabelX + fonts.axis * 0.45 + 6 + textWidth('0.8', small) + 6);
  const size = round2(width - x0 - margin.right);
  const y0 = margin.top;
  return { margin, yLabelX, x0, y0, size, X: (fpr) => round2(x0 + clamp(fpr, 0, 1) * size), Y: (sens) => round2(y0 + (1 - clamp(sens, 0, 1)) * size) };
}

/** Studies as circles with area proportional to n (a minimum radius keeps the smallest visible), largest first. */
function layoutStudies(good: readonly SrocStudy[], all: readonly SrocStudy[], f: SrocFrame, fmt: (x: number) => string): SrocLayoutStudy[] {
  const { X, Y, size } = f;
  const nMax = Math.max(1, ...good.map((s) => s.tp + s.fp + s.fn + s.tn));
  const rMax = size * 0.05;
  const rMin = Math.max(2, size * 0.008);
  const index = new Map(all.map((s, i) => [s, i]));
  return good
    .map((s): SrocLayoutStudy => {
      const n = s.tp + s.fp + s.fn + s.tn;
      const sens = s.tp / (s.tp + s.fn);
      const spec = s.tn / (s.tn + s.fp);
      const label = String(s.label).replace(/\s+/g, ' ').trim();
      const sensText = fmt(sens);
      const specText = fmt(spec);
      const out: SrocLayoutStudy = {
        id: String(s.id),
        index: index.get(s)!,
        label,
        tp: s.tp,
        fp: s.fp,
        fn: s.fn,
        tn: s.tn,
        n,
        sens,
        spec,
        fpr: 1 - spec,
        cx: X(1 - spec),
        cy: Y(sens),
        r: round2(Math.max(rMin, rMax * Math.sqrt(n / nMax))),
        textAlt: `${label}: TP ${s.tp}, FP ${s.fp}, FN ${s.fn}, TN ${s.tn} (n = ${n}); sensitivity ${sensText}, specificity ${specText}`,
        sensText,
        specText,
        fprText: fmt(1 - spec),
      };
      const href = safeHref(s.href);
      if (href !== undefined) out.href = href;
      return out;
    })
    // Largest first, so small circles are drawn on top and stay visible (and clickable).
    .sort((a, b) => b.n - a.n || a.index - b.index);
}

/** The summary's drawn parts: regions, the curve (cut to the studies' false-positive rates unless `curveRange: 'given'`) and the point. */
function summaryParts(summary: NonNullable<SrocInput['summary']>, studies: readonly SrocLayoutStudy[], options: SrocOptions, f: SrocFrame, fmt: (x: number) => string, skipped: SrocSkipped[]) {
  const { X, Y } = f;
  const toPath = (pts: SrocPoint[], closed: boolean): SrocPath => {
    const points = pts.map((p): [number, number] => [X(p.fpr), Y(p.sens)]);
    return { points, d: points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('') + (closed ? 'Z' : '') };
  };
  const region = (pts: readonly SrocPoint[] | undefined, name: string): SrocPath | null => {
    const clean = cleanPoints(pts);
    if (clean.length >= 3) return toPath(clean, true);
    skipped.push({ id: name.replace(/ /g, '-'), label: name, reason: `fewer than 3 usable points (${clean.length})` });
    return null;
  };
  const confidenceRegion = region(summary.confidenceRegion, '95% confidence region');
  const predictionRegion = region(summary.predictionRegion, '95% prediction region');
  let curve: SrocPath | null = null;
  let curveFprRange: [number, number] | null = null;
  let pts = cleanPoints(summary.curve);
  if (options.curveRange !== 'given' && studies.length > 0) {
    const fprs = studies.map((s) => s.fpr);
    pts = restrictCurve(pts, Math.min(...fprs), Math.max(...fprs));
  } else pts.sort((a, b) => a.fpr - b.fpr);
  if (pts.length >= 2 && pts.at(-1)!.fpr > pts[0]!.fpr) {
    curve = toPath(pts, false);
    curveFprRange = [pts[0]!.fpr, pts.at(-1)!.fpr];
  } else skipped.push({ id: 'curve', label: 'SROC curve', reason: "fewer than 2 points within the studies' range of false-positive rates" });
  const point = {
    cx: X(1 - summary.spec),
    cy: Y(summary.sens),
    sens: summary.sens,
    spec: summary.spec,
    sensText: fmt(summary.sens),
    specText: fmt(summary.spec),
    fprText: fmt(1 - summary.spec),
    textAlt: `Summary point: sensitivity ${fmt(summary.sens)}, specificity ${fmt(summary.spec)}`,
  };
  return { confidenceRegion, predictionRegion, curve, curveFprRange, summaryOut: point };
}

/** The legend: a grid of equal columns, as many as fit the width (one on a narrow plot), starting below `top`; returns its items and where it ends. */
function layoutLegend(t: SrocText, f: SrocFrame, shown: { summary: boolean; confidence: boolean; prediction: boolean; curve: boolean }, top: number) {
  const { small, width } = t;
  const { margin } = f;
  const symbolWidth = round2(small * 2.2);
  type Entry = [SrocLegendItem['kind'], string];
  const optional: [boolean, Entry][] = [
    [shown.summary, ['summary', 'Summary point']],
    [shown.confidence, ['confidence', '95% confidence region']],
    [shown.prediction, ['prediction', '95% prediction region']],
    [shown.curve, ['curve', 'SROC curve']],
  ];
  const studyText = ['Study (area proportional to sample size)', 'Study (area by sample size)', 'Study'].find((x) => margin.left + symbolWidth + 6 + textWidth(x, small) <= width - margin.right) ?? 'Study';
  const first: Entry = ['study', studyText];
  const last: Entry = ['chance', 'Chance line'];
  // The first and last entries are long: they get rows of their own; the short ones share rows.
  const short = optional.filter(([on]) => on).map(([, e]) => e);
  const lineHeight = round2(small * 1.5);
  const left = margin.left;
  const right = width - margin.right;
  const itemWidth = (text: string) => symbolWidth + 6 + textWidth(text, small);
  const colWidth = Math.max(0, ...short.map(([, x]) => itemWidth(x))) + 16;
  const columns = Math.max(1, Math.floor((right - left + 16) / colWidth));
  const items: SrocLegendItem[] = [];
  let ly = round2(top + 10 + small);
  const place = (kind: SrocLegendItem['kind'], text: string, col: number) => {
    const x = round2(left + col * colWidth);
    items.push({ kind, text, x, y: ly, textX: round2(x + symbolWidth + 6) });
  };
  place(...first, 0);
  short.forEach(([kind, text], i) => {
    if (i % columns === 0) ly = round2(ly + lineHeight);
    place(kind, text, i % columns);
  });
  ly = round2(ly + lineHeight);
  place(...last, 0);
  return { symbolWidth, items, lineHeight, end: ly + small * 0.5 };
}

/** The note (the fallback's reason, or what could not be drawn) below `end`, and where the figure then ends. */
function layoutNote(input: SrocInput, options: SrocOptions, summary: SrocInput['summary'], k: number, t: SrocText, f: SrocFrame, lineHeight: number, end: number) {
  const { small, fonts, width } = t;
  const left = f.margin.left;
  const right = width - f.margin.right;
  const noteText = input.summary === null ? (options.fallbackNote ?? DEFAULT_NOTE) : summary === null ? 'The summary could not be drawn: its sensitivity or specificity is not in [0, 1].' : '';
  const emptyText = k === 0 ? 'No study has counts that can be drawn.' : '';
  const text = [emptyText, noteText].filter(Boolean).join(' ');
  if (!text) return { note: null, end };
  const lines = wrapText(text, right - left, fonts.note, textWidth);
  const y = round2(end + 8 + small);
  return { note: { lines, x: left, y, lineHeight } as SrocLayout['note'], end: y + lineHeight * (lines.length - 1) + small * 0.4 };
}

/** Lays out an SROC plot; studies whose counts cannot be drawn and unusable summary parts are skipped with a reason. */
export function layoutSroc(input: SrocInput, options: SrocOptions = {}): SrocLayout {
  const t = srocText(options);
  const { width, small, fonts, fmt } = t;
  const skipped: SrocSkipped[] = [];
  const { good, summary } = validate(input, skipped);
  const f = srocFrame(t);
  const { x0, y0, size, X, Y } = f;
  const studies = layoutStudies(good, input.studies, f, fmt);
  const parts = summary ? summaryParts(summary, studies, options, f, fmt, skipped) : null;
  const confidenceRegion = parts?.confidenceRegion ?? null;
  const predictionRegion = parts?.predictionRegion ?? null;
  const curve = parts?.curve ?? null;
  const curveFprRange = parts?.curveFprRange ?? null;
  const summaryOut = parts?.summaryOut ?? null;

  // Axes.
  const ticks = (map: (v: number) => number): SrocTick[] => TICKS.map((v) => ({ pos: map(v), value: v, label: formatTick(v) }));
  const tickLabelY = round2(y0 + size + 6 + small);
  const xLabelY = round2(tickLabelY + 6 + fonts.axis);
  const shown = { summary: summaryOut !== null, confidence: confidenceRegion !== null, prediction: predictionRegion !== null, curve: curve !== null };
  const legend = layoutLegend(t, f, shown, xLabelY);
  const { note, end } = layoutNote(input, options, summary, studies.length, t, f, legend.lineHeight, legend.end);
  const height = round2(end + 8);
  const description = options.description ?? describe(studies.length, summaryOut, confidenceRegion !== null, predictionRegion !== null, curveFprRange, note, fmt);

  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(input.title),
    description,
    fonts,
    minRenderedWidth: minRenderedWidth(width, small),
    plot: { x0, y0, size },
    xAxis: { ticks: ticks(X), tickLabelY, label: '1 − specificity (false-positive rate)', labelX: round2(x0 + size / 2), labelY: xLabelY },
    yAxis: { ticks: ticks(Y), tickLabelX: round2(x0 - 6), label: 'Sensitivity', labelX: f.yLabelX, labelY: round2(y0 + size / 2) },
    diagonal: { x1: X(0), y1: Y(0), x2: X(1), y2: Y(1) },
    studies,
    summary: summaryOut,
    confidenceRegion,
    predictionRegion,
    curve,
    curveFprRange,
    legend: { symbolWidth: legend.symbolWidth, items: legend.items },
    note,
    skipped,
  };
}

/** The figure's text description: what is plotted, and the summary with its regions and curve (or the note). */
function describe(
  k: number,
  summaryOut: SrocLayout['summary'],
  confidence: boolean,
  prediction: boolean,
  curveFprRange: [number, number] | null,
  note: SrocLayout['note'],
  fmt: (x: number) => string,
): string {
  const what = `${k} ${k === 1 ? 'study' : 'studies'}`;
  const regions = [confidence ? '95% confidence region (dashed)' : '', prediction ? '95% prediction region (dotted)' : ''].filter(Boolean).join(' and ');
  const curveText = curveFprRange ? `; SROC curve over false-positive rates ${fmt(curveFprRange[0])} to ${fmt(curveFprRange[1])}` : '';
  return (
    `SROC plot of ${what} in ROC space: false-positive rate (1 − specificity) across, sensitivity up, each study a circle with area proportional to its sample size. ` +
    (summaryOut
      ? `Summary point: sensitivity ${summaryOut.sensText}, specificity ${summaryOut.specText}${regions ? `, with its ${regions}` : ''}${curveText}.`
      : note
        ? note.lines.join(' ')
        : '')
  );
}
