/** Data for the HTML table alternative to a paired forest plot: counts, sensitivity and specificity per row. */
import type { PairedForestLayout } from './paired-types.ts';

/** One table row; text is plain (the page template escapes it). Counts are "" on summary rows. */
export interface PairedForestTableRow {
  label: string;
  tp: string;
  fp: string;
  fn: string;
  tn: string;
  /** e.g. "0.90 [0.78, 0.97]" or "Not estimable". */
  sensitivity: string;
  specificity: string;
  href?: string;
  summary: boolean;
}

/** The plotted studies (full labels) followed by the summary rows (label with its sublabel). */
export function pairedForestTableRows(layout: PairedForestLayout): PairedForestTableRow[] {
  const rows: PairedForestTableRow[] = layout.rows.map((r) => {
    const row: PairedForestTableRow = { label: r.labelFull, tp: String(r.counts.tp), fp: String(r.counts.fp), fn: String(r.counts.fn), tn: String(r.counts.tn), sensitivity: r.sens.text, specificity: r.spec.text, summary: false };
    if (r.href !== undefined) row.href = r.href;
    return row;
  });
  for (const s of layout.summaries) {
    rows.push({ label: s.sublabel ? `${s.labelFull} (${s.sublabel.full})` : s.labelFull, tp: '', fp: '', fn: '', tn: '', sensitivity: s.sens.text, specificity: s.spec.text, summary: true });
  }
  return rows;
}
