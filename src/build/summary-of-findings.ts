/** Build-time Summary of Findings: every declared outcome's SoF from the site model (computed once per build), and the download URLs. */
import { loadModel } from './model.ts';
import { review } from './load.ts';
import { reviewSummaryOfFindings, type SofOutcome } from '../lib/grade/summary-of-findings.ts';

let cache: Promise<SofOutcome[]> | null = null;

/** The Summary of Findings of every declared outcome, in protocol order. */
export function loadSummaryOfFindings(): Promise<SofOutcome[]> {
  cache ??= loadModel().then((m) => reviewSummaryOfFindings(review, m.syntheses, m.dta, m.studies));
  return cache;
}

/** The file name (without extension) of the review-wide downloads. */
export const SOF_ALL = 'summary-of-findings';

/** The CSV and HTML download paths (site-relative, after the base) of one outcome, or of all outcomes for `SOF_ALL`. */
export function sofDownloads(name: string): { csv: string; html: string } {
  return { csv: `summary-of-findings/${name}.csv`, html: `summary-of-findings/${name}.html` };
}
