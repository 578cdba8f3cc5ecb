import { afterAll, describe, expect, it } from 'vitest';
import { poolBivariate } from '../../../src/lib/stats/index.ts';
import { bivariateCases, relDiff, studiesOf } from './bivariate-fixture.ts';

const TOL = 1e-9; // the brief asks for 1e-6; the fits agree to about 5e-11 (the summary this file prints), so hold them to 1e-9
const worst: Record<string, number> = {};

function track(quantity: string, actual: number, expected: number): number {
  const d = relDiff(actual, expected);
  worst[quantity] = Math.max(worst[quantity] ?? 0, d);
  return d;
}

describe('poolBivariate against metafor rma.mv(struct = "UN", method = "REML")', () => {
  it('covers at least 4 published data sets, one of them with zero cells', () => {
    expect(bivariateCases.length).toBeGreaterThanOrEqual(4);
    expect(bivariateCases.some((c) => c.tp.some((_, i) => [c.tp[i], c.fp[i], c.fn[i], c.tn[i]].includes(0)))).toBe(true);
  });

  for (const c of bivariateCases.filter((x) => !x.boundary)) {
    describe(`${c.dataset} (k = ${c.k})`, () => {
      const fit = poolBivariate(studiesOf(c));

      it('fits the same long-format logits and variances as escalc(measure = "PLO") after the 0.5 correction', () => {
        c.yi.forEach((y, n) => {
          const i = Math.floor(n / 2);
          const [yy, vv] = n % 2 === 0 ? [fit.data.logitSens[i], fit.data.varLogitSens[i]] : [fit.data.logitSpec[i], fit.data.varLogitSpec[i]];
          expect(relDiff(yy as number, y)).toBeLessThan(1e-13);
          expect(relDiff(vv as number, c.vi[n] as number)).toBeLessThan(1e-13);
        });
      });

      it('converges to metafor\'s pooled logits, SEs and their covariance to 1e-9 relative', () => {
        expect(fit.converged).toBe(true);
        expect(track('logitSens', fit.logitSens, c.logitSens)).toBeLessThan(TOL);
        expect(track('logitSpec', fit.logitSpec, c.logitSpec)).toBeLessThan(TOL);
        expect(track('seLogitSens', fit.seLogitSens, c.seLogitSens)).toBeLessThan(TOL);
        expect(track('seLogitSpec', fit.seLogitSpec, c.seLogitSpec)).toBeLessThan(TOL);
        for (const [r, s] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
          expect(track('covLogit', fit.covLogit[r][s], c.covLogit[r][s])).toBeLessThan(TOL);
        }
      });

      it('finds metafor\'s τ²_sens, τ²_spec and ρ to 1e-9 relative', () => {
        expect(track('tau2Sens', fit.tau2Sens, c.tau2Sens)).toBeLessThan(TOL);
        expect(track('tau2Spec', fit.tau2Spec, c.tau2Spec)).toBeLessThan(TOL);
        expect(track('rho', fit.rho, c.rho)).toBeLessThan(TOL);
      });

      it('reports metafor\'s restricted log-likelihood, constant included, to 1e-9 relative', () => {
        expect(track('logLik', fit.logLik, c.logLik)).toBeLessThan(TOL);
      });

      it('back-transforms the summary point and its Wald CIs as plogis(coef ± z·se) does', () => {
        expect(track('sens', fit.sens, c.sens)).toBeLessThan(TOL);
        expect(track('spec', fit.spec, c.spec)).toBeLessThan(TOL);
        for (const n of [0, 1] as const) {
          expect(track('sensCi', fit.sensCi[n], c.sensCi[n])).toBeLessThan(TOL);
          expect(track('specCi', fit.specCi[n], c.specCi[n])).toBeLessThan(TOL);
        }
      });

      it('is at least as likely as the point where metafor\'s own optimiser stopped, and within its tolerance of it', () => {
        const m = c.metaforOptimiser;
        expect(fit.logLik).toBeGreaterThanOrEqual(m.logLik - 1e-12);
        for (const key of ['logitSens', 'logitSpec', 'tau2Sens', 'tau2Spec', 'rho'] as const) {
          expect(track(`${key} vs metafor's unpolished optimiser`, fit[key], m[key])).toBeLessThan(1e-4);
        }
      });
    });
  }

  for (const c of bivariateCases.filter((x) => x.boundary)) {
    it(`${c.dataset}: puts τ²_sens at the boundary 0 where metafor's optimiser ends at ${c.tau2Sens.toExponential(1)}, and agrees on the rest to 1e-6`, () => {
      const fit = poolBivariate(studiesOf(c));
      expect(fit.converged).toBe(true);
      expect(fit.tau2Sens).toBe(0);
      expect(c.tau2Sens).toBeLessThan(1e-8);
      expect(fit.boundary).toEqual(['tau2Sens']);
      expect(fit.rho).toBe(0); // not identified: metafor reports wherever its optimiser left ρ
      for (const key of ['logitSens', 'logitSpec', 'seLogitSens', 'seLogitSpec', 'tau2Spec', 'logLik'] as const) {
        expect(track(`${key} (boundary case)`, fit[key], c[key])).toBeLessThan(1e-6);
      }
    });
  }

  afterAll(() => {
    const lines = Object.entries(worst).map(([k, v]) => `  ${k.padEnd(44)} ${v.toExponential(2)}`);
    console.info(`max relative difference from metafor over ${bivariateCases.length} data sets (${bivariateCases.filter((x) => x.boundary).length} a boundary case):\n${lines.join('\n')}`);
  });
});
