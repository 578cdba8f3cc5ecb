import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DtaInputError, PoolInputError, bivariateLogLik, poolBivariate } from '../../../src/lib/stats/index.ts';
import type { BivariateResult, DtaStudy } from '../../../src/lib/stats/index.ts';
import { bivariateCases, studiesOf } from './bivariate-fixture.ts';

const auditC = studiesOf(bivariateCases.find((c) => c.dataset === 'AuditC') as never);
const skin = studiesOf(bivariateCases.find((c) => c.dataset === 'skin_tests') as never);

function rejection(studies: unknown): DtaInputError {
  try {
    poolBivariate(studies as DtaStudy[]);
  } catch (e) {
    if (e instanceof DtaInputError) return e;
    throw e;
  }
  throw new Error('poolBivariate did not throw');
}

const close = (a: number, b: number, tol = 1e-8) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('poolBivariate input checks', () => {
  const good: DtaStudy = { tp: 10, fp: 5, fn: 3, tn: 40 };
  const bad: [string, unknown, number | undefined, string, RegExp][] = [
    ['a negative count', [good, { ...good, fn: -1 }], 1, 'fn', /fn is -1; counts cannot be negative/],
    ['a fractional count', [good, good, { ...good, tp: 2.5 }], 2, 'tp', /whole numbers/],
    ['a NaN count', [{ ...good, tn: Number.NaN }], 0, 'tn', /tn is NaN/],
    ['an infinite count', [good, { ...good, fp: Infinity }], 1, 'fp', /finite count/],
    ['a missing cell', [good, { tp: 1, fp: 2, fn: 3 }], 1, 'tn', /tn is missing/],
    ['a count given as a string', [{ ...good, tp: '10' }], 0, 'tp', /not a number/],
    ['nobody with the condition (tp + fn = 0)', [good, { tp: 0, fn: 0, fp: 3, tn: 9 }], 1, 'diseased', /tp \+ fn = 0/],
    ['nobody without the condition (tn + fp = 0)', [good, good, { tp: 4, fn: 1, fp: 0, tn: 0 }], 2, 'nonDiseased', /tn \+ fp = 0/],
    ['an empty list', [], undefined, 'studies', /empty/],
    ['a study that is not an object', [good, null], 1, 'studies', /study 1 is missing/],
  ];
  for (const [what, studies, index, field, message] of bad) {
    it(`throws a DtaInputError naming study ${index ?? '–'} and field ${field} for ${what}`, () => {
      const e = rejection(studies);
      expect(e).toBeInstanceOf(PoolInputError);
      expect(e.index).toBe(index);
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
    });
  }

  it('needs at least 2 studies and a level inside (0, 1)', () => {
    expect(rejection([good]).message).toMatch(/at least 2/);
    expect(() => poolBivariate([good, good], { level: 95 })).toThrow(/level 95/);
  });
});

describe('poolBivariate continuity correction', () => {
  it('adds 0.5 to all four cells of a study with one zero cell, and leaves the others alone', () => {
    const fit = poolBivariate([
      { tp: 10, fp: 0, fn: 2, tn: 30 },
      { tp: 8, fp: 4, fn: 3, tn: 25 },
      { tp: 12, fp: 6, fn: 1, tn: 40 },
    ]);
    expect(fit.data.corrected).toEqual([true, false, false]);
    expect(fit.data.logitSens[0]).toBeCloseTo(Math.log(10.5 / 2.5), 14);
    expect(fit.data.varLogitSens[0]).toBeCloseTo(1 / 10.5 + 1 / 2.5, 14);
    expect(fit.data.logitSpec[0]).toBeCloseTo(Math.log(30.5 / 0.5), 14);
    expect(fit.data.varLogitSpec[0]).toBeCloseTo(1 / 30.5 + 1 / 0.5, 14);
    expect(fit.data.logitSens[1]).toBeCloseTo(Math.log(8 / 3), 14);
    expect(fit.warnings).toContain('0.5 added to all four cells of 1 of 3 studies with a zero cell');
  });
});

