import { afterAll, describe, expect, it } from 'vitest';
import { PoolInputError, SMALL_STUDY_MIN_STUDIES, eggerTest } from '../../../src/lib/stats/index.ts';
import type { EggerResult } from '../../../src/lib/stats/index.ts';
import { WorstDiff, metaregReference } from './metareg-fixture.ts';

const TOL = 1e-8; // the brief asks for 1e-6
const diffs = new WorstDiff();
const cases = metaregReference.regtest;

describe('eggerTest against metafor regtest(rma(yi, vi), predictor = "sei")', () => {
  for (const c of cases) {
    it(`reproduces regtest(model = "${c.model}") on ${c.name} (k = ${c.yi.length}, test ${c.test})`, () => {
      const r = eggerTest({ yi: c.yi, vi: c.vi }, { model: c.model, test: c.test }) as EggerResult;
      expect(r.status).toBe('ok');
      const stat = c.df === null ? r.zval : r.tval;
      expect(stat).toBeDefined();
      expect(diffs.track(`${c.model} stat`, stat as number, c.stat)).toBeLessThan(TOL);
      for (const key of ['pval', 'est', 'ciLow', 'ciHigh', 'slope', 'slopeSe'] as const) {
        expect(diffs.track(`${c.model} ${key}`, r[key], c[key]), key).toBeLessThan(TOL);
      }
      expect(r.df ?? null).toBe(c.df);
    });
  }

  afterAll(() => {
    console.info(`eggerTest: max relative difference from metafor over ${cases.length} tests:\n${diffs.summary()}`);
  });
});

describe('eggerTest with too few or unusable studies', () => {
  const bcg = cases.find((c) => c.name === 'bcg-rma')!;

  it('returns a too-few-studies result below 10 studies instead of a test', () => {
    expect(SMALL_STUDY_MIN_STUDIES).toBe(10);
    const r = eggerTest({ yi: bcg.yi.slice(0, 9), vi: bcg.vi.slice(0, 9) });
    expect(r).toMatchObject({ status: 'too-few-studies', k: 9, minStudies: 10 });
    expect(r.status === 'too-few-studies' && r.message).toMatch(/not run with 9 studies: it needs at least 10/);
    expect(eggerTest({ yi: bcg.yi.slice(0, 10), vi: bcg.vi.slice(0, 10) }).status).toBe('ok');
  });

  it('lets the threshold be lowered, but not below 3', () => {
    expect(eggerTest({ yi: bcg.yi.slice(0, 5), vi: bcg.vi.slice(0, 5) }, { minStudies: 5 }).status).toBe('ok');
    expect(() => eggerTest({ yi: bcg.yi, vi: bcg.vi }, { minStudies: 2 })).toThrow(PoolInputError);
  });

  it('rejects studies that all have the same standard error, and bad input', () => {
    const yi = bcg.yi;
    expect(() => eggerTest({ yi, vi: yi.map(() => 0.1) })).toThrow(/same standard error/);
    expect(() => eggerTest({ yi, vi: bcg.vi }, { model: 'glm' as 'lm' })).toThrow(/unknown model/);
    expect(() => eggerTest({ yi: [...yi.slice(1), Number.NaN], vi: bcg.vi })).toThrow(PoolInputError);
  });
});
