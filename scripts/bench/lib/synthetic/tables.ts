/**
 * Synthetic data-table rows (studies, estimates and 2×2 tables, every column of
 * src/lib/data/tables.ts) for browser benchmarks at sizes the site cannot be built at quickly:
 * e.g. 100,000 estimates, for the Explore page's filters and its bivariate re-pooling. Same
 * vocabulary as the synthetic corpus; deterministic for a seed.
 */
import type { DiagnosticTableRow, EstimateRow, StudyRow } from '../../../../src/lib/schema/tables.ts';
import type { Measure, Outcome } from '../../../../src/lib/schema/index.ts';
import { createRng, type Rng } from '../../../../src/lib/prng.ts';
import { drawNumbers } from './notations.ts';
import { JOURNALS } from './text.ts';
import { CELL_WORDS, TABLE_SHARE, cellQuote, drawTable, type Reported } from './two-by-two.ts';

/** What one synthetic study is drawn with: its number, slug, id, outcomes and the generators. */
interface StudyDraw {
  i: number;
  seed: number;
  slug: string;
  id: string;
  own: Outcome[];
  rng: Rng;
}

/** `k` estimate rows of the study, drawn from its outcomes in turn. */
function estimateRows(s: StudyDraw, k: number): EstimateRow[] {
  const { rng, slug, id, own } = s;
  const rows: EstimateRow[] = [];
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
  return rows;
}

/** For TABLE_SHARE of the studies with a sensitivity-and-specificity outcome, a 2×2 table agreeing with the study's own rows; else null. */
function diagnosticTable(s: StudyDraw, rows: readonly EstimateRow[], tableRng: Rng): DiagnosticTableRow | null {
  const { slug, id } = s;
  const dta = s.own.filter((o) => o.measures.includes('sensitivity') && o.measures.includes('specificity'));
  if (!(dta.length && tableRng.chance(TABLE_SHARE))) return null;
  const o = tableRng.pick(dta);
  const label = o.aliases[0] ?? o.label;
  const stated = (measure: 'sensitivity' | 'specificity'): Reported | null => {
    const r = rows.find((x) => x.slug === slug && x.outcome === o.id && x.measure === measure);
    return r ? { value: r.value, unit: r.unit as Reported['unit'] } : null;
  };
  // A study's second row of the same measure may disagree with the first: the table follows the first.
  const t = drawTable(tableRng, o.id, label, stated('sensitivity'), stated('specificity'));
  return {
    table_id: `${slug}#1`, study_id: id, slug, outcome: o.id, label, threshold: null,
    tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn, sensitivity: t.tp / (t.tp + t.fn), specificity: t.tn / (t.tn + t.fp),
    derived_cells: null, provenance: JSON.stringify(Object.fromEntries(CELL_WORDS.map(([c]) => [c, { quote: cellQuote(t, c) }]))),
  };
}

/** The study's row (its journal and month drawn last, after its estimates and table). */
function studyRow(s: StudyDraw, year: number, status: StudyRow['status'], n: number, k: number): StudyRow {
  const { rng, i, seed, slug, id, own } = s;
  return {
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
  };
}

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
    const draw: StudyDraw = { i, seed, slug, id: `doi:10.5555/synth-table.${seed}.${i}`, own, rng };
    rows.push(...estimateRows(draw, k));
    const table = diagnosticTable(draw, rows, tableRng);
    if (table) diagnosticTables.push(table);
    studies.push(studyRow(draw, year, status, n, k));
  }
  return { studies, estimates: rows, diagnosticTables };
}
