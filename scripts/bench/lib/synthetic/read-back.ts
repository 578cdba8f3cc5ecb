/**
 * What ingest will read from a synthetic abstract's Results section (the real extractor, outcome
 * matching and 2×2 proposal, applied to a section as src/lib/ingest/study.ts does), and what
 * `npm run check` will say about the page's 2×2 tables (the real checkTwoByTwo). The generator
 * uses it to write only records whose page passes: ingest proposes 2×2 tables of its own from a
 * sensitivity and a specificity that print n/N, and those are checked against every sensitivity
 * and specificity of their label, not only the ones they were made from.
 */
import type { Estimate, Outcome } from '../../../../src/lib/schema/index.ts';
import type { TwoByTwo } from '../../../../src/lib/schema/two-by-two.ts';
import { extractEstimates } from '../../../../src/lib/ingest/extract.ts';
import { extractTwoByTwo } from '../../../../src/lib/ingest/two-by-two.ts';
import { matchOutcome } from '../../../../src/lib/ingest/study.ts';
import { checkTwoByTwo } from '../../../../src/lib/content/two-by-two-checks.ts';
import type { IntendedEstimate } from './notations.ts';
import { CELL_WORDS, cellQuote, type IntendedTable } from './two-by-two.ts';

/** A section as ingest reads it: the page's estimates and the 2×2 tables ingest proposes (declared outcomes only). */
export interface SectionRead {
  estimates: Estimate[];
  tables: TwoByTwo[];
}

/** Read one abstract section as ingest does (an estimate whose label names no declared outcome, or an undeclared measure, needs review). */
export function readSection(text: string, outcomes: readonly Outcome[]): SectionRead {
  const found = extractEstimates(text);
  const estimates = found.map(({ start: _start, ...e }): Estimate => {
    const o = matchOutcome(e.label, outcomes);
    const declared = o !== null && o.measures.includes(e.measure);
    return { ...e, outcome: o?.id ?? 'undeclared-outcome', needs_review: e.needs_review || !declared, source: 'extracted' };
  });
  const tables = extractTwoByTwo(text, found).flatMap((t): TwoByTwo[] => {
    const o = matchOutcome(t.label, outcomes);
    return o ? [{ outcome: o.id, label: t.label, threshold: null, tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn }] : [];
  });
  return { estimates, tables };
}

/** How the estimates read differ from the intended ones (count, then outcome, measure, value, interval, unit, review flag of each). */
export function readBackProblems(read: readonly Estimate[], intended: readonly IntendedEstimate[]): string[] {
  if (read.length !== intended.length) return [`ingest reads ${read.length} estimates where ${intended.length} were written`];
  return read.flatMap((e, i) => {
    const w = intended[i]!;
    const same = e.outcome === w.outcome && e.measure === w.measure && e.value === w.value && e.ci_low === w.ci_low && e.ci_high === w.ci_high && e.unit === w.unit && !e.needs_review;
    return same ? [] : [`estimates[${i}] reads as ${e.outcome} ${e.measure} ${e.value} where ${w.outcome} ${w.measure} ${w.value} was written`];
  });
}

/** A generated table as the page's two_by_two holds it (each cell quoting the table's Results sentence). */
export function frontmatterTable(t: IntendedTable): TwoByTwo {
  const cell = (c: (typeof CELL_WORDS)[number][0]) => ({ n: t[c], quote: cellQuote(t, c) });
  return { outcome: t.outcome, label: t.label, threshold: null, tp: cell('tp'), fp: cell('fp'), fn: cell('fn'), tn: cell('tn') };
}

/** The 2×2 check's problems with `tables` on a page holding `estimates` ("path: message"). */
export function tableProblems(tables: readonly TwoByTwo[], estimates: readonly Estimate[], abstract: string, outcomes: readonly Outcome[]): string[] {
  const found = checkTwoByTwo({ two_by_two: [...tables], estimates: [...estimates] }, abstract, new Set(outcomes.map((o) => o.id)));
  return found.map((p) => `${p.path.join('.')}: ${p.message}`);
}
