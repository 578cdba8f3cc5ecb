/**
 * Synthetic data-table rows (studies and estimates, every column of src/lib/data/tables.ts) for
 * browser benchmarks at sizes the site cannot be built at quickly: e.g. 100,000 estimates, for
 * the Explore page's filters. Same vocabulary as the synthetic corpus; deterministic for a seed.
 */
import type { EstimateRow, StudyRow } from '../data/tables.ts';
import type { Measure, Outcome } from '../schema/index.ts';
import { createRng } from './prng.ts';
import { drawNumbers } from './notations.ts';
import { JOURNALS } from './text.ts';

/** Studies and estimates rows with about `estimates` estimates (3–8 per study, so ~estimates/5.5 studies). */
export function syntheticTables(estimates: number, outcomes: readonly Outcome[], seed = 1): { studies: StudyRow[]; estimates: EstimateRow[] } {
  const rng = createRng(seed);
  const studies: StudyRow[] = [];
  const rows: EstimateRow[] = [];
  for (let i = 1; rows.length < estimates; i++) {
    const slug = `synthetic-${String(i).padStart(6, '0')}`;
    const year = rng.int(2015, 2025);
    const status = rng.next() < 0.85 ? 'included' : rng.next() < 0.33 ? 'excluded' : 'pending';
    const n = rng.int(40, 6000);
    const own = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(outcomes)))];
    const k = Math.min(rng.int(3, 8), estimates - rows.length);
    const id = `doi:10.5555/synth-table.${seed}.${i}`;
    for (let j = 0; j < k; j++) {
      const o = own[j % own.length]!;
      const measure = rng.pick(o.measures) as Measure;
      const pct = measure !== 'kappa' && rng.chance(0.4);
      const d = drawNumbers(rng, measure, pct);
      const hasCi = rng.chance(0.9);
      rows.push({
        estimate_id: `${slug}#${j + 1}`,
        study_id: id,
        slug,
        outcome: o.id,
        label: o.aliases[0] ?? o.label,
        measure,
        value: d.value,
        ci_low: hasCi ? d.low : null,
        ci_high: hasCi ? d.high : null,
        ci_level: hasCi ? 0.95 : null,
        unit: pct ? 'percent' : measure === 'kappa' ? null : 'proportion',
        events: null,
        total: null,
        quote: `${o.aliases[0] ?? o.label} ${measure} ${d.value}`,
        needs_review: false,
        review_reason: null,
        source: 'extracted',
      });
    }
    studies.push({
      study_id: id,
      slug,
      title: `Synthetic study ${i} of ${own.map((o) => o.label.toLowerCase()).join(' and ')}`,
      title_source: 'derived',
      authors: null,
      journal: rng.pick(JOURNALS),
      published: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      published_year: year,
      published_source: 'listing',
      doi: `10.5555/synth-table.${seed}.${i}`,
      pmid: null,
      pmcid: null,
      status,
      exclusion_reason: status === 'excluded' ? 'not-clinical' : null,
      n_participants: n,
      sample_size: `${n} patients`,
      abstract_complete: true,
      outcomes: own.map((o) => o.id).join(','),
      n_estimates: k,
      source_file: 'synthetic',
      source_line: i,
      synthetic: true,
      abstract: 'Synthetic benchmark record.',
    });
  }
  return { studies, estimates: rows };
}
