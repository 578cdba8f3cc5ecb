import { describe, expect, it } from 'vitest';
import { heTau2, pool, remlLogLik, remlTau2, REML_TOL } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';

const ref = loadFixture<{ datasets: Record<string, { yi: number[]; vi: number[] }>; cases: { dataset: string; method: string; test: string; level: number; tau2: number; I2: number }[] }>(
  'metafor-reference.json',
);
const bcg = ref.datasets.bcg as { yi: number[]; vi: number[] };
const hackshaw = ref.datasets.hackshaw as { yi: number[]; vi: number[] };
const metaforTau2 = (dataset: string) =>
  ref.cases.find((c) => c.dataset === dataset && c.method === 'REML' && c.test === 'z' && c.level === 0.95) as { tau2: number; I2: number };

describe('REML by Fisher scoring', () => {
  it('stops on metafor\'s rule |Δtau²| ≤ 1e-5 by default', () => {
    expect(REML_TOL).toBe(1e-5);
  });

  it('starts from the Hedges estimate, as metafor does', () => {
    const k = bcg.yi.length;
    const mean = bcg.yi.reduce((s, y) => s + y, 0) / k;
    const rss = bcg.yi.reduce((s, y) => s + (y - mean) ** 2, 0);
    const expected = (rss - (1 - 1 / k) * bcg.vi.reduce((s, v) => s + v, 0)) / (k - 1);
    expect(heTau2(bcg.yi, bcg.vi)).toBeCloseTo(expected, 14);
  });

  it('follows metafor\'s iterates so closely that tau² agrees to 1e-10 on BCG and hackshaw', () => {
    expect(Math.abs(remlTau2(bcg.yi, bcg.vi).tau2 - metaforTau2('bcg').tau2)).toBeLessThan(1e-10);
    expect(Math.abs(remlTau2(hackshaw.yi, hackshaw.vi).tau2 - metaforTau2('hackshaw').tau2)).toBeLessThan(1e-10);
  });

  it('reaches a stationary point of the REML likelihood with a tighter tolerance, still within 1e-5 of metafor\'s tau²', () => {
    for (const data of [bcg, hackshaw]) {
      const fit = remlTau2(data.yi, data.vi, { tol: 1e-12 });
      const h = 1e-6;
      const slope = (remlLogLik(data.yi, data.vi, fit.tau2 + h) - remlLogLik(data.yi, data.vi, fit.tau2 - h)) / (2 * h);
      expect(Math.abs(slope)).toBeLessThan(1e-4);
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.tau2 - remlTau2(data.yi, data.vi).tau2)).toBeLessThan(1e-5);
    }
  });

  it('but the tighter tolerance moves I² on hackshaw by more than 1e-5 from metafor, which is why it is not the default', () => {
    const tight = pool(hackshaw, { method: 'REML', tol: 1e-12 });
    expect(Math.abs(tight.I2 - metaforTau2('hackshaw').I2)).toBeGreaterThan(1e-5);
    expect(Math.abs(pool(hackshaw, { method: 'REML' }).I2 - metaforTau2('hackshaw').I2)).toBeLessThan(1e-8);
  });

  it('reports non-convergence with a warning instead of throwing when maxIter is too small', () => {
    const fit = remlTau2(bcg.yi, bcg.vi, { maxIter: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(11); // 1 full step, then 10 half steps
    expect(fit.warnings.join(' ')).toMatch(/did not converge in 1 iterations, nor with half steps in 10/);
    const r = pool(bcg, { method: 'REML', maxIter: 1 });
    expect(r.converged).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/did not converge/);
  });

  it('recovers where metafor\'s default scoring oscillates, by metafor\'s own remedy stepadj = 0.5, and says so', () => {
    const data = ref.datasets.oscillating as { yi: number[]; vi: number[] };
    const fit = remlTau2(data.yi, data.vi);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(100);
    expect(fit.warnings).toEqual([expect.stringMatching(/did not converge in 100 iterations; converged with half steps \(metafor: control = list\(stepadj = 0.5, maxiter = 1000\)\)/)]);
    expect(Math.abs(fit.tau2 - metaforTau2('oscillating').tau2)).toBeLessThan(1e-12);
  });

  it('keeps tau² ≥ 0 by step-halving when the maximum lies on the boundary', () => {
    // HE start is positive here, but the REML maximum is at 0; metafor stops at 3.08e-6 after 9 steps.
    const data = ref.datasets.boundary as { yi: number[]; vi: number[] };
    expect(heTau2(data.yi, data.vi)).toBeGreaterThan(0.05);
    const fit = remlTau2(data.yi, data.vi);
    expect(fit.tau2).toBeGreaterThan(0);
    expect(fit.tau2).toBeLessThan(1e-5);
    expect(Math.abs(fit.tau2 - metaforTau2('boundary').tau2)).toBeLessThan(1e-12);
    expect(fit.iterations).toBe(9);
    expect(fit.converged).toBe(true);
  });
});
