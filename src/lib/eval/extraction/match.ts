/**
 * Matching extracted estimates to a span's labels: same measure, same value (as printed, or
 * equal once percent is read as a proportion: 87% = 0.87), and for an interval the same bounds.
 * One-to-one, exact intervals first, so a list of equal values ("0.90, 0.90 and 0.90") pairs
 * each label once.
 */
import type { ExtractedEstimate } from '../../ingest/extract/estimate.ts';
import type { CorpusEstimate } from './corpus.ts';

/**
 * Corpus measure names → the extractor's, for names the two spell differently. The one place
 * that knows both spellings; identical names need no entry.
 */
export const CORPUS_MEASURE_NAMES: Readonly<Record<string, string>> = {
  'LR+': 'PLR',
  'LR-': 'NLR',
  'LR−': 'NLR',
  'C-index': 'AUC',
  'C-statistic': 'AUC',
  AUROC: 'AUC',
  'balanced accuracy': 'balanced_accuracy',
};

/** The extractor's name for a corpus measure. */
export function measureName(corpus: string): string {
  return CORPUS_MEASURE_NAMES[corpus] ?? corpus;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const scale = (x: number, unit: string | null) => (unit === 'percent' ? x / 100 : x);

/** Whether two numbers are the same estimate number: equal as printed, or equal on the proportion scale. */
export function sameNumber(label: number, labelUnit: string | null, found: number, foundUnit: string | null): boolean {
  return close(label, found) || close(scale(label, labelUnit), scale(found, foundUnit));
}

/** Whether an extracted estimate has a label's measure and value. */
export function samePoint(l: CorpusEstimate, e: ExtractedEstimate): boolean {
  return measureName(l.measure) === e.measure && sameNumber(l.value, l.unit, e.value, e.unit);
}

/** Whether an extracted estimate has a label's interval (both absent, or both bounds equal). */
export function sameInterval(l: CorpusEstimate, e: ExtractedEstimate): boolean {
  if (l.ci_low === null || l.ci_high === null) return e.ci_low === null;
  if (e.ci_low === null || e.ci_high === null) return false;
  return sameNumber(l.ci_low, l.unit, e.ci_low, e.unit) && sameNumber(l.ci_high, l.unit, e.ci_high, e.unit);
}

/** Pairs (label index, extracted index), one-to-one: exact matches first, then value-only matches. */
export function matchEstimates(labels: readonly CorpusEstimate[], found: readonly ExtractedEstimate[]): Map<number, number> {
  const byLabel = new Map<number, number>();
  const used = new Set<number>();
  for (const exact of [true, false]) {
    found.forEach((e, ei) => {
      if (used.has(ei)) return;
      const li = labels.findIndex((l, k) => !byLabel.has(k) && samePoint(l, e) && (!exact || sameInterval(l, e)));
      if (li < 0) return;
      byLabel.set(li, ei);
      used.add(ei);
    });
  }
  return byLabel;
}
