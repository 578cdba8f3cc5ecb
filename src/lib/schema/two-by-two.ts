/**
 * 2×2 tables of a diagnostic-accuracy study (TP, FP, FN, TN per outcome and index test), each
 * cell with its provenance: a verbatim quote when the abstract reports the count, or the rule
 * and the quoted inputs it was derived from (e.g. FN = 223 with the condition − 193 TP).
 */
import { z } from 'zod';

/** One cell: its count, and either the quote that reports it or how it was derived. */
export const TwoByTwoCell = z
  .object({
    n: z.number().int('must be a whole number of people or exams').nonnegative('must be 0 or more'),
    quote: z.string().min(1).optional().describe('verbatim text of the abstract that reports this count'),
    derived: z
      .object({
        rule: z.string().min(1).describe('the arithmetic, in words: "223 with the condition − 193 true positives"'),
        from: z.array(z.string().min(1)).min(1).describe('verbatim quotes of every input the rule uses'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.quote === undefined) === (c.derived === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give either quote (the count is reported) or derived: { rule, from } (it is computed from quoted numbers), not both or neither' });
    }
  });
/** One cell of a 2×2 table. */
export type TwoByTwoCell = z.infer<typeof TwoByTwoCell>;

/** The four cells of a table, in the order pages and tables list them. */
export const CELLS = ['tp', 'fp', 'fn', 'tn'] as const;
/** A cell name. */
export type CellName = (typeof CELLS)[number];

/** A 2×2 table for one outcome and index test (and operating point, when the study gives several). */
export const TwoByTwo = z
  .object({
    outcome: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an outcome id declared in content/review.yaml').meta({ description: 'Outcome id declared in content/review.yaml.' }),
    label: z.string().min(1).meta({ description: 'The index test (and test set) as the abstract names it; the label of its sensitivity/specificity estimates.' }),
    threshold: z.string().min(1).nullable().default(null).meta({ description: 'Operating point or positivity threshold when stated, else null.' }),
    tp: TwoByTwoCell,
    fp: TwoByTwoCell,
    fn: TwoByTwoCell,
    tn: TwoByTwoCell,
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.tp.n + t.fn.n === 0) ctx.addIssue({ code: 'custom', path: ['tp'], message: 'tp + fn is 0: nobody had the target condition, so sensitivity is undefined (check the counts)' });
    if (t.tn.n + t.fp.n === 0) ctx.addIssue({ code: 'custom', path: ['tn'], message: 'tn + fp is 0: nobody was without the target condition, so specificity is undefined (check the counts)' });
  });
/** A validated 2×2 table. */
export type TwoByTwo = z.infer<typeof TwoByTwo>;

/** The decimals printed in a reported number (87 → 0, 0.947 → 3). */
function decimals(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Whether an exact proportion (e.g. tp/(tp+fn)) agrees with a reported one within rounding: one
 * unit in the last printed decimal (87% allows 86–88%, 0.947 allows 0.946–0.948), so truncated and
 * rounded reports both pass while a wrong cell does not.
 */
export function agreesWithinRounding(exact: number, reported: number, unit: 'percent' | 'proportion' | string | null): boolean {
  const scale = unit === 'percent' ? 100 : 1;
  return Math.abs(exact * scale - reported) <= 10 ** -decimals(reported) + 1e-9;
}
