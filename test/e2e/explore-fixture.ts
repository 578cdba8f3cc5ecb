/** A synthetic review for the re-pooling e2e tests: studies reporting wall-motion AUC with known intervals (three, or more). */
import type { EstimateRow, StudyRow } from '../../src/lib/schema/tables.ts';

const AUCS: [number, number, number][] = [
  [0.8, 0.74, 0.86],
  [0.88, 0.84, 0.92],
  [0.72, 0.62, 0.81],
];

/** The AUC, CI low and CI high of study i (the three above, then a fixed pattern). */
function auc(i: number): [number, number, number] {
  if (i < AUCS.length) return AUCS[i]!;
  const v = 0.7 + ((i * 7) % 23) / 100;
  return [v, Math.round((v - 0.04 - (i % 4) / 100) * 100) / 100, Math.round((v + 0.03 + (i % 3) / 100) * 100) / 100];
}

/** Full studies and estimates rows (every column), as build-data would write them: `n` studies, one estimate each. */
export function syntheticTables(n = AUCS.length): { studies: StudyRow[]; estimates: EstimateRow[] } {
  const values = Array.from({ length: n }, (_, i) => auc(i));
  const studies: StudyRow[] = values.map((_, i) => ({
    study_id: `hash:synthetic000000${i}`,
    slug: `synthetic-study-${i + 1}`,
    title: `Synthetic study ${i + 1}`,
    title_source: 'curated',
    authors: null,
    journal: 'Synthetic Journal',
    published: `${2025 - Math.floor(i / 9)}-0${(i % 9) + 1}`,
    published_year: 2025 - Math.floor(i / 9),
    published_source: 'curated',
    doi: null,
    pmid: null,
    pmcid: null,
    status: 'included',
    exclusion_reason: null,
    n_participants: 100 * (i + 1),
    sample_size: `${100 * (i + 1)} patients`,
    abstract_complete: true,
    outcomes: 'wall-motion-abnormality',
    n_estimates: 1,
    source_file: 'synthetic',
    source_line: i + 1,
    synthetic: true,
    rob_overall: 'not-assessed',
    abstract: 'Synthetic.',
  }));
  const estimates: EstimateRow[] = values.map(([value, low, high], i) => ({
    estimate_id: `synthetic-study-${i + 1}#1`,
    study_id: studies[i]!.study_id,
    slug: studies[i]!.slug,
    outcome: 'wall-motion-abnormality',
    label: 'WMA',
    measure: 'AUC',
    value,
    ci_low: low,
    ci_high: high,
    ci_level: 0.95,
    unit: 'proportion',
    events: null,
    total: null,
    quote: `AUC ${value} (${low}-${high})`,
    needs_review: false,
    review_reason: null,
    source: 'curated',
  }));
  return { studies, estimates };
}
