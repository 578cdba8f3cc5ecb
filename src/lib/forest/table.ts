/** Data for the HTML table alternative to a forest plot: the plotted values, one row each. */
import { levelLabel } from '../schema/risk-of-bias-tools.ts';
import type { ForestLayout } from './types.ts';

/** One table row; text is plain (the page template escapes it). */
export interface ForestTableRow {
  label: string;
  value: string;
  ci: string;
  weight: string;
  href?: string;
  pooled: boolean;
  /** Risk-of-bias judgement per domain ("Low", "Not yet assessed"…), only when the plot has a risk-of-bias column. */
  rob?: string[];
  /** Subgroup forest plots only: the subgroup's label (on its rows and its pooled row). */
  subgroup?: string;
}

function pooledRow(p: NonNullable<ForestLayout['pooled']>): ForestTableRow {
  const extra = [p.piText.replace(/^PI /, 'prediction interval '), p.statsText].filter(Boolean).join('; ');
  return { label: extra ? `${p.labelFull} (${extra})` : p.labelFull, value: p.estimateText, ci: p.ciText, weight: '', pooled: true };
}

/** The plotted rows (full labels, estimate, "low to high" CI, weight) followed by the pooled row if any. */
export function forestTableRows(layout: ForestLayout): ForestTableRow[] {
  const rows: ForestTableRow[] = layout.rows.map((r) => {
    const row: ForestTableRow = { label: r.labelFull, value: r.estimateText, ci: r.ciText, weight: r.weightText, pooled: false };
    if (r.href !== undefined) row.href = r.href;
    if (r.rob) row.rob = r.rob.map((m) => levelLabel(m.level));
    return row;
  });
  if (layout.subgroups) {
    // Each subgroup's rows, then its pooled row.
    const grouped = layout.subgroups.flatMap((g) => [
      ...layout.rows.flatMap((r, i) => (r.subgroup === g.id ? [{ ...rows[i]!, subgroup: g.labelFull }] : [])),
      ...(g.pooled ? [{ ...pooledRow(g.pooled), subgroup: g.labelFull }] : []),
    ]);
    rows.splice(0, rows.length, ...grouped);
  }
  if (layout.pooled) rows.push(pooledRow(layout.pooled));
  return rows;
}

