import { describe, expect, it } from 'vitest';
import { DtaInputError, pool, poolBivariate, poolDta } from '../../../src/lib/stats/index.ts';
import type { DtaPooled, DtaStudy } from '../../../src/lib/stats/index.ts';
import { bivariateCases, studiesOf } from './bivariate-fixture.ts';

const auditC = studiesOf(bivariateCases.find((c) => c.dataset === 'AuditC') as never);

function fallback(r: DtaPooled) {
  if (r.model !== 'univariate') throw new Error(`expected the univariate fallback, got ${r.model}`);
  return r;
}

describe('poolDta', () => {
  it('returns the bivariate fit when it converges with |ρ| < 0.999 and k ≥ 4', () => {
    const r = poolDta(auditC);
    expect(r.model).toBe('bivariate');
    if (r.model === 'bivariate') expect(r.result).toEqual(poolBivariate(auditC));
  });

  it("falls back to univariate REML for k < 4 ('too-few-studies'), pooling the corrected logits with pool()", () => {
    const studies = auditC.slice(6, 9); // includes fn = 0 twice
    const r = fallback(poolDta(studies));
    expect(r.reason).toBe('too-few-studies');
    expect(r.message).toMatch(/^Only 3 studies: the bivariate model needs at least 4, so sensitivity and specificity were pooled separately/);
    expect(r.data.corrected).toEqual([true, true, false]);
    expect(r.sens).toEqual(pool({ yi: r.data.logitSens, vi: r.data.varLogitSens }, { method: 'REML' }));
    expect(r.spec).toEqual(pool({ yi: r.data.logitSpec, vi: r.data.varLogitSpec }, { method: 'REML' }));
    expect(fallback(poolDta(auditC.slice(0, 1))).message).toMatch(/^Only 1 study:/);
  });

  it("falls back when one cell is 0 in every study ('zero-cells') and names the cell", () => {
    const studies: DtaStudy[] = [
      { tp: 10, fp: 0, fn: 2, tn: 30 },
      { tp: 20, fp: 0, fn: 5, tn: 50 },
      { tp: 15, fp: 0, fn: 1, tn: 44 },
      { tp: 9, fp: 0, fn: 3, tn: 21 },
    ];
    const r = fallback(poolDta(studies));
    expect(r.reason).toBe('zero-cells');
    expect(r.message).toMatch(/false positives \(fp\) is 0 in every study/);
  });

  it("falls back when REML does not converge ('not-converged')", () => {
    const r = fallback(poolDta(auditC, { maxIter: 2 }));
    expect(r.reason).toBe('not-converged');
    expect(r.message).toMatch(/did not converge in 2 Fisher-scoring iterations/);
  });

  it("falls back when ρ is estimated at ±1 ('rho-boundary')", () => {
    const ex = (x: number) => 1 / (1 + Math.exp(-x));
    const studies = [[0, 3], [1, 2], [2, 1], [3, 0], [1.5, 1.5]].map(([a, b]) => {
      const tp = Math.round(5000 * ex(a as number));
      const tn = Math.round(5000 * ex(b as number));
      return { tp, fn: 5000 - tp, tn, fp: 5000 - tn };
    });
    const r = fallback(poolDta(studies));
    expect(r.reason).toBe('rho-boundary');
    expect(r.message).toMatch(/correlation between sensitivity and specificity at −1/);
  });

  it('passes the level on to the fallback', () => {
    const r = fallback(poolDta(auditC.slice(0, 3), { level: 0.9 }));
    expect(r.sens.level).toBe(0.9);
  });

  it('throws DtaInputError for bad tables instead of falling back', () => {
    expect(() => poolDta([{ tp: 1, fp: 2, fn: 3, tn: -4 }])).toThrow(DtaInputError);
    expect(() => poolDta([...auditC, { tp: 1.5, fp: 2, fn: 3, tn: 4 }])).toThrow(/study 14: tp is 1.5/);
  });
});
