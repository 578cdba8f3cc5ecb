import { describe, expect, it } from 'vitest';
import { dtaRatios, poolBivariate, qnorm } from '../../../src/lib/stats/index.ts';
import { bivariateCases, relDiff, studiesOf } from './bivariate-fixture.ts';

describe('LR+, LR− and DOR against the R reference (delta method on the log scale)', () => {
  for (const c of bivariateCases.filter((x) => !x.boundary)) {
    const fit = poolBivariate(studiesOf(c));
    it(`${c.dataset}: estimates, CIs and SE(log) match to 1e-9`, () => {
      const r = dtaRatios(fit);
      for (const key of ['lrPos', 'lrNeg', 'dor'] as const) {
        for (const f of ['estimate', 'ciLow', 'ciHigh', 'seLog'] as const) expect(relDiff(r[key][f], c.derived.ratios[key][f])).toBeLessThan(1e-9);
      }
    });
  }
});

describe('dtaRatios', () => {
  const fit = poolBivariate(studiesOf(bivariateCases[0] as never));
  const r = dtaRatios(fit);

  it('defines the ratios from the summary point: LR+ = sens/(1 − spec), LR− = (1 − sens)/spec, DOR = LR+/LR−', () => {
    expect(r.lrPos.estimate).toBeCloseTo(fit.sens / (1 - fit.spec), 12);
    expect(r.lrNeg.estimate).toBeCloseTo((1 - fit.sens) / fit.spec, 12);
    expect(r.dor.estimate / (r.lrPos.estimate / r.lrNeg.estimate)).toBeCloseTo(1, 12);
  });

  it('gives DOR the variance of logit sens + logit spec', () => {
    const [[a, b], [, d]] = fit.covLogit;
    expect(r.dor.seLog).toBeCloseTo(Math.sqrt(a + 2 * b + d), 14);
  });

  it('agrees with a finite-difference gradient of log LR+ and log LR−', () => {
    const h = 1e-6;
    const logLr = (a: number, b: number, pos: boolean) => {
      const s = 1 / (1 + Math.exp(-a));
      const p = 1 / (1 + Math.exp(-b));
      return pos ? Math.log(s / (1 - p)) : Math.log((1 - s) / p);
    };
    for (const pos of [true, false]) {
      const g0 = (logLr(fit.logitSens + h, fit.logitSpec, pos) - logLr(fit.logitSens - h, fit.logitSpec, pos)) / (2 * h);
      const g1 = (logLr(fit.logitSens, fit.logitSpec + h, pos) - logLr(fit.logitSens, fit.logitSpec - h, pos)) / (2 * h);
      const [[a, b], [, d]] = fit.covLogit;
      expect((pos ? r.lrPos : r.lrNeg).seLog).toBeCloseTo(Math.sqrt(g0 * g0 * a + 2 * g0 * g1 * b + g1 * g1 * d), 8);
    }
  });

  it('makes intervals symmetric on the log scale with the normal quantile of the level', () => {
    const r90 = dtaRatios(fit, 0.9);
    expect(Math.log(r90.dor.ciHigh / r90.dor.estimate)).toBeCloseTo(qnorm(0.95) * r90.dor.seLog, 12);
    expect(Math.log(r90.dor.estimate / r90.dor.ciLow)).toBeCloseTo(qnorm(0.95) * r90.dor.seLog, 12);
    expect(r90.dor.ciHigh).toBeLessThan(r.dor.ciHigh);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => dtaRatios(fit, 95)).toThrow(RangeError);
  });
});
