import { describe, expect, it } from 'vitest';
import { expit, hsrocParameters, poolBivariate, srocCurve, srocSensitivity } from '../../../src/lib/stats/index.ts';
import { bivariateCases, relDiff, studiesOf } from './bivariate-fixture.ts';

describe('HSROC parameters and SROC curve against the R reference (Harbord et al. 2007 formulas)', () => {
  for (const c of bivariateCases.filter((x) => !x.boundary)) {
    const fit = poolBivariate(studiesOf(c));
    it(`${c.dataset}: Λ, Θ, β, σ²α, σ²θ and the curve at FPR 0.05, 0.1, 0.2, 0.4 match to 1e-9`, () => {
      const h = hsrocParameters(fit);
      expect(h).not.toBeNull();
      const ref = c.derived.hsroc;
      expect(relDiff(h?.Lambda as number, ref.Lambda)).toBeLessThan(1e-9);
      expect(relDiff(h?.Theta as number, ref.Theta)).toBeLessThan(1e-9);
      expect(relDiff(h?.beta as number, ref.beta)).toBeLessThan(1e-9);
      expect(relDiff(h?.sigma2Alpha as number, ref.sigma2alpha)).toBeLessThan(1e-9);
      expect(relDiff(h?.sigma2Theta as number, ref.sigma2theta)).toBeLessThan(1e-9);
      c.derived.sroc.fpr.forEach((fpr, n) => expect(relDiff(srocSensitivity(fit, fpr), c.derived.sroc.sens[n] as number)).toBeLessThan(1e-9));
    });
  }
});

describe('srocCurve', () => {
  const c = bivariateCases.find((x) => x.dataset === 'AuditC') ?? (bivariateCases[0] as never);
  const fit = poolBivariate(studiesOf(c));

  it('passes through the summary point', () => {
    expect(srocSensitivity(fit, 1 - fit.spec)).toBeCloseTo(fit.sens, 12);
  });

  it("is Harbord's logit(sens) = Λe^(−β/2) + e^(−β)·logit(fpr), written through the summary point", () => {
    const h = hsrocParameters(fit);
    if (!h) throw new Error('no HSROC parameters');
    for (const fpr of [0.01, 0.3, 0.77]) {
      expect(srocSensitivity(fit, fpr)).toBeCloseTo(expit(h.Lambda * Math.exp(-h.beta / 2) + Math.exp(-h.beta) * Math.log(fpr / (1 - fpr))), 12);
    }
  });

  it('spans the fitted FPRs of the studies (after the 0.5 correction), evenly spaced, 101 points by default', () => {
    const curve = srocCurve(fit);
    const fprs = fit.data.logitSpec.map((b) => 1 - expit(b));
    expect(curve).toHaveLength(101);
    expect(curve[0]?.fpr).toBeCloseTo(Math.min(...fprs), 14);
    expect(curve[100]?.fpr).toBeCloseTo(Math.max(...fprs), 14);
    const steps = curve.slice(1).map((p, i) => p.fpr - (curve[i]?.fpr as number));
    for (const s of steps) expect(s).toBeCloseTo(steps[0] as number, 12);
  });

  it('rises with the FPR when the slope σA/σB is positive', () => {
    const curve = srocCurve(fit, { fprRange: [0.05, 0.9], points: 20 });
    for (let i = 1; i < curve.length; i++) expect(curve[i]?.sens).toBeGreaterThan(curve[i - 1]?.sens as number);
  });

  it('is flat at the pooled sensitivity when τ²_sens is 0, and undefined (empty, no HSROC parameters) when τ²_spec is 0', () => {
    const flat = { ...fit, tau2Sens: 0 };
    for (const p of srocCurve(flat, { fprRange: [0.1, 0.5], points: 5 })) expect(p.sens).toBeCloseTo(fit.sens, 14);
    expect(hsrocParameters(flat)).toBeNull();
    expect(srocCurve({ ...fit, tau2Spec: 0 })).toEqual([]);
    expect(hsrocParameters({ ...fit, tau2Spec: 0 })).toBeNull();
  });

  it('rejects a range outside (0, 1) and a fit without study data when no range is given', () => {
    expect(() => srocCurve(fit, { fprRange: [0, 0.5] })).toThrow(RangeError);
    expect(() => srocCurve(fit, { fprRange: [0.6, 0.5] })).toThrow(RangeError);
    const { data: _data, ...bare } = fit;
    expect(() => srocCurve(bare)).toThrow(/no fprRange/);
  });
});
