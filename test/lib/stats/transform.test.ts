import { describe, expect, it } from 'vitest';
import {
  TransformError,
  backTransformPooled,
  ciFromEffect,
  effectFromCI,
  fromScale,
  pool,
  scaleFor,
  toScale,
  tryEffectFromCI,
} from '../../../src/lib/stats/index.ts';
import type { ReportedEffect, TransformErrorCode } from '../../../src/lib/stats/index.ts';
import { MEASURE_IDS } from '../../../src/lib/schema/measures.ts';

const Z95 = 1.959963984540054;
const logit = (p: number) => Math.log(p / (1 - p));

function code(input: ReportedEffect): TransformErrorCode {
  const r = tryEffectFromCI(input);
  if (r.ok) throw new Error('expected a failure');
  return r.code;
}

describe('scaleFor', () => {
  it('maps accuracy-type measures to logit, ratios to log and differences/agreement to identity', () => {
    for (const m of ['AUC', 'AUPRC', 'sensitivity', 'specificity', 'accuracy', 'balanced_accuracy', 'PPV', 'NPV', 'F1', 'Dice', 'IoU']) expect(scaleFor(m)).toBe('logit');
    for (const m of ['PLR', 'NLR', 'DOR', 'OR', 'HR', 'RR']) expect(scaleFor(m)).toBe('log');
    for (const m of ['kappa', 'ICC', 'MD', 'SMD']) expect(scaleFor(m)).toBe('identity');
    expect(MEASURE_IDS).toHaveLength(21);
  });

  it('throws a TransformError naming an unknown measure', () => {
    expect(() => scaleFor('Cohen d')).toThrow(TransformError);
    expect(() => scaleFor('Cohen d')).toThrow(/unknown measure "Cohen d"/);
    expect(() => scaleFor('constructor')).toThrow(/unknown measure "constructor"/);
  });
});

describe('effectFromCI', () => {
  it('puts an AUC of 0.85 (0.80–0.90) on the logit scale with se from the CI width', () => {
    const e = effectFromCI({ measure: 'AUC', estimate: 0.85, lower: 0.8, upper: 0.9, unit: 'proportion' });
    expect(e.scale).toBe('logit');
    expect(e.yi).toBeCloseTo(logit(0.85), 15);
    expect(e.se).toBeCloseTo((logit(0.9) - logit(0.8)) / (2 * Z95), 15);
    expect(e.vi).toBeCloseTo(e.se ** 2, 15);
  });

  it('divides percentages by 100 first', () => {
    const pct = effectFromCI({ measure: 'sensitivity', estimate: 85, lower: 80, upper: 90, unit: 'percent' });
    const prop = effectFromCI({ measure: 'sensitivity', estimate: 0.85, lower: 0.8, upper: 0.9 });
    expect(pct.yi).toBeCloseTo(prop.yi, 14);
    expect(pct.vi).toBeCloseTo(prop.vi, 14);
  });

  it('uses the log scale for ratios and the identity for mean differences', () => {
    const or = effectFromCI({ measure: 'OR', estimate: 2, lower: 1.5, upper: 2.7, unit: 'ratio' });
    expect(or.yi).toBeCloseTo(Math.log(2), 15);
    expect(or.se).toBeCloseTo((Math.log(2.7) - Math.log(1.5)) / (2 * Z95), 15);
    const md = effectFromCI({ measure: 'MD', estimate: -1.2, lower: -2, upper: -0.4, unit: 'difference' });
    expect(md.yi).toBe(-1.2);
    expect(md.se).toBeCloseTo(1.6 / (2 * Z95), 15);
  });

  it('respects the CI level: a 90% interval divides by 2·1.644854', () => {
    const e = effectFromCI({ measure: 'HR', estimate: 0.8, lower: 0.7, upper: 0.9, level: 0.9 });
    expect(e.se).toBeCloseTo((Math.log(0.9) - Math.log(0.7)) / (2 * 1.6448536269514722), 14);
  });

  it('fails with missing-ci when a bound is missing, and missing-estimate without an estimate', () => {
    expect(code({ measure: 'AUC', estimate: 0.8, lower: null, upper: 0.9 })).toBe('missing-ci');
    expect(() => effectFromCI({ measure: 'AUC', estimate: 0.8, lower: 0.7, upper: undefined })).toThrow(/no upper bound/);
    expect(code({ measure: 'AUC', estimate: null, lower: 0.7, upper: 0.9 })).toBe('missing-estimate');
    expect(code({ measure: 'AUC', estimate: Number.NaN, lower: 0.7, upper: 0.9 })).toBe('invalid-number');
  });

  it('fails with ci-excludes-value when the CI does not contain the estimate', () => {
    expect(() => effectFromCI({ measure: 'OR', estimate: 3, lower: 1.2, upper: 2.5 })).toThrow(/does not contain the estimate 3/);
    expect(code({ measure: 'OR', estimate: 3, lower: 1.2, upper: 2.5 })).toBe('ci-excludes-value');
  });

  it('fails on reversed and zero-width intervals', () => {
    expect(code({ measure: 'MD', estimate: 1, lower: 2, upper: 0 })).toBe('ci-reversed');
    expect(code({ measure: 'MD', estimate: 1, lower: 1, upper: 1 })).toBe('zero-width-ci');
  });

  it('fails with logit-boundary on values of exactly 0 or 1, naming which value', () => {
    expect(() => effectFromCI({ measure: 'specificity', estimate: 1, lower: 0.9, upper: 1 })).toThrow(/estimate is 1: the logit of 0 or 1 is infinite/);
    expect(() => effectFromCI({ measure: 'sensitivity', estimate: 0.1, lower: 0, upper: 0.3 })).toThrow(/lower bound is 0/);
    expect(code({ measure: 'Dice', estimate: 100, lower: 95, upper: 100, unit: 'percent' })).toBe('logit-boundary');
  });

  it('fails with out-of-range and a percent hint when a proportion exceeds 1', () => {
    expect(() => effectFromCI({ measure: 'AUC', estimate: 85, lower: 80, upper: 90 })).toThrow(/pass unit 'percent'/);
    expect(code({ measure: 'AUC', estimate: 85, lower: 80, upper: 90 })).toBe('out-of-range');
  });

  it('fails with non-positive-ratio on ratios at or below 0', () => {
    expect(() => effectFromCI({ measure: 'RR', estimate: 0.5, lower: 0, upper: 1.1 })).toThrow(/lower bound is 0: a ratio must be positive/);
    expect(code({ measure: 'HR', estimate: -0.2, lower: -0.5, upper: 0.1 })).toBe('non-positive-ratio');
  });

  it('fails with unit-mismatch when the unit does not fit the measure', () => {
    expect(code({ measure: 'AUC', estimate: 0.8, lower: 0.7, upper: 0.9, unit: 'ratio' })).toBe('unit-mismatch');
    expect(code({ measure: 'OR', estimate: 2, lower: 1, upper: 3, unit: 'percent' })).toBe('unit-mismatch');
    expect(code({ measure: 'MD', estimate: 2, lower: 1, upper: 3, unit: 'ratio' })).toBe('unit-mismatch');
  });

  it('fails with bad-level for a level given in percent', () => {
    expect(code({ measure: 'MD', estimate: 2, lower: 1, upper: 3, level: 95 })).toBe('bad-level');
  });
});

