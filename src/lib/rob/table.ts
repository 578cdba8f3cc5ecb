/** Text alternatives of the risk-of-bias figures: the judgements as plain table rows (the page template escapes them). */
import { levelLabel } from '../schema/risk-of-bias-tools.ts';
import type { RobSummaryLayout, TrafficLightLayout } from './types.ts';

/** One row per study: its full label, link, and the level of each column ("Not yet assessed" where not assessed). */
export function trafficLightTableRows(layout: TrafficLightLayout): { header: string[]; rows: { label: string; href?: string; cells: string[] }[] } {
  const header = ['Study', ...layout.header.cells.map((c) => c.full)];
  const rows = layout.rows.map((r) => {
    const row: { label: string; href?: string; cells: string[] } = { label: r.labelFull, cells: r.marks.map((m) => levelLabel(m.level)) };
    if (r.href !== undefined) row.href = r.href;
    return row;
  });
  return { header, rows };
}

/** One row per bar: the domain and the percentage at each level, rounded to whole percent. */
export function robSummaryTableRows(layout: RobSummaryLayout): { header: string[]; rows: { label: string; cells: string[] }[] } {
  const levels = ['low', 'unclear', 'high', 'not-assessed'] as const;
  return {
    header: ['Domain', ...levels.map((l) => levelLabel(l))],
    rows: layout.bars.map((b) => ({ label: b.labelFull, cells: levels.map((l) => `${Math.round(b.segments.find((s) => s.level === l)?.percent ?? 0)}%`) })),
  };
}
