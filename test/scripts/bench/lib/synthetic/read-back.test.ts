import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontmatterTable, readBackProblems, readSection, tableProblems } from '../../../../../scripts/bench/lib/synthetic/read-back.ts';
import { tableSentence } from '../../../../../scripts/bench/lib/synthetic/two-by-two.ts';
import type { IntendedEstimate } from '../../../../../scripts/bench/lib/synthetic/notations.ts';
import { validateReviewSource } from '../../../../../src/lib/content/validate.ts';
import { ROOT } from '../../../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const { outcomes } = review;

// Sentences as the generator writes them (the "counts" and "respectively" notations).
const counted = 'The sensitivity for extracellular volume was 66.3% (663/1000, 95% CI 59.9–71.4). The specificity for ECV was 94.2% (942/1000, 95% CI 93.0–99.5).';
const another = ' The sensitivity and specificity for extracellular volume were 69.2% (95% CI 63.5–73.7) and 97.0% (95% CI 92.5–99.0), respectively.';

describe('reading a synthetic Results section as ingest does', () => {
  it('finds the 2×2 table ingest proposes from a sensitivity and a specificity that print n/N', () => {
    const read = readSection(counted, outcomes);
    expect(read.estimates.map((e) => [e.outcome, e.measure, e.value, e.events, e.total])).toEqual([
      ['extracellular-volume', 'sensitivity', 66.3, 663, 1000],
      ['extracellular-volume', 'specificity', 94.2, 942, 1000],
    ]);
    expect(read.tables.map((t) => [t.outcome, t.label, t.tp.n, t.fp.n, t.fn.n, t.tn.n])).toEqual([['extracellular-volume', 'extracellular volume', 663, 58, 337, 942]]);
    expect(tableProblems(read.tables, read.estimates, counted, outcomes)).toEqual([]);
  });

  it('reports that table as refused when the same label also reports another sensitivity and specificity', () => {
    const text = counted + another;
    const read = readSection(text, outcomes);
    expect(read.tables).toHaveLength(1);
    const problems = tableProblems(read.tables, read.estimates, text, outcomes);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['two_by_two.0.tp', 'two_by_two.0.tn']);
    expect(problems[0]).toMatch(/reports sensitivity 69\.2%/);
  });

  it('reports a generated table whose counts disagree with the sensitivity read for its label', () => {
    const read = readSection(counted, outcomes);
    const table = { outcome: 'extracellular-volume', label: 'extracellular volume', tp: 700, fp: 58, fn: 300, tn: 942 };
    const problems = tableProblems([frontmatterTable(table)], read.estimates, tableSentence(table), outcomes);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['two_by_two.0.tp']);
    expect(tableProblems([frontmatterTable({ ...table, tp: 663, fn: 337 })], read.estimates, tableSentence({ ...table, tp: 663, fn: 337 }), outcomes)).toEqual([]);
  });

  it('names the estimates ingest reads otherwise than intended', () => {
    const read = readSection(counted, outcomes);
    const want: IntendedEstimate[] = [
      { outcome: 'extracellular-volume', measure: 'sensitivity', value: 66.3, ci_low: 59.9, ci_high: 71.4, unit: 'percent' },
      { outcome: 'extracellular-volume', measure: 'specificity', value: 94.2, ci_low: 93, ci_high: 99.5, unit: 'percent' },
    ];
    expect(readBackProblems(read.estimates, want)).toEqual([]);
    expect(readBackProblems(read.estimates, [want[0]!])).toEqual(['ingest reads 2 estimates where 1 were written']);
    expect(readBackProblems(read.estimates, [want[0]!, { ...want[1]!, value: 94.3 }])).toEqual(['estimates[1] reads as extracellular-volume specificity 94.2 where extracellular-volume specificity 94.3 was written']);
  });
});
