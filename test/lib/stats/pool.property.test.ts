import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pool, qt } from '../../../src/lib/stats/index.ts';
import type { PoolMethod } from '../../../src/lib/stats/index.ts';

const study = fc.record({
  y: fc.double({ min: -5, max: 5, noNaN: true }),
  v: fc.double({ min: 1e-4, max: 10, noNaN: true }),
});
const studies = fc.array(study, { minLength: 1, maxLength: 30 });
const method = fc.constantFrom<PoolMethod>('EE', 'DL', 'REML');
const toData = (s: { y: number; v: number }[]) => ({ yi: s.map((x) => x.y), vi: s.map((x) => x.v) });
const SLACK = 1e-9;

describe('pool properties (fast-check)', () => {
  it('puts the pooled estimate between the smallest and largest study estimate for EE, DL and REML', () => {
    fc.assert(
      fc.property(studies, method, (s, m) => {
        const r = pool(toData(s), { method: m });
        const ys = s.map((x) => x.y);
        return r.estimate >= Math.min(...ys) - SLACK && r.estimate <= Math.max(...ys) + SLACK;
      }),
      { numRuns: 300 },
    );
  });

  it('gives percent weights that are positive and sum to 100', () => {
    fc.assert(
      fc.property(studies, method, (s, m) => {
        const r = pool(toData(s), { method: m });
        const total = r.weights.reduce((a, b) => a + b, 0);
        return Math.abs(total - 100) < 1e-9 && r.weights.every((w) => w > 0 && w <= 100);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps I² in [0, 100], H² ≥ 1 for RE models, Q ≥ 0 and its p-value in [0, 1]', () => {
    fc.assert(
      fc.property(studies, method, (s, m) => {
        const r = pool(toData(s), { method: m });
        const h2ok = m === 'EE' || r.H2 >= 1;
        return r.I2 >= 0 && r.I2 <= 100 && h2ok && r.Q >= 0 && r.QPval >= 0 && r.QPval <= 1;
      }),
      { numRuns: 300 },
    );
  });

  it('has a CI that contains the estimate and a prediction interval that contains the CI', () => {
    fc.assert(
      fc.property(studies, method, fc.constantFrom<'z' | 'knha'>('z', 'knha'), (s, m, t) => {
        const r = pool(toData(s), { method: m, test: t });
        return r.ciLow <= r.estimate && r.estimate <= r.ciHigh && r.piLow <= r.ciLow && r.piHigh >= r.ciHigh;
      }),
      { numRuns: 300 },
    );
  });

  it('estimates REML and DL tau² ≥ 0 and REML converges (with half steps where full ones oscillate)', () => {
    fc.assert(
      fc.property(studies, (s) => {
        const reml = pool(toData(s), { method: 'REML' });
        const dl = pool(toData(s), { method: 'DL' });
        return reml.tau2 >= 0 && dl.tau2 >= 0 && reml.converged === true;
      }),
      { numRuns: 300 },
    );
  });

  it('shifts the estimate and interval with the data and leaves tau², I² and weights unchanged', () => {
    fc.assert(
      fc.property(studies, method, fc.double({ min: -3, max: 3, noNaN: true }), (s, m, shift) => {
        const a = pool(toData(s), { method: m });
        const b = pool({ yi: s.map((x) => x.y + shift), vi: s.map((x) => x.v) }, { method: m });
        const close = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol * Math.max(1, Math.abs(x));
        return close(b.estimate, a.estimate + shift, 1e-8) && close(b.tau2, a.tau2, 1e-5) && close(b.I2, a.I2, 1e-3);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the studies', () => {
    fc.assert(
      fc.property(studies, method, (s, m) => {
        const a = pool(toData(s), { method: m });
        const b = pool(toData([...s].reverse()), { method: m });
        return Math.abs(a.estimate - b.estimate) < 1e-9 && Math.abs(a.tau2 - b.tau2) < 1e-6 && Math.abs(a.Q - b.Q) < 1e-6 * Math.max(1, a.Q);
      }),
      { numRuns: 200 },
    );
  });

  it('uses t on k − 1 df for Knapp-Hartung whenever k ≥ 2', () => {
    fc.assert(
      fc.property(studies.filter((s) => s.length >= 2), method, (s, m) => {
        const r = pool(toData(s), { method: m, test: 'knha' });
        return r.df === s.length - 1 && Math.abs(r.ciHigh - r.estimate - qt(0.975, s.length - 1) * r.se) <= 1e-9 * Math.max(1, r.se);
      }),
      { numRuns: 200 },
    );
  });
});
