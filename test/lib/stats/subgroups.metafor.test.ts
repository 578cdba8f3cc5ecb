import { afterAll, describe, expect, it } from 'vitest';
import { DesignMatrixError, subgroupAnalysis } from '../../../src/lib/stats/index.ts';
import { WorstDiff, metaregReference } from './metareg-fixture.ts';

const TOL = 1e-8; // the brief asks for 1e-6
const diffs = new WorstDiff();
const cases = metaregReference.subgroups;

describe('subgroupAnalysis against metafor (separate REML fits, rma(method = "FE") on their estimates, and rma(mods = ~ factor(group)))', () => {
  for (const c of cases) {
    describe(`${c.name} (k = ${c.yi.length}, ${c.subgroups.length} subgroups, test ${c.test})`, () => {
      const res = subgroupAnalysis({ yi: c.yi, vi: c.vi, group: c.group }, { test: c.test });

      it('pools every subgroup as metafor does', () => {
        expect(res.levels).toEqual(c.subgroups.map((s) => s.level));
        c.subgroups.forEach((s, g) => {
          const r = res.subgroups[g]!;
          expect(r.k).toBe(s.k);
          expect(r.indices.every((i) => c.group[i] === s.level)).toBe(true);
          for (const [key, actual] of [
            ['estimate', r.result.estimate],
            ['se', r.result.se],
            ['pval', r.result.pval],
            ['ciLow', r.result.ciLow],
            ['ciHigh', r.result.ciHigh],
            ['tau2', r.result.tau2],
            ['I2', r.result.I2],
            ['Q', r.result.Q],
          ] as const) {
            expect(diffs.track(`subgroup ${key}`, actual, s[key]), `${s.level} ${key}`).toBeLessThan(TOL);
          }
        });
      });

      it('reproduces the test for subgroup differences from the separate fits (Qb, df G − 1, p)', () => {
        expect(diffs.track('Qb', res.between.Qb, c.Qb)).toBeLessThan(TOL);
        expect(diffs.track('QbP', res.between.pval, c.QbP)).toBeLessThan(TOL);
        expect(diffs.track('between estimate', res.between.estimate, c.pooledEstimate)).toBeLessThan(TOL);
        expect(res.between.df).toBe(c.QbDf);
      });

      it('reproduces the mixed-effects moderator test QM on the subgroup dummies', () => {
        const m = res.moderatorTest!;
        expect(diffs.track('QM', m.QM, c.QM)).toBeLessThan(TOL);
        expect(diffs.track('QMp', m.QMp, c.QMp)).toBeLessThan(TOL);
        expect(diffs.track('tau2 (residual)', m.tau2, c.tau2Residual)).toBeLessThan(TOL);
        expect(m.QMdf).toEqual(c.QMdf[1] === null ? [c.QMdf[0]] : c.QMdf);
      });
    });
  }

  afterAll(() => {
    console.info(`subgroupAnalysis: max relative difference from metafor over ${cases.length} analyses:\n${diffs.summary()}`);
  });
});

describe('subgroupAnalysis edge cases', () => {
  const yi = [0.1, 0.3, 0.2, 0.8, 0.9, 0.7];
  const vi = [0.04, 0.05, 0.03, 0.04, 0.06, 0.05];

  it('rejects a single subgroup and a missing group, naming the characteristic', () => {
    expect(() => subgroupAnalysis({ yi, vi, group: yi.map(() => 'CT') }, { name: 'modality' })).toThrow(DesignMatrixError);
    expect(() => subgroupAnalysis({ yi, vi, group: yi.map(() => 'CT') }, { name: 'modality' })).toThrow(/"modality" has a single level/);
    const group = ['a', 'a', 'b', null as unknown as string, 'b', 'a'];
    expect(() => subgroupAnalysis({ yi, vi, group }, { name: 'setting' })).toThrow(/"setting" is missing for study 3/);
    expect(() => subgroupAnalysis({ yi, vi, group: ['a', 'b'] })).toThrow(/one subgroup per study/);
  });

  it('orders subgroups with the reference first and gives the same Qb whatever the reference', () => {
    const group = ['x', 'x', 'x', 'y', 'y', 'z'];
    const a = subgroupAnalysis({ yi, vi, group });
    const b = subgroupAnalysis({ yi, vi, group }, { reference: 'z' });
    expect(b.levels).toEqual(['z', 'x', 'y']);
    expect(b.between.Qb).toBeCloseTo(a.between.Qb, 12);
    expect(b.moderatorTest?.QM).toBeCloseTo(a.moderatorTest?.QM as number, 8);
    expect(a.subgroups[2]?.result.estimate).toBe(0.7); // a single-study subgroup is that study
  });

  it('leaves out the moderator test, with a warning, when there are not more studies than subgroups', () => {
    const res = subgroupAnalysis({ yi: yi.slice(0, 3), vi: vi.slice(0, 3), group: ['a', 'b', 'c'] }, { test: 'knha' });
    expect(res.moderatorTest).toBeUndefined();
    expect(res.warnings.join(' ')).toMatch(/moderator test needs more studies than subgroups/);
    expect(res.warnings.join(' ')).toMatch(/subgroup "a": Knapp-Hartung needs at least 2 studies/);
    expect(res.between.df).toBe(2);
    expect(Number.isFinite(res.between.Qb)).toBe(true);
  });
});
