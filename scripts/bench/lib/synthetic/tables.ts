/**
 * Synthetic data-table rows (studies, estimates and 2×2 tables, every column of
 * src/lib/data/tables.ts) for browser benchmarks at sizes the site cannot be built at quickly:
 * e.g. 100,000 estimates, for the Explore page's filters and its bivariate re-pooling. Same
 * vocabulary as the synthetic corpus; deterministic for a seed.
 */
import type { DiagnosticTableRow, EstimateRow, StudyRow } from '../../../../src/lib/schema/tables.ts';
import type { Measure, Outcome } from '../../../../src/lib/schema/index.ts';
import { createRng } from '../../../../src/lib/prng.ts';
import { drawNumbers } from './notations.ts';
import { JOURNALS } from './text.ts';
import { CELL_WORDS, TABLE_SHARE, cellQuote, drawTable, type Reported } from './two-by-two.ts';

/**
 * Studies and estimates rows with about `estimates` estimates (3–8 per study, so ~estimates/5.5
 * studies), and a 2×2 table for TABLE_SHARE of the studies that report on an outcome with
 * sensitivity and specificity (agreeing with the study's own sensitivity/specificity rows).
 */
export function syntheticTables(estimates: number, outcomes: readonly Outcome[], seed = 1): { studies: StudyRow[]; estimates: EstimateRow[]; diagnosticTables: DiagnosticTableRow[] } {
  const rng = createRng(seed);
  const tableRng = createRng((Math.imul(seed, 0x85ebca6b) + 1) >>> 0); // its own stream: the other rows stay as they were
  const studies: StudyRow[] = [];
  const rows: EstimateRow[] = [];
  const diagnosticTables: DiagnosticTableRow[] = [];
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
    const dta = own.filter((o) => o.measures.includes('sensitivity') && o.measures.includes('specificity'));
    if (dta.length && tableRng.chance(TABLE_SHARE)) {
      const o = tableRng.pick(dta);
      const label = o.aliases[0] ?? o.label;
      const stated = (measure: 'sensitivity' | 'specificity'): Reported | null => {
        const r = rows.find((x) => x.slug === slug && x.outcome === o.id && x.measure === measure);
        return r ? { value: r.value, unit: r.unit as Reported['unit'] } : null;
      };
      // A study's second row of the same measure may disagree with the first: the table follows the first.
      const t = drawTable(tableRng, o.id, label, stated('sensitivity'), stated('specificity'));
      diagnosticTables.push({
        table_id: `${slug}#1`, study_id: id, slug, outcome: o.id, label, threshold: null,
        tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn, sensitivity: t.tp / (t.tp + t.fn), specificity: t.tn / (t.tn + t.fp),
        derived_cells: null, provenance: JSON.stringify(Object.fromEntries(CELL_WORDS.map(([c]) => [c, { quote: cellQuote(t, c) }]))),
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
      rob_overall: 'not-assessed',
      abstract: 'Synthetic benchmark record.',
    });
  }
  return { studies, estimates: rows, diagnosticTables };
}
