import { describe, expect, it } from 'vitest';
import { confidenceRegion, ellipseRadius, expit, logitEllipse, pchisq, poolBivariate, predictionRegion } from '../../../src/lib/stats/index.ts';
import type { RocPoint } from '../../../src/lib/stats/index.ts';
import { bivariateCases, relDiff, studiesOf } from './bivariate-fixture.ts';

const logit = (p: number): number => Math.log(p / (1 - p));

/** (x − μ)ᵀ C⁻¹ (x − μ) for a ROC point mapped back to the logit scale. */
function mahalanobis(p: RocPoint, mu: [number, number], C: number[][]): number {
  const d0 = logit(p.sens) - mu[0];
  const d1 = -logit(p.fpr) - mu[1];
  const [[a, b], [, d]] = C as [[number, number], [number, number]];
  const det = a * d - b * b;
  return (d * d0 * d0 - 2 * b * d0 * d1 + a * d1 * d1) / det;
}

describe('ellipseRadius', () => {
  it('is sqrt(qchisq(level, 2)): the chi-square(2) distribution function at r² equals the level', () => {
    for (const level of [0.5, 0.9, 0.95, 0.99]) expect(pchisq(ellipseRadius(level) ** 2, 2)).toBeCloseTo(level, 13);
    expect(ellipseRadius(0.95)).toBeCloseTo(2.4477468306808166, 14);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => ellipseRadius(1)).toThrow(RangeError);
    expect(() => ellipseRadius(0)).toThrow(RangeError);
  });
});

describe('confidence and prediction regions against the R reference (mada convention)', () => {
  for (const c of bivariateCases.filter((x) => !x.boundary)) {
    const fit = poolBivariate(studiesOf(c));
    it(`${c.dataset}: the 8-point ellipses on the logit scale match R's, point for point, to 1e-9`, () => {
      const centre = { logitSens: fit.logitSens, logitSpec: fit.logitSpec };
      const conf = logitEllipse(centre, fit.covLogit, ellipseRadius(0.95), 8);
      const cr = fit.rho * Math.sqrt(fit.tau2Sens * fit.tau2Spec);
      const predCov = [
        [fit.covLogit[0][0] + fit.tau2Sens, fit.covLogit[0][1] + cr],
        [fit.covLogit[1][0] + cr, fit.covLogit[1][1] + fit.tau2Spec],
      ];
      const pred = logitEllipse(centre, predCov, ellipseRadius(0.95), 8);
      for (const [mine, ref] of [[conf, c.derived.confidenceEllipse], [pred, c.derived.predictionEllipse]] as const) {
        ref.logitSens.forEach((v, n) => {
          expect(relDiff((mine[n] as { logitSens: number }).logitSens, v)).toBeLessThan(1e-9);
          expect(relDiff((mine[n] as { logitSpec: number }).logitSpec, ref.logitSpec[n] as number)).toBeLessThan(1e-9);
        });
      }
      // the ROC regions are the same ellipses mapped by fpr = 1 − expit(logit spec), sens = expit(logit sens)
      const roc = confidenceRegion(fit, { points: 8 });
      roc.forEach((p, n) => {
        const q = conf[n] as { logitSens: number; logitSpec: number };
        expect(p.sens).toBeCloseTo(expit(q.logitSens), 15);
        expect(p.fpr).toBeCloseTo(1 - expit(q.logitSpec), 15);
      });
    });
  }
});

describe('regions of a fit', () => {
  const fit = poolBivariate(studiesOf(bivariateCases.find((c) => c.dataset === 'Dementia') ?? (bivariateCases[0] as never)));
  const predCov = (() => {
    const cr = fit.rho * Math.sqrt(fit.tau2Sens * fit.tau2Spec);
    return [[fit.covLogit[0][0] + fit.tau2Sens, fit.covLogit[0][1] + cr], [fit.covLogit[1][0] + cr, fit.covLogit[1][1] + fit.tau2Spec]];
  })();

  it('is a closed polygon of points + 1 vertices (the last repeats the first), 100 points by default', () => {
    const conf = confidenceRegion(fit);
    expect(conf).toHaveLength(101);
    expect(conf[100]).toEqual(conf[0]);
    expect(predictionRegion(fit, { points: 12 })).toHaveLength(13);
  });

  it('puts every vertex on the chi-square(2) contour of its covariance (vcov for confidence, vcov + Σ for prediction)', () => {
    const mu: [number, number] = [fit.logitSens, fit.logitSpec];
    for (const p of confidenceRegion(fit)) expect(mahalanobis(p, mu, fit.covLogit)).toBeCloseTo(ellipseRadius(0.95) ** 2, 9);
    for (const p of predictionRegion(fit, { level: 0.9 })) expect(mahalanobis(p, mu, predCov)).toBeCloseTo(ellipseRadius(0.9) ** 2, 9);
  });

  it('draws the confidence region inside the prediction region', () => {
    const mu: [number, number] = [fit.logitSens, fit.logitSpec];
    for (const p of confidenceRegion(fit)) expect(mahalanobis(p, mu, predCov)).toBeLessThan(ellipseRadius(0.95) ** 2);
  });

  it('keeps every vertex inside the unit square of ROC space', () => {
    for (const p of [...confidenceRegion(fit), ...predictionRegion(fit)]) {
      expect(p.fpr).toBeGreaterThan(0);
      expect(p.fpr).toBeLessThan(1);
      expect(p.sens).toBeGreaterThan(0);
      expect(p.sens).toBeLessThan(1);
    }
  });

  it('grows with the level', () => {
    const width = (pts: RocPoint[]) => Math.max(...pts.map((p) => p.fpr)) - Math.min(...pts.map((p) => p.fpr));
    expect(width(confidenceRegion(fit, { level: 0.99 }))).toBeGreaterThan(width(confidenceRegion(fit, { level: 0.95 })));
  });

  it('rejects fewer than 3 points', () => {
    expect(() => confidenceRegion(fit, { points: 2 })).toThrow(RangeError);
  });
});