describe('back-transforms', () => {
  it('inverts the link: fromScale(toScale(x)) = x', () => {
    expect(fromScale('logit', toScale('logit', 0.73))).toBeCloseTo(0.73, 15);
    expect(fromScale('log', toScale('log', 2.4))).toBeCloseTo(2.4, 14);
    expect(fromScale('identity', -3)).toBe(-3);
    expect(toScale('logit', 1)).toBeNaN();
    expect(toScale('log', 0)).toBeNaN();
  });

  it('recovers a ratio CI that is symmetric on the log scale', () => {
    const e = effectFromCI({ measure: 'OR', estimate: 2, lower: 2 / 1.5, upper: 3 });
    const back = ciFromEffect(e, e.scale);
    expect(back.estimate).toBeCloseTo(2, 14);
    expect(back.lower).toBeCloseTo(2 / 1.5, 14);
    expect(back.upper).toBeCloseTo(3, 14);
  });

  it('pools AUCs on the logit scale and shows the pooled AUC back in 0..1, between the study AUCs', () => {
    const reported = [
      { estimate: 0.82, lower: 0.76, upper: 0.87 },
      { estimate: 0.9, lower: 0.85, upper: 0.94 },
      { estimate: 0.75, lower: 0.66, upper: 0.83 },
      { estimate: 0.88, lower: 0.81, upper: 0.93 },
    ].map((r) => effectFromCI({ measure: 'AUC', ...r }));
    const result = pool({ yi: reported.map((e) => e.yi), vi: reported.map((e) => e.vi) }, { method: 'REML' });
    const shown = backTransformPooled(result, 'logit');
    expect(shown.estimate).toBeGreaterThan(0.75);
    expect(shown.estimate).toBeLessThan(0.9);
    expect(shown.ciLow).toBeLessThan(shown.estimate);
    expect(shown.ciHigh).toBeGreaterThan(shown.estimate);
    expect(shown.piLow).toBeGreaterThan(0);
    expect(shown.piHigh).toBeLessThan(1);
    expect(shown.estimate).toBeCloseTo(1 / (1 + Math.exp(-result.estimate)), 15);
  });
});
