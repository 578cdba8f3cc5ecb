/** A synthetic review for the re-pooling e2e test: three studies reporting wall-motion AUC with known intervals. */
import type { EstimateRow, StudyRow } from '../../src/lib/data/tables.ts';

const AUCS: [number, number, number][] = [
  [0.8, 0.74, 0.86],
  [0.88, 0.84, 0.92],
  [0.72, 0.62, 0.81],
];

/** Full studies and estimates rows (every column), as build-data would write them. */
export function syntheticTables(): { studies: StudyRow[]; estimates: EstimateRow[] } {
  const studies: StudyRow[] = AUCS.map((_, i) => ({
    study_id: `hash:synthetic000000${i}`,
    slug: `synthetic-study-${i + 1}`,
    title: `Synthetic study ${i + 1}`,
    title_source: 'curated',
    authors: null,
    journal: 'Synthetic Journal',
    published: `2025-0${i + 1}`,
    published_year: 2025,
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
    abstract: 'Synthetic.',
  }));
  const estimates: EstimateRow[] = AUCS.map(([value, low, high], i) => ({
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
    quote: `AUC ${value} (${low}-${high})`,
    needs_review: false,
    review_reason: null,
    source: 'curated',
  }));
  return { studies, estimates };
}
