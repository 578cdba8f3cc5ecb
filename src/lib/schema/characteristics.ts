/**
 * Study characteristics the review declares for subgroup analysis and meta-regression
 * (`characteristics:` in content/review.yaml) and the values a study page gives them
 * (`characteristics: { <id>: value }` in its frontmatter). Risk of bias is built in: its subgroups
 * are the overall judgements (risk-of-bias-tools.ts `overallRisk`), so it is never declared.
 */
import { z } from 'zod';

/** The id of the built-in characteristic: the overall risk-of-bias judgement of each study. */
export const RISK_OF_BIAS_CHARACTERISTIC = 'risk_of_bias';

/** A categorical characteristic defines subgroups; a continuous one is a meta-regression moderator. */
export const CHARACTERISTIC_TYPES = ['categorical', 'continuous'] as const;

/** A characteristic's value on a study page: a category (text, number, true/false) or a number. */
export const CharacteristicValue = z.union([z.string().min(1), z.number().finite(), z.boolean()]);
/** A characteristic's value on a study page. */
export type CharacteristicValue = z.infer<typeof CharacteristicValue>;

/** One declared study characteristic. */
export const Characteristic = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be lowercase letters, digits and underscores starting with a letter, e.g. "imaging_modality" (it names an R variable)')
      .refine((id) => id !== RISK_OF_BIAS_CHARACTERISTIC, `"${RISK_OF_BIAS_CHARACTERISTIC}" is built in (the overall risk-of-bias judgement): choose another id`),
    label: z.string().min(1),
    type: z.enum(CHARACTERISTIC_TYPES, { error: 'must be "categorical" (subgroups) or "continuous" (meta-regression)' }),
    values: z.array(z.union([z.string().min(1), z.number().finite(), z.boolean()])).min(2, 'list at least two values (a single value cannot form subgroups)').optional().describe('categorical only: the allowed values, in display order'),
    description: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.values === undefined) return;
    if (c.type === 'continuous') ctx.addIssue({ code: 'custom', path: ['values'], message: 'a continuous characteristic takes any number: remove values, or make it categorical' });
    const seen = new Set<string>();
    c.values.forEach((v, i) => {
      if (seen.has(String(v))) ctx.addIssue({ code: 'custom', path: ['values', i], message: `"${String(v)}" is listed twice` });
      seen.add(String(v));
    });
  });
/** A declared study characteristic. */
export type Characteristic = z.infer<typeof Characteristic>;

/** The review's `characteristics` list: ids unique. */
export const Characteristics = z
  .array(Characteristic)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `characteristic "${c.id}" is declared twice: give each characteristic one entry` });
      seen.add(c.id);
    });
  });

/** A study page's `characteristics` mapping (checked against the declarations by `checkCharacteristics`). */
export const StudyCharacteristics = z.record(z.string(), CharacteristicValue).default({});
/** A study page's characteristic values by id. */
export type StudyCharacteristics = z.infer<typeof StudyCharacteristics>;
