/**
 * Cross-checks of a page's 2×2 tables beyond the schema: every quote is in the abstract, the outcome
 * is declared, the counts agree (within rounding) with the sensitivity and specificity the page
 * states for the same outcome and index test, and add up to the n/N those estimates print.
 */
import type { Estimate, Study } from '../schema/index.ts';
import { CELLS, agreesWithinRounding, type TwoByTwo } from '../schema/two-by-two.ts';

/** One problem found, with its frontmatter path. */
export interface TableProblem {
  path: (string | number)[];
  message: string;
}

function stated(t: TwoByTwo, estimates: readonly Estimate[], measure: 'sensitivity' | 'specificity'): { e: Estimate; i: number }[] {
  return estimates.map((e, i) => ({ e, i })).filter(({ e }) => e.measure === measure && e.outcome === t.outcome && e.label === t.label && !e.needs_review);
}

/** Problems of the 2×2 tables of one study, given its abstract text and the declared outcome ids. */
export function checkTwoByTwo(study: Pick<Study, 'two_by_two' | 'estimates'>, abstract: string, outcomes: ReadonlySet<string>): TableProblem[] {
  const out: TableProblem[] = [];
  study.two_by_two.forEach((t, ti) => {
    const at = (...rest: (string | number)[]) => ['two_by_two', ti, ...rest];
    if (!outcomes.has(t.outcome)) out.push({ path: at('outcome'), message: `outcome "${t.outcome}" is not declared in content/review.yaml: use one of ${[...outcomes].join(', ')} or declare it there` });
    for (const c of CELLS) {
      const cell = t[c];
      if (cell.quote !== undefined && !abstract.includes(cell.quote)) {
        out.push({ path: at(c, 'quote'), message: 'quote is not in the abstract: copy the exact words that report this count' });
      }
      cell.derived?.from.forEach((q, qi) => {
        if (!abstract.includes(q)) out.push({ path: at(c, 'derived', 'from', qi), message: 'quote is not in the abstract: each input of a derived cell must be quoted verbatim' });
      });
    }
    const checks = [
      { measure: 'sensitivity' as const, exact: t.tp.n / (t.tp.n + t.fn.n), formula: `tp/(tp+fn) = ${t.tp.n}/${t.tp.n + t.fn.n}`, hit: 'tp' as const, miss: 'fn' as const, who: 'with the target condition' },
      { measure: 'specificity' as const, exact: t.tn.n / (t.tn.n + t.fp.n), formula: `tn/(tn+fp) = ${t.tn.n}/${t.tn.n + t.fp.n}`, hit: 'tn' as const, miss: 'fp' as const, who: 'without the target condition' },
    ];
    for (const { measure, exact, formula, hit, miss, who } of checks) {
      if (!Number.isFinite(exact)) continue; // the schema reports the empty margin
      for (const { e, i } of stated(t, study.estimates, measure)) {
        if (!agreesWithinRounding(exact, e.value, e.unit)) {
          const shown = e.unit === 'percent' ? `${(exact * 100).toFixed(2)}%` : exact.toFixed(4);
          out.push({
            path: at(measure === 'sensitivity' ? 'tp' : 'tn'),
            message: `${formula} = ${shown}, but estimates[${i}] reports ${measure} ${e.value}${e.unit === 'percent' ? '%' : ''} for "${t.label}": correct the counts (or that estimate) from the abstract`,
          });
        } else if (e.events !== null && e.total !== null && (t[hit].n !== e.events || t[hit].n + t[miss].n !== e.total)) {
          // Within rounding, yet not the n/N printed beside the proportion, which are the table's own cells: n = tp (tn), N = tp + fn (tn + fp).
          out.push({
            path: at(t[hit].n !== e.events ? hit : miss),
            message: `the cells do not add up: ${hit} = ${t[hit].n} and ${hit} + ${miss} = ${t[hit].n + t[miss].n}, but estimates[${i}] reports ${measure} ${e.events}/${e.total} (${e.events} of the ${e.total} ${who} ${hit === 'tp' ? 'test positive' : 'test negative'}) for "${t.label}": correct the counts (or that estimate) from the abstract`,
          });
        }
      }
    }
  });
  return out;
}
