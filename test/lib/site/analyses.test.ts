/**
 * The outcome-page analyses on the BCG vaccine trials (real published characteristics: allocation and
 * absolute latitude) and on mada's AuditC 2×2 tables, against metafor's numbers; and every way an
 * analysis is not run, each with a message naming the characteristic instead of an exception.
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { analyseSynthesis, analysisStudies, lowRiskSensitivity, metaRegressionSection, subgroupSection, RISK_OF_BIAS, type StudyFacts } from '../../../src/lib/site/analyses.ts';
import { analyseDta } from '../../../src/lib/site/dta-analyses.ts';
import { synthesizeDta } from '../../../src/lib/site/dta-synthesis.ts';
import { poolDta, pool } from '../../../src/lib/stats/index.ts';
import type { Characteristic } from '../../../src/lib/schema/characteristics.ts';
import type { RobLevel } from '../../../src/lib/schema/risk-of-bias-tools.ts';
import { BCG, BCG_ABLAT, BCG_ALLOC, BCG_EGGER, bcgInputs } from '../../bcg-fixture.ts';
import { auditC } from '../../dta-project.ts';
import { loadFixture } from '../stats/fixtures.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-8);
const TOL = 1e-6;
const ALLOC: Characteristic = { id: 'alloc', label: 'Allocation', type: 'categorical', values: ['random', 'alternate', 'systematic'] };
const ABLAT: Characteristic = { id: 'ablat', label: 'Absolute latitude', type: 'continuous' };
const [synthesis] = synthesize(bcgInputs());
const facts = (rob: (i: number) => RobLevel = () => 'not-assessed', extra: (i: number) => Record<string, string | number> = () => ({})) =>
  new Map<string, StudyFacts>(BCG.map((t, i) => [t.slug, { rob: rob(i), characteristics: { alloc: t.alloc, ablat: t.ablat, ...extra(i) } }]));

describe('the analyses of the BCG trials, as metafor computes them', () => {
  const a = analyseSynthesis(synthesis!, facts(), [ALLOC, ABLAT])!;

  it('uses the 13 pooled trials of the main estimate, with their yi and vi', () => {
    expect(a.k).toBe(13);
    const studies = analysisStudies(synthesis!);
    studies.forEach((s, i) => {
      expect(rel(s.yi, BCG[i]!.yi)).toBeLessThan(1e-12);
      expect(rel(s.vi, BCG[i]!.vi)).toBeLessThan(1e-9);
    });
  });

  it('pools each allocation subgroup and tests the differences (Qb and the moderator QM) as metafor', () => {
    const s = a.subgroups.find((x) => x.characteristic.id === 'alloc')!;
    expect(s.status).toBe('ok');
    if (s.status !== 'ok') return;
    expect(s.levels.map((l) => l.level)).toEqual(['random', 'alternate', 'systematic']);
    for (const l of s.levels) {
      const r = BCG_ALLOC.subgroups.find((x) => x.level === l.level)!;
      expect(l.estimate.k).toBe(r.k);
      expect(rel(l.estimate.yi, r.estimate)).toBeLessThan(TOL);
      expect(rel(l.estimate.sei, r.se)).toBeLessThan(TOL);
      expect(rel(l.estimate.tau2, r.tau2)).toBeLessThan(TOL);
    }
    expect(rel(s.between.Qb, BCG_ALLOC.Qb)).toBeLessThan(TOL);
    expect(rel(s.between.pval, BCG_ALLOC.QbP)).toBeLessThan(TOL);
    expect(s.between.df).toBe(2);
    expect(rel(s.moderator!.QM, BCG_ALLOC.QM)).toBeLessThan(TOL);
    expect(rel(s.moderator!.QMp, BCG_ALLOC.QMp)).toBeLessThan(TOL);
    expect(s.moderator!.QMdf).toEqual([2, 10]);
  });

  it('fits the meta-regression on absolute latitude with Knapp–Hartung, coefficients under metafor names', () => {
    const m = a.metaRegression!;
    expect(m.status).toBe('ok');
    if (m.status !== 'ok') return;
    expect(m.coefficients.map((c) => c.name)).toEqual(['intrcpt', 'ablat']);
    m.coefficients.forEach((c, j) => {
      expect(rel(c.estimate, BCG_ABLAT.result.beta[j]!)).toBeLessThan(TOL);
      expect(rel(c.se, BCG_ABLAT.result.se[j]!)).toBeLessThan(TOL);
      expect(rel(c.stat, BCG_ABLAT.result.stat[j]!)).toBeLessThan(TOL);
      expect(rel(c.pval, BCG_ABLAT.result.pval[j]!)).toBeLessThan(TOL);
    });
    expect(rel(m.fit.tau2, BCG_ABLAT.result.tau2)).toBeLessThan(TOL);
    expect(rel(m.fit.QM, BCG_ABLAT.result.QM)).toBeLessThan(TOL);
    expect(rel(m.fit.R2!, BCG_ABLAT.result.R2)).toBeLessThan(TOL);
    expect(m.fit.df).toBe(11);
  });

  it("runs Egger's test (k = 13 ≥ 10) on the Knapp–Hartung model as regtest", () => {
    const e = a.smallStudy;
    expect(e.status).toBe('ok');
    if (e.status !== 'ok') return;
    expect(e.statName).toBe('t');
    expect(rel(e.stat, BCG_EGGER.stat)).toBeLessThan(TOL);
    expect(rel(e.pval, BCG_EGGER.pval)).toBeLessThan(TOL);
    expect(e.df).toBe(11);
  });

  it('says the risk-of-bias subgroups have a single level when no trial is assessed, naming it', () => {
    const s = a.subgroups.find((x) => x.characteristic.id === RISK_OF_BIAS.id)!;
    expect(s.status).toBe('skipped');
    if (s.status === 'skipped') expect(s.message).toBe('Not analysed: “Risk of bias (overall)” has a single level — all 13 studies are “Not yet assessed” — so there are no subgroups to compare.');
  });
});

describe('the sensitivity analysis restricted to low risk of bias', () => {
  const studies = analysisStudies(synthesis!);
  it('re-pools only the studies whose overall risk of bias is low', () => {
    const low = [0, 3, 5, 7, 11];
    const s = lowRiskSensitivity(studies, facts((i) => (low.includes(i) ? 'low' : i % 2 ? 'high' : 'unclear')), 'log');
    expect(s.status).toBe('ok');
    if (s.status !== 'ok') return;
    expect(s.k).toBe(5);
    expect(s.slugs).toEqual(low.map((i) => BCG[i]!.slug));
    const direct = pool({ yi: low.map((i) => studies[i]!.yi), vi: low.map((i) => studies[i]!.vi) }, { method: 'REML', test: 'knha' });
    expect(s.estimate.yi).toBe(direct.estimate);
    expect(s.estimate.estimate).toBeCloseTo(Math.exp(direct.estimate), 12);
  });

  it('counts studies not yet assessed as not low, and says when fewer than two remain', () => {
    const none = lowRiskSensitivity(studies, facts(), 'log');
    expect(none).toMatchObject({ status: 'too-few', k: 0, kAll: 13, message: 'None of the 13 pooled studies is at low risk of bias: a pooled estimate needs at least 2.' });
    const one = lowRiskSensitivity(studies, facts((i) => (i === 4 ? 'low' : 'not-assessed')), 'log');
    expect(one).toMatchObject({ status: 'too-few', k: 1, message: 'Only 1 of the 13 pooled studies is at low risk of bias: a pooled estimate needs at least 2.' });
  });

  it('makes risk of bias a subgroup characteristic, with "Not yet assessed" as its own subgroup', () => {
    const s = subgroupSection(RISK_OF_BIAS, studies, facts((i) => (['low', 'high', 'not-assessed'] as const)[i % 3]!), 'log');
    expect(s.status).toBe('ok');
    if (s.status === 'ok') expect(s.levels.map((l) => [l.label, l.estimate.k])).toEqual([['Low', 5], ['High', 4], ['Not yet assessed', 4]]);
  });
});

describe('analyses that cannot be run say why, naming the characteristic', () => {
  const studies = analysisStudies(synthesis!);
  it('a moderator with a single level', () => {
    const s = subgroupSection(ALLOC, studies, facts(undefined, () => ({ alloc: 'random' })), 'log');
    expect(s).toMatchObject({ status: 'skipped', message: 'Not analysed: “Allocation” has a single level — all 13 studies are “random” — so there are no subgroups to compare.' });
    const m = metaRegressionSection([ABLAT], studies, facts(undefined, () => ({ ablat: 40 })));
    expect(m).toMatchObject({ status: 'skipped', message: 'Not fitted: “Absolute latitude” has a single value in all 13 studies, so it cannot explain any difference between them.' });
  });

  it('a collinear design: two characteristics that coincide', () => {
    const twice: Characteristic = { id: 'ablat_twice', label: 'Latitude, again', type: 'continuous' };
    const m = metaRegressionSection([ABLAT, twice], studies, facts(undefined, (i) => ({ ablat_twice: 2 * BCG[i]!.ablat + 1 })));
    expect(m.status).toBe('skipped');
    if (m.status === 'skipped') expect(m.message).toBe('Not fitted: “Latitude, again” is collinear with the intercept and “Absolute latitude” in these 13 studies (the characteristics coincide), so their effects cannot be told apart: drop or merge one of them.');
  });

  it('too few studies for the coefficients (k ≥ p + 3), and studies without a value left out and counted', () => {
    const few = facts(undefined, (i): Record<string, string | number> => (i < 4 ? {} : { ablat: 'not reported' }));
    const m = metaRegressionSection([ABLAT], studies, few);
    expect(m).toMatchObject({ status: 'skipped', k: 4, message: 'Not fitted: 4 studies with “Absolute latitude” (9 pooled studies without a numeric value left out); a meta-regression with 2 coefficients needs at least 5 (k ≥ p + 3).' });
    const partial = new Map([...facts()].map(([k, v], i) => [k, i === 0 ? { ...v, characteristics: {} } : v]));
    const s = subgroupSection(ALLOC, studies, partial, 'log');
    expect(s.status === 'ok' && s.k === 12 && s.missing).toEqual([BCG[0]!.slug]);
    const none = subgroupSection({ id: 'parity', label: 'Parity', type: 'categorical' }, studies, facts(), 'log');
    expect(none).toMatchObject({ status: 'skipped', k: 0, message: 'Not analysed: none of the 13 pooled studies gives “Parity”.' });
    const one = subgroupSection({ id: 'parity', label: 'Parity', type: 'categorical' }, studies, facts(undefined, (i): Record<string, string> => (i === 2 ? { parity: 'odd' } : {})), 'log');
    expect(one).toMatchObject({ status: 'skipped', k: 1, missing: expect.arrayContaining([BCG[0]!.slug]), message: 'Not analysed: only 1 of the 13 pooled studies gives “Parity”; subgroups need at least 2 studies.' });
  });

  it("Egger's test below ten studies: not tested (k < 10)", () => {
    const [small] = synthesize(bcgInputs().slice(0, 6));
    const a = analyseSynthesis(small!, facts(), [])!;
    expect(a.smallStudy).toEqual({ status: 'not-tested', test: 'egger', k: 6, message: 'Not tested (k < 10): with 6 studies the test has too little power to tell asymmetry from chance.' });
    expect(a.metaRegression).toBeNull();
    expect(a.subgroups.map((s) => s.characteristic.id)).toEqual(['risk_of_bias']);
  });

  it('no analyses for a synthesis that is not pooled', () => {
    const [one] = synthesize(bcgInputs().slice(0, 1));
    expect(analyseSynthesis(one!, facts(), [ALLOC])).toBeNull();
  });
});

describe('the DTA analyses of AuditC', () => {
  const c = auditC();
  const [dta] = synthesizeDta(c.tp.map((tp, i) => ({ tableId: `a${i}#1`, slug: `a${i}`, title: `t${i}`, outcome: 'x', label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]!, status: 'included' })));
  const robOf = (low: number) => new Map<string, StudyFacts>(c.tp.map((_, i) => [`a${i}`, { rob: i < low ? 'low' : 'high', characteristics: {} }]));
  const deeks = loadFixture<{ deeks: { name: string; t: number; p: number; slope: number; df: number }[] }>('metareg-metafor.json').deeks.find((d) => d.name === 'AuditC')!;

  it('re-pools the bivariate summary from the studies at low risk of bias', () => {
    const a = analyseDta(dta!, robOf(8))!;
    expect(a.sensitivity.status).toBe('ok');
    if (a.sensitivity.status !== 'ok') return;
    const direct = poolDta(c.tp.slice(0, 8).map((tp, i) => ({ tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! })));
    expect(direct.model).toBe('bivariate');
    if (direct.model === 'bivariate') expect(a.sensitivity.summary.sens).toBe(direct.result.sens);
    expect(a.sensitivity.k).toBe(8);
  });

  it('says so below the bivariate minimum of four', () => {
    expect(analyseDta(dta!, robOf(3))!.sensitivity).toMatchObject({ status: 'too-few', k: 3, minimum: 4, message: 'Only 3 of the 14 pooled studies are at low risk of bias: the bivariate model needs at least 4.' });
  });

  it("runs Deeks' test (k = 14) as lm(lnDOR ~ I(1/sqrt(ESS)), weights = ESS)", () => {
    const s = analyseDta(dta!, robOf(0))!.smallStudy;
    expect(s.status).toBe('ok');
    if (s.status !== 'ok') return;
    expect(rel(s.stat, deeks.t)).toBeLessThan(TOL);
    expect(rel(s.pval, deeks.p)).toBeLessThan(TOL);
    expect(s.df).toBe(deeks.df);
  });
});

describe('DTA subgroups', () => {
  const c = auditC();
  const [dta] = synthesizeDta(c.tp.map((tp, i) => ({ tableId: `a${i}#1`, slug: `a${i}`, title: `t${i}`, outcome: 'x', label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]!, status: 'included' })));
  // Fixture characteristic derived from the study index (AuditC publishes none): odd/even study number.
  const PARITY: Characteristic = { id: 'parity', label: 'Parity', type: 'categorical', values: ['odd', 'even'] };
  const facts = new Map<string, StudyFacts>(c.tp.map((_, i) => [`a${i}`, { rob: i < 3 ? 'low' : 'not-assessed', characteristics: (i === 13 ? {} : { parity: (i + 1) % 2 ? 'odd' : 'even' }) as Record<string, string> }]));

  it('pools each subgroup with the bivariate model, or its fallback below four tables, and counts tables without a value', () => {
    const a = analyseDta(dta!, facts, [PARITY])!;
    const parity = a.subgroups.find((s) => s.characteristic.id === 'parity')!;
    expect(parity.status).toBe('ok');
    if (parity.status !== 'ok') return;
    expect(parity.missing).toEqual(['a13']);
    expect(parity.levels.map((l) => [l.label, l.summary.k, l.summary.model])).toEqual([['odd', 7, 'bivariate'], ['even', 6, 'bivariate']]);
    const odd = poolDta(c.tp.flatMap((tp, i) => (i % 2 === 0 ? [{ tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! }] : [])));
    if (odd.model === 'bivariate') expect(parity.levels[0]!.summary.sens).toBe(odd.result.sens);
    const rob = a.subgroups.find((s) => s.characteristic.id === 'risk_of_bias')!;
    expect(rob.status === 'ok' && rob.levels.map((l) => [l.label, l.summary.model])).toEqual([['Low', 'univariate'], ['Not yet assessed', 'bivariate']]);
  });

  it('says so for a characteristic with a single level or none given', () => {
    const one = new Map<string, StudyFacts>(c.tp.map((_, i) => [`a${i}`, { rob: 'high', characteristics: { parity: 'odd' } }]));
    const a = analyseDta(dta!, one, [PARITY, { id: 'setting', label: 'Setting', type: 'categorical' }])!;
    expect(a.subgroups.map((s) => (s.status === 'skipped' ? s.message : 'ok'))).toEqual([
      'Not analysed: “Parity” has a single level — all 14 studies are “odd” — so there are no subgroups to compare.',
      'Not analysed: none of the 14 pooled studies gives “Setting”.',
      'Not analysed: “Risk of bias (overall)” has a single level — all 14 studies are “High” — so there are no subgroups to compare.',
    ]);
  });
});
