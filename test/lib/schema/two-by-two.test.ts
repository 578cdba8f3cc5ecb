import { describe, expect, it } from 'vitest';
import { TwoByTwo, TwoByTwoCell, agreesWithinRounding } from '../../../src/lib/schema/two-by-two.ts';

const cell = (n: number) => ({ n, quote: `${n} patients` });
const table = { outcome: 'wall-motion-abnormality', label: 'WMA', tp: cell(45), fp: cell(6), fn: cell(3), tn: cell(120) };

describe('a 2×2 table', () => {
  it('accepts whole, non-negative counts each with a quote or a derivation', () => {
    expect(TwoByTwo.safeParse(table).success).toBe(true);
    const derived = { ...table, fn: { n: 3, derived: { rule: '48 with the condition − 45 true positives', from: ['45/48'] } } };
    expect(TwoByTwo.parse(derived).threshold).toBeNull();
  });

  it('rejects negative and fractional counts, naming the cell', () => {
    const r = TwoByTwo.safeParse({ ...table, fp: cell(-1), fn: cell(2.5) });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(['fp.n: must be 0 or more', 'fn.n: must be a whole number of people or exams']));
  });

  it('needs exactly one of quote and derived on each cell', () => {
    expect(TwoByTwoCell.safeParse({ n: 3 }).success).toBe(false);
    expect(TwoByTwoCell.safeParse({ n: 3, quote: '3', derived: { rule: 'r', from: ['3'] } }).success).toBe(false);
    expect(TwoByTwoCell.safeParse({ n: 3, derived: { rule: 'r', from: [] } }).success).toBe(false);
  });

  it('rejects a table with nobody with (or without) the target condition', () => {
    const r = TwoByTwo.safeParse({ ...table, tp: cell(0), fn: cell(0) });
    expect(r.error!.issues[0]!.message).toMatch(/tp \+ fn is 0/);
  });
});

describe('agreesWithinRounding', () => {
  it('allows one unit in the last printed decimal, in percent or as a proportion', () => {
    expect(agreesWithinRounding(194 / 223, 87, 'percent')).toBe(true); // 86.996%
    expect(agreesWithinRounding(194 / 223, 0.87, 'proportion')).toBe(true);
    expect(agreesWithinRounding(194 / 223, 0.875, 'proportion')).toBe(false);
    expect(agreesWithinRounding(150 / 223, 87, 'percent')).toBe(false);
    expect(agreesWithinRounding(0.8705, 87.1, 'percent')).toBe(true);
  });
});

describe('an estimate’s n/N', () => {
  it('must match its value within rounding unless it is flagged for review', async () => {
    const { Estimate } = await import('../../../src/lib/schema/index.ts');
    const base = { outcome: 'wall-motion-abnormality', label: 'WMA', measure: 'sensitivity', value: 87, unit: 'percent', quote: '87% (150/223)' } as const;
    const r = Estimate.safeParse({ ...base, events: 150, total: 223 });
    expect(r.error!.issues[0]).toMatchObject({ path: ['events'], message: expect.stringMatching(/^150\/223 = 0\.6726 does not match the value 87% within rounding/) });
    expect(Estimate.safeParse({ ...base, events: 194, total: 223 }).success).toBe(true);
    expect(Estimate.safeParse({ ...base, events: 150, total: 223, needs_review: true, review_reason: 'counts disagree with the percentage' }).success).toBe(true);
    expect(Estimate.safeParse({ ...base, events: 150 }).error!.issues[0]!.path).toEqual(['total']);
  });
});
