import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../../src/lib/content/checks.ts';
import { formatProblem, validateReviewSource, validateStudySource } from '../../../src/lib/content/validate.ts';
import { fixture, ROOT } from '../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const problems = (name: string) => {
  const page = validateStudySource(fixture(`studies/${name}`), `content/studies/${name}`, name.replace('.mdx', ''));
  return checkContent([page], review).filter((p) => p.severity === 'error').map(formatProblem);
};

describe('2×2 tables and n/N counts in a study page', () => {
  it('accept reported and derived cells that agree with the stated sensitivity and specificity', () => {
    const page = validateStudySource(fixture('studies/two-by-two.mdx'), 'content/studies/two-by-two.mdx', 'two-by-two');
    expect(page.problems).toEqual([]);
    expect(page.study!.two_by_two[0]).toMatchObject({ tp: { n: 194 }, fn: { n: 29, derived: { from: ['194/223'] } }, threshold: null });
    expect(page.study!.estimates[0]).toMatchObject({ events: 194, total: 223 });
    expect(problems('two-by-two.mdx')).toEqual([]);
  });

  it('reject negative and fractional counts with the file, line and cell', () => {
    expect(problems('broken-two-by-two-cells.mdx')).toEqual([
      'content/studies/broken-two-by-two-cells.mdx:55: two_by_two.0.fn.n: must be a whole number of people or exams',
      'content/studies/broken-two-by-two-cells.mdx:57: two_by_two.0.fp.n: must be 0 or more',
    ]);
  });

  it('reject counts that contradict the stated sensitivity, and inputs not quoted from the abstract', () => {
    expect(problems('broken-two-by-two-consistency.mdx')).toEqual([
      'content/studies/broken-two-by-two-consistency.mdx:54: two_by_two.0.tp.quote: quote is not in the abstract: copy the exact words that report this count',
      'content/studies/broken-two-by-two-consistency.mdx:54: two_by_two.0.tp: tp/(tp+fn) = 150/179 = 83.80%, but estimates[0] reports sensitivity 87% for "WMA": correct the counts (or that estimate) from the abstract',
      'content/studies/broken-two-by-two-consistency.mdx:57: two_by_two.0.fp.derived.from.0: quote is not in the abstract: each input of a derived cell must be quoted verbatim',
    ]);
  });

  it('reject cells that do not add up to the n/N printed beside the sensitivity and specificity, even when the proportions agree within rounding', () => {
    expect(problems('broken-two-by-two-sums.mdx')).toEqual([
      'content/studies/broken-two-by-two-sums.mdx:55: two_by_two.0.fn: the cells do not add up: tp = 194 and tp + fn = 224, but estimates[0] reports sensitivity 194/223 (194 of the 223 with the target condition test positive) for "WMA": correct the counts (or that estimate) from the abstract',
      'content/studies/broken-two-by-two-sums.mdx:57: two_by_two.0.fp: the cells do not add up: tn = 364 and tn + fp = 401, but estimates[1] reports specificity 364/400 (364 of the 400 without the target condition test negative) for "WMA": correct the counts (or that estimate) from the abstract',
    ]);
  });

  it('reject a proportion above 1 (with the hint that it may be a percentage) and an n above its N', () => {
    const hint = '(if it is a percentage, set unit: percent): correct it from the quote, or set needs_review: true with a review_reason';
    expect(problems('broken-range.mdx')).toEqual([
      `content/studies/broken-range.mdx:32: estimates.0.value: sensitivity 1.7 is outside [0, 1] ${hint}`,
      `content/studies/broken-range.mdx:33: estimates.0.ci_low: sensitivity 1.6 is outside [0, 1] ${hint}`,
      `content/studies/broken-range.mdx:34: estimates.0.ci_high: sensitivity 1.8 is outside [0, 1] ${hint}`,
      'content/studies/broken-range.mdx:37: estimates.0.events: events 194 is above total 180: n/N needs n ≤ N',
    ]);
  });
});
