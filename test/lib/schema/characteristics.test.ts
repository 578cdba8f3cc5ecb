/**
 * Study characteristics: what content/review.yaml may declare (ids, types, values) and how `npm run
 * check` reports a page's values against the declarations, with file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { Characteristic, Characteristics, StudyCharacteristics } from '../../../src/lib/schema/characteristics.ts';
import { checkCharacteristics } from '../../../src/lib/content/characteristics-checks.ts';
import { checkContent } from '../../../src/lib/content/checks.ts';
import { validateReviewSource, validateStudySource } from '../../../src/lib/content/validate.ts';
import { fixture } from '../../helpers.ts';

const DECLARED = `characteristics:
  - id: modality
    label: Imaging modality
    type: categorical
    values: [echo, MRI]
  - id: mean_age
    label: Mean age (years)
    type: continuous
  - id: setting
    label: Setting
    type: categorical
`;
const reviewText = fixture('../../content/review.yaml').replace('search_log:', `${DECLARED}search_log:`);

describe('declaring characteristics in review.yaml', () => {
  it('accepts categorical characteristics with or without values and continuous ones, and defaults to none', () => {
    const { review, problems } = validateReviewSource(reviewText, 'content/review.yaml');
    expect(problems).toEqual([]);
    expect(review!.characteristics.map((c) => [c.id, c.type, c.values ?? null])).toEqual([['modality', 'categorical', ['echo', 'MRI']], ['mean_age', 'continuous', null], ['setting', 'categorical', null]]);
    expect(validateReviewSource(fixture('../../content/review.yaml'), 'content/review.yaml').review!.characteristics).toEqual([]);
  });

  it('rejects a duplicate id with its line, values on a continuous characteristic, a repeated value, a built-in or malformed id, an unknown type', () => {
    const dup = validateReviewSource(reviewText.replace('id: setting', 'id: modality'), 'content/review.yaml').problems;
    expect(dup).toEqual([expect.objectContaining({ field: 'characteristics.2.id', line: reviewText.split('\n').indexOf('  - id: setting') + 1, message: expect.stringContaining('declared twice') })]);
    const bad = (c: unknown) => Characteristic.safeParse(c).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ id: 'age', label: 'Age', type: 'continuous', values: [1, 2] })).toEqual(['values: a continuous characteristic takes any number: remove values, or make it categorical']);
    expect(bad({ id: 'm', label: 'M', type: 'categorical', values: ['a', 'a'] })).toEqual(['values.1: "a" is listed twice']);
    expect(bad({ id: 'risk_of_bias', label: 'RoB', type: 'categorical' })![0]).toMatch(/^id: "risk_of_bias" is built in/);
    expect(bad({ id: 'Imaging Modality', label: 'M', type: 'categorical' })![0]).toMatch(/^id: must be lowercase letters, digits and underscores/);
    expect(bad({ id: 'm', label: 'M', type: 'ordinal' })).toEqual(['type: must be "categorical" (subgroups) or "continuous" (meta-regression)']);
    expect(bad({ id: 'm', label: 'M', type: 'categorical', values: ['only'] })).toEqual(['values: list at least two values (a single value cannot form subgroups)']);
    expect(Characteristics.parse(undefined)).toEqual([]);
  });

  it('lets a page give text, numbers or true/false, and nothing else', () => {
    expect(StudyCharacteristics.parse(undefined)).toEqual({});
    expect(StudyCharacteristics.safeParse({ modality: 'MRI', mean_age: 61.5, blinded: true }).success).toBe(true);
    expect(StudyCharacteristics.safeParse({ modality: ['MRI'] }).success).toBe(false);
    expect(StudyCharacteristics.safeParse({ modality: '' }).success).toBe(false);
    expect(StudyCharacteristics.safeParse({ mean_age: null }).success).toBe(false);
  });
});

describe('checking a page’s characteristics against the declarations', () => {
  const review = validateReviewSource(reviewText, 'content/review.yaml').review!;

  it('reports an undeclared characteristic, a non-number for a continuous one, and a value outside the declared values', () => {
    expect(checkCharacteristics({ modality: 'CT', mean_age: 'sixty', setting: 'anything goes', country: 'NL' }, review.characteristics)).toEqual([
      { path: ['characteristics', 'modality'], message: '"CT" is not a declared value of "modality" (Imaging modality): use one of "echo", "MRI", or add it to the values in content/review.yaml' },
      { path: ['characteristics', 'mean_age'], message: '"sixty" is not a number: "mean_age" (Mean age (years)) is declared continuous, so give a number such as 12.5' },
      { path: ['characteristics', 'country'], message: 'characteristic "country" is not declared in content/review.yaml (declared: modality, mean_age, setting): declare it under characteristics (id, label, type) or remove it here' },
    ]);
    expect(checkCharacteristics({ modality: 'MRI', mean_age: 61 }, review.characteristics)).toEqual([]);
  });

  it('names file, line and field in npm run check', () => {
    const valid = fixture('studies/valid.mdx');
    const text = valid.replace('status: pending\n', 'status: pending\ncharacteristics:\n  modality: CT\n  mean_age: 61\n  country: NL\n');
    const page = validateStudySource(text, 'content/studies/x.mdx', 'x');
    expect(page.problems).toEqual([]);
    const found = checkContent([page], review).filter((p) => p.field.startsWith('characteristics'));
    const lines = text.split('\n');
    expect(found.map((p) => [p.line, p.field, p.severity])).toEqual([
      [lines.indexOf('  modality: CT') + 1, 'characteristics.modality', 'error'],
      [lines.indexOf('  country: NL') + 1, 'characteristics.country', 'error'],
    ]);
  });

  it('rejects a characteristic value of the wrong shape in the schema, with its line', () => {
    const text = fixture('studies/valid.mdx').replace('status: pending\n', 'status: pending\ncharacteristics:\n  modality: [echo, MRI]\n');
    const page = validateStudySource(text, 'content/studies/x.mdx', 'x');
    expect(page.problems.map((p) => [p.field, p.line])).toEqual([['characteristics.modality', text.split('\n').indexOf('  modality: [echo, MRI]') + 1]]);
  });
});
