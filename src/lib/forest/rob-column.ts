/**
 * The optional risk-of-bias column of the forest and paired forest plots (COVID-NMA style): one
 * mark per domain at the right of each row, drawn with the shared marks (rob/marks.ts). Planned
 * only when some row carries `rob`; otherwise the layout is exactly as without it.
 */
import { levelLabel } from '../schema/risk-of-bias-tools.ts';
import { asLevel, type RobMark } from '../rob/marks.ts';
import { round2, safeHref, textWidth } from './text.ts';
import type { ForestRobHeader } from './types.ts';

/** Largest radius of a mark in the forest column (smaller when rows are under 24 px). */
export const FOREST_ROB_RADIUS = 9;
const MIN_PITCH = 22;
const FONT = 12;

/** The planned column: how many marks, their pitch, the total width and the header labels (short and full). */
export interface ForestRobPlan {
  n: number;
  pitch: number;
  r: number;
  width: number;
  labels: { short: string; label: string }[];
}

/** Plans the column from the rows' `rob` arrays (null when no row has one); labels default to D1, D2, …. */
export function planRobColumn(rows: readonly { rob?: readonly unknown[] | undefined }[], labels: readonly { short: string; label: string }[] | undefined, rowHeight: number): ForestRobPlan | null {
  if (!rows.some((r) => Array.isArray(r.rob))) return null;
  const n = Math.max(labels?.length ?? 0, ...rows.map((r) => (Array.isArray(r.rob) ? r.rob.length : 0)));
  if (n === 0) return null;
  const named = Array.from({ length: n }, (_, i) => ({ short: String(labels?.[i]?.short ?? `D${i + 1}`), label: String(labels?.[i]?.label ?? `Domain ${i + 1}`) }));
  const pitch = round2(Math.max(MIN_PITCH, ...named.map((l) => textWidth(l.short, FONT) + 6)));
  return { n, pitch, r: round2(Math.max(6, Math.min(FOREST_ROB_RADIUS, rowHeight * 0.38))), width: round2(n * pitch + 10), labels: named };
}

/** The header texts of the column whose left edge is x0. */
export function robHeader(plan: ForestRobPlan, x0: number): ForestRobHeader {
  return { x0, cells: plan.labels.map((l, i) => ({ x: round2(x0 + 10 + plan.pitch * (i + 0.5)), text: l.short, full: l.label })) };
}

/**
 * The marks to draw for one row: one per domain, centred on y; a missing or unknown judgement
 * (and a row without `rob`) is drawn as not assessed, never as low.
 */
export function robMarks(levels: readonly unknown[] | undefined, plan: ForestRobPlan, x0: number, y: number, rowLabel: string): RobMark[] {
  return plan.labels.map((l, i) => {
    const level = asLevel(levels?.[i]);
    return { cx: round2(x0 + 10 + plan.pitch * (i + 0.5)), cy: y, r: plan.r, level, title: `${rowLabel}, ${l.label}: ${levelLabel(level).toLowerCase()}` };
  });
}

/** The row's text alternative addition, e.g. "; risk of bias: D1 low, D2 not yet assessed". */
export function robAltText(marks: readonly RobMark[], plan: ForestRobPlan): string {
  return `; risk of bias: ${marks.map((m, i) => `${plan.labels[i]!.label} ${levelLabel(m.level).toLowerCase()}`).join(', ')}`;
}

/** Adds a row's risk-of-bias marks (and their text to its alternative) when the plot has the column, and its link when the href is safe. */
export function addRobAndLink(out: { rob?: RobMark[]; textAlt: string; href?: string }, src: { rob?: readonly unknown[] | undefined; href?: string | undefined }, plan: ForestRobPlan | null, x0: number, y: number, labelFull: string): void {
  if (plan) {
    out.rob = robMarks(src.rob, plan, x0, y, labelFull);
    out.textAlt += robAltText(out.rob, plan);
  }
  const href = safeHref(src.href);
  if (href !== undefined) out.href = href;
}
