import { afterAll, describe, expect, it } from 'vitest';
import { DtaInputError, deeksTest } from '../../../src/lib/stats/index.ts';
import type { DeeksResult, DtaStudy } from '../../../src/lib/stats/index.ts';
import { WorstDiff, metaregReference } from './metareg-fixture.ts';
import type { DeeksCase } from './metareg-fixture.ts';

const TOL = 1e-8; // the brief asks for 1e-6
const diffs = new WorstDiff();
const cases = metaregReference.deeks;
const studiesOf = (c: DeeksCase): DtaStudy[] => c.tp.map((tp, i) => ({ tp, fp: c.fp[i] as number, fn: c.fn[i] as number, tn: c.tn[i] as number }));

describe('deeksTest against R lm(lnDOR ~ I(1/sqrt(ESS)), weights = ESS)', () => {
  it('covers mada AuditC (two studies with fn = 0)', () => {
    const audit = cases.find((c) => c.name === 'AuditC')!;
    expect(audit.tp).toHaveLength(14);
    expect(audit.fn.filter((x) => x === 0)).toHaveLength(2);
  });

  for (const c of cases) {
    it(`reproduces the slope, its SE, t, df and p, and the intercept on ${c.name} (k = ${c.tp.length})`, () => {
      const r = deeksTest(studiesOf(c)) as DeeksResult;
      expect(r.status).toBe('ok');
      c.lnDOR.forEach((x, i) => expect(diffs.track('lnDOR', r.lnDOR[i] as number, x)).toBeLessThan(1e-13));
      c.ESS.forEach((x, i) => expect(diffs.track('ESS', r.ess[i] as number, x)).toBeLessThan(1e-13));
      for (const [key, actual, expected] of [
        ['slope', r.slope, c.slope],
        ['se', r.se, c.se],
        ['t', r.tval, c.t],
        ['p', r.pval, c.p],
        ['intercept', r.intercept, c.intercept],
        ['interceptSe', r.interceptSe, c.interceptSe],
      ] as const) {
        expect(diffs.track(key, actual, expected), key).toBeLessThan(TOL);
      }
      expect(r.df).toBe(c.df);
      const zeros = c.tp.filter((_, i) => [c.tp[i], c.fp[i], c.fn[i], c.tn[i]].includes(0)).length;
      expect(r.corrected.filter(Boolean)).toHaveLength(zeros);
      if (zeros > 0) expect(r.warnings[0]).toMatch(new RegExp(`0\\.5 added to all four cells of ${zeros} of`));
    });
  }

  afterAll(() => {
    console.info(`deeksTest: max relative difference from R over ${cases.length} data sets:\n${diffs.summary()}`);
  });
});

describe('deeksTest with too few or unusable studies', () => {
  const audit = studiesOf(cases.find((c) => c.name === 'AuditC')!);

  it('returns a too-few-studies result below 10 studies', () => {
    expect(deeksTest(audit.slice(0, 9))).toMatchObject({ status: 'too-few-studies', k: 9, minStudies: 10 });
    expect(deeksTest(audit.slice(0, 9), { minStudies: 5 }).status).toBe('ok');
  });

  it('rejects unusable 2×2 tables and studies of identical effective size', () => {
    expect(() => deeksTest(audit.map((s, i) => (i === 3 ? { ...s, tp: -1 } : s)))).toThrow(DtaInputError);
    const same = audit.map((_, i) => ({ tp: 10 + i, fn: 20 - i, fp: 7 + i, tn: 30 - i })); // n1 = 30, n0 = 37 in every study
    expect(() => deeksTest(same)).toThrow(/same effective sample size/);
  });
});
