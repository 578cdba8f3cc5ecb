/** Data for the HTML table alternative to an SROC plot: each drawn study's counts and accuracy, then the summary. */
import type { SrocLayout } from './types.ts';

/** One table row; text is plain (the page template escapes it). Counts are "" on the summary row. */
export interface SrocTableRow {
  label: string;
  tp: string;
  fp: string;
  fn: string;
  tn: string;
  n: string;
  sensitivity: string;
  specificity: string;
  /** 1 − specificity, the x coordinate. */
  fpr: string;
  href?: string;
  summary: boolean;
}

/** The plotted studies in input order, then the summary point if any. */
export function srocTableRows(layout: SrocLayout): SrocTableRow[] {
  const rows: SrocTableRow[] = [...layout.studies]
    .sort((a, b) => a.index - b.index)
    .map((s) => {
      const row: SrocTableRow = { label: s.label, tp: String(s.tp), fp: String(s.fp), fn: String(s.fn), tn: String(s.tn), n: String(s.n), sensitivity: s.sensText, specificity: s.specText, fpr: s.fprText, summary: false };
      if (s.href !== undefined) row.href = s.href;
      return row;
    });
  const sum = layout.summary;
  if (sum) rows.push({ label: 'Summary point', tp: '', fp: '', fn: '', tn: '', n: '', sensitivity: sum.sensText, specificity: sum.specText, fpr: sum.fprText, summary: true });
  return rows;
}