function swapped(studies: DtaStudy[]): DtaStudy[] {
  return studies.map((s) => ({ tp: s.tn, fn: s.fp, tn: s.tp, fp: s.fn }));
}

function expectSameFit(a: BivariateResult, b: BivariateResult, tol = 1e-8): void {
  for (const key of ['logitSens', 'logitSpec', 'tau2Sens', 'tau2Spec', 'rho', 'logLik', 'seLogitSens', 'seLogitSpec'] as const) {
    expect(close(a[key], b[key], tol), `${key}: ${a[key]} vs ${b[key]}`).toBe(true);
  }
}

describe('poolBivariate symmetries', () => {
  it('swaps the sensitivity and specificity results when the roles of diseased and non-diseased are swapped', () => {
    for (const studies of [auditC, skin]) {
      const a = poolBivariate(studies);
      const b = poolBivariate(swapped(studies));
      expect(close(b.logitSens, a.logitSpec)).toBe(true);
      expect(close(b.logitSpec, a.logitSens)).toBe(true);
      expect(close(b.tau2Sens, a.tau2Spec)).toBe(true);
      expect(close(b.tau2Spec, a.tau2Sens)).toBe(true);
      expect(close(b.seLogitSens, a.seLogitSpec)).toBe(true);
      expect(close(b.covLogit[0][1], a.covLogit[0][1])).toBe(true);
      expect(close(b.rho, a.rho)).toBe(true);
      expect(close(b.logLik, a.logLik)).toBe(true);
    }
  });

  it('does not depend on the order of the studies', () => {
    const a = poolBivariate(auditC);
    expectSameFit(poolBivariate([...auditC].reverse()), a);
    const shuffled = auditC.map((s, i) => ({ s, key: (i * 7) % auditC.length })).sort((x, y) => x.key - y.key).map((x) => x.s);
    expectSameFit(poolBivariate(shuffled), a);
  });

  it('holds both symmetries on random 2×2 data sets', () => {
    const study = fc.record({
      tp: fc.integer({ min: 0, max: 200 }),
      fn: fc.integer({ min: 1, max: 200 }),
      fp: fc.integer({ min: 1, max: 300 }),
      tn: fc.integer({ min: 0, max: 300 }),
    });
    fc.assert(
      fc.property(fc.array(study, { minLength: 4, maxLength: 15 }), (studies) => {
        const a = poolBivariate(studies);
        if (!a.converged) return; // the fallback handles these; symmetry is about fits that converged
        const r = poolBivariate([...studies].reverse());
        const s = poolBivariate(swapped(studies));
        expect(close(r.logLik, a.logLik, 1e-9)).toBe(true);
        expect(close(s.logLik, a.logLik, 1e-9)).toBe(true);
        expect(close(s.logitSens, a.logitSpec, 1e-6)).toBe(true);
        expect(close(r.logitSens, a.logitSens, 1e-6)).toBe(true);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });
});

describe('poolBivariate finds the REML maximum', () => {
  it('beats every nearby (τ²_sens, τ²_spec, ρ) on the restricted likelihood, and reports that likelihood', () => {
    for (const studies of [auditC, skin]) {
      const fit = poolBivariate(studies);
      const at = { tau2Sens: fit.tau2Sens, tau2Spec: fit.tau2Spec, rho: fit.rho };
      expect(bivariateLogLik(studies, at)).toBeCloseTo(fit.logLik, 12);
      for (const [dA, dB, dR] of [[1.01, 1, 0], [0.99, 1, 0], [1, 1.01, 0], [1, 0.99, 0], [1, 1, 0.005], [1, 1, -0.005], [1.02, 0.98, 0.01]] as const) {
        const ll = bivariateLogLik(studies, { tau2Sens: fit.tau2Sens * dA, tau2Spec: fit.tau2Spec * dB, rho: fit.rho + dR });
        expect(ll).toBeLessThan(fit.logLik);
      }
    }
  });

  it('gives the GLS estimate: the pooled logits are the Σ + Sᵢ-weighted means of the study logits', () => {
    const fit = poolBivariate(skin);
    const c = fit.rho * Math.sqrt(fit.tau2Sens * fit.tau2Spec);
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    let b0 = 0;
    let b1 = 0;
    fit.data.logitSens.forEach((ya, i) => {
      const yb = fit.data.logitSpec[i] as number;
      const a = fit.tau2Sens + (fit.data.varLogitSens[i] as number);
      const d = fit.tau2Spec + (fit.data.varLogitSpec[i] as number);
      const det = a * d - c * c;
      s00 += d / det;
      s01 += -c / det;
      s11 += a / det;
      b0 += (d * ya - c * yb) / det;
      b1 += (-c * ya + a * yb) / det;
    });
    const det = s00 * s11 - s01 * s01;
    expect(fit.logitSens).toBeCloseTo((s11 * b0 - s01 * b1) / det, 12);
    expect(fit.logitSpec).toBeCloseTo((-s01 * b0 + s00 * b1) / det, 12);
    expect(fit.covLogit[0][0]).toBeCloseTo(s11 / det, 12);
  });
});

describe('poolBivariate on the edges of the parameter space', () => {
  it('sets τ²_sens to 0 when every study has the same sensitivity, reports ρ = 0 as not identified, and says so', () => {
    const fit = poolBivariate([[90, 10], [70, 30], [95, 5], [80, 20], [60, 40]].map(([tn, fp]) => ({ tp: 40, fn: 10, tn: tn as number, fp: fp as number })));
    expect(fit.converged).toBe(true);
    expect(fit.tau2Sens).toBe(0);
    expect(fit.tau2Spec).toBeGreaterThan(0.5);
    expect(fit.rho).toBe(0);
    expect(fit.boundary).toEqual(['tau2Sens']);
    expect(fit.warnings.join(' ')).toMatch(/τ² of logit sensitivity estimated at 0; ρ is not identified/);
    expect(fit.logitSens).toBeCloseTo(Math.log(4), 12);
  });

  it('sets both τ² to 0 for identical studies and pools them as one', () => {
    const fit = poolBivariate(Array.from({ length: 5 }, () => ({ tp: 40, fn: 10, tn: 80, fp: 20 })));
    expect([fit.tau2Sens, fit.tau2Spec, fit.rho]).toEqual([0, 0, 0]);
    expect(fit.seLogitSens).toBeCloseTo(Math.sqrt((1 / 40 + 1 / 10) / 5), 12);
  });

  it('holds ρ at the boundary −1 when the study logits lie on a falling line, and flags it', () => {
    const ex = (x: number) => 1 / (1 + Math.exp(-x));
    const studies = [[0, 3], [1, 2], [2, 1], [3, 0], [1.5, 1.5]].map(([a, b]) => {
      const tp = Math.round(5000 * ex(a as number));
      const tn = Math.round(5000 * ex(b as number));
      return { tp, fn: 5000 - tp, tn, fp: 5000 - tn };
    });
    const fit = poolBivariate(studies);
    expect(fit.rho).toBeLessThan(-0.999999);
    expect(fit.boundary).toEqual(['rho']);
    expect(fit.warnings.join(' ')).toMatch(/boundary -1/);
  });

  it('reports non-convergence when the iteration cap is too small', () => {
    const fit = poolBivariate(auditC, { maxIter: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/did not converge in 2/);
  });

  it('pools 1,000 studies', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const studies = Array.from({ length: 1000 }, () => {
      const n1 = 20 + Math.floor(rnd() * 80);
      const n0 = 50 + Math.floor(rnd() * 200);
      const tp = Math.floor(n1 * (0.6 + 0.35 * rnd()));
      const tn = Math.floor(n0 * (0.95 - 0.4 * (tp / n1 - 0.6)));
      return { tp, fn: n1 - tp, tn: Math.min(tn, n0), fp: n0 - Math.min(tn, n0) };
    });
    const fit = poolBivariate(studies);
    expect(fit.converged).toBe(true);
    expect(fit.k).toBe(1000);
  });
});
