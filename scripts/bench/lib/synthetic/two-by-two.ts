/**
 * 2×2 tables for the benchmark's synthetic corpus: counts drawn so that tp/(tp+fn) and tn/(tn+fp)
 * agree, within rounding, with the sensitivity and specificity the same abstract reports for the
 * same outcome and label (the check `npm run check` runs), a Results sentence that reports the
 * four counts, and the page's `two_by_two` frontmatter quoting that sentence. Also bare tables
 * (synthesis inputs) for timing the bivariate re-pooling at a fixed number of tables.
 */
import { agreesWithinRounding } from '../../../../src/lib/schema/two-by-two.ts';
import type { DtaInput } from '../../../../src/lib/site/dta-synthesis.ts';
import { createRng, type Rng } from '../../../../src/lib/prng.ts';

/** Share of synthetic studies that report a 2×2 table (on an outcome with sensitivity and specificity). */
export const TABLE_SHARE = 0.35;

/** The n/N printed beside a reported proportion. */
export interface Counted {
  events: number;
  total: number;
}

/** A reported proportion: its value as written, its unit, and its n/N when the abstract prints one (the table's margin is then that N). */
export interface Reported {
  value: number;
  unit: 'percent' | 'proportion' | null;
  counted?: Counted;
}

/** One intended 2×2 table of a synthetic record. */
export interface IntendedTable {
  outcome: string;
  /** The outcome alias the abstract uses, which ingest writes as the estimates' label. */
  label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** The four cells in frontmatter order, with the words the Results sentence uses for each. */
export const CELL_WORDS = [
  ['tp', 'true positives'],
  ['fp', 'false positives'],
  ['fn', 'false negatives'],
  ['tn', 'true negatives'],
] as const;

/** The verbatim quote of one cell in the sentence ("194 true positives"). */
export function cellQuote(t: IntendedTable, cell: (typeof CELL_WORDS)[number][0]): string {
  return `${t[cell]} ${CELL_WORDS.find(([c]) => c === cell)![1]}`;
}

/** The Results sentence reporting a table's four counts (names no measure and writes no interval, so the extractor reads no estimate from it). */
export function tableSentence(t: IntendedTable): string {
  return `Against the reference standard, the readings for ${t.label} comprised ${cellQuote(t, 'tp')}, ${cellQuote(t, 'fp')}, ${cellQuote(t, 'fn')} and ${cellQuote(t, 'tn')}.`;
}

/**
 * Split `total` into positives/negatives agreeing with a reported proportion (or drawn near one when
 * none is reported): the smallest total from `total` upward whose rounded count agrees.
 */
function split(rng: Rng, total: number, reported: Reported | null): [number, number] {
  if (reported?.counted) return [reported.counted.events, reported.counted.total - reported.counted.events];
  const p = reported ? reported.value / (reported.unit === 'percent' ? 100 : 1) : rng.float(0.6, 0.97);
  for (let n = total; n < total + 2000; n++) {
    const hit = Math.round(p * n);
    if (hit < 0 || hit > n) continue;
    if (!reported || agreesWithinRounding(hit / n, reported.value, reported.unit)) return [hit, n - hit];
  }
  throw new Error(`no count agrees with ${reported!.value} ${reported!.unit ?? ''}`);
}

/** Draw a table for an outcome and label, consistent with the reported sensitivity and specificity (when given). */
export function drawTable(rng: Rng, outcome: string, label: string, sens: Reported | null, spec: Reported | null): IntendedTable {
  const [tp, fn] = split(rng, rng.int(500, 2500), sens);
  const [tn, fp] = split(rng, rng.int(500, 4000), spec);
  return { outcome, label, tp, fp, fn, tn };
}

const yamlString = (s: string) => JSON.stringify(s);

/** The `two_by_two:` frontmatter block for a page's tables, every cell quoting the Results sentence. */
export function twoByTwoYaml(tables: readonly IntendedTable[]): string {
  const lines = ['two_by_two:'];
  for (const t of tables) {
    lines.push(`  - outcome: ${t.outcome}`, `    label: ${yamlString(t.label)}`);
    for (const [cell] of CELL_WORDS) lines.push(`    ${cell}: { n: ${t[cell]}, quote: ${yamlString(cellQuote(t, cell))} }`);
  }
  return lines.join('\n');
}

/**
 * `n` included studies' 2×2 tables on one outcome, as the synthesis reads them (for timing the
 * re-pooling alone): sensitivities and specificities spread as in the corpus, deterministic for a seed.
 */
export function syntheticDtaInputs(n: number, seed = 1, outcome = 'synthetic-outcome'): DtaInput[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const slug = `synthetic-${String(i + 1).padStart(6, '0')}`;
    const t = drawTable(rng, outcome, 'model', null, null);
    return { tableId: `${slug}#1`, slug, title: `Synthetic study ${i + 1}`, outcome, label: t.label, threshold: null, tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn, status: 'included' };
  });
}
