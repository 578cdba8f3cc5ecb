import { describe, expect, it } from 'vitest';
import { suggestRiskOfBias } from '../../../src/lib/grade/suggest-risk-of-bias.ts';
import { dtaPredictionInterval, suggestDtaInconsistency, suggestInconsistency } from '../../../src/lib/grade/suggest-inconsistency.ts';
import { suggestImprecision } from '../../../src/lib/grade/suggest-imprecision.ts';
import { suggestPublicationBias } from '../../../src/lib/grade/suggest-publication-bias.ts';
import { suggestJudgements } from '../../../src/lib/grade/suggestions.ts';
import type { DtaEvidence, UnivariateEvidence, WeightedStudy } from '../../../src/lib/grade/evidence.ts';
import { deeksTest, eggerTest } from '../../../src/lib/stats/index.ts';
import type { RobLevel } from '../../../src/lib/schema/risk-of-bias-tools.ts';
import { auditC } from '../../dta-project.ts';

const studies = (weights: number[], robs: RobLevel[]): WeightedStudy[] => weights.map((weight, i) => ({ slug: `s${i}`, weight, rob: robs[i]! }));
const auc = (over: Partial<UnivariateEvidence> = {}): UnivariateEvidence => ({
  kind: 'univariate', measure: 'AUC', k: 4, level: 0.95, estimate: 0.8, ciLow: 0.7, ciHigh: 0.9, piLow: 0.6, piHigh: 0.95, I2: 30, tau2: 0.04,
  studies: studies([25, 25, 25, 25], ['low', 'low', 'low', 'low']), yi: [1, 1.2, 1.4, 1.6], vi: [0.01, 0.02, 0.03, 0.04], ...over,
});
const expit = (x: number) => 1 / (1 + Math.exp(-x));
const fixture = auditC();
const tables = fixture.tp.map((tp, i) => ({ tp, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]! }));
const dta = (over: Partial<DtaEvidence> = {}): DtaEvidence => ({
  kind: 'dta', model: 'bivariate', k: 14, level: 0.95,
  sens: { estimate: expit(2), ciLow: 0.85, ciHigh: 0.9, logit: 2, se: 0.1, tau2: 0.25 },
  spec: { estimate: expit(1), ciLow: 0.6, ciHigh: 0.8, logit: 1, se: 0.2, tau2: 1 },
  studies: tables.map((_, i) => ({ slug: `s${i}`, weight: 1, rob: 'low' as const })), tables, ...over,
});

describe('the suggested risk-of-bias judgement', () => {
  it('is serious above 25% of the weight at high risk, naming the shares and counts', () => {
    const s = suggestRiskOfBias(studies([40, 30, 30], ['high', 'low', 'low']), 'weight');
    expect(s.judgement).toBe('serious');
    expect(s.reason).toBe('40% of the weight is from studies at high risk of bias and 0% at unclear risk or not yet assessed (of 3: 1 high, 0 unclear, 0 not yet assessed): more than 25% at high risk.');
  });

  it('is very serious above half at high risk, and not serious with little weight at high or unclear risk', () => {
    expect(suggestRiskOfBias(studies([60, 20, 20], ['high', 'low', 'unclear']), 'weight').judgement).toBe('very serious');
    const s = suggestRiskOfBias(studies([10, 30, 60], ['high', 'unclear', 'low']), 'weight');
    expect(s.judgement).toBe('not serious');
    expect(s.reason).toMatch(/^10% of the weight .* and 30% at unclear/);
  });

  it('counts pages not yet assessed as unclear, never as low', () => {
    const s = suggestRiskOfBias(studies([50, 50], ['not-assessed', 'not-assessed']), 'weight');
    expect(s.judgement).toBe('serious');
    expect(s.reason).toContain('0% of the weight is from studies at high risk of bias and 100% at unclear risk or not yet assessed (of 2: 0 high, 0 unclear, 2 not yet assessed): more than 50% at high or unclear risk.');
  });

  it('uses the share of studies for DTA, whatever the weights', () => {
    const s = suggestRiskOfBias(studies([100, 1, 1, 1], ['high', 'low', 'low', 'low']), 'studies');
    expect(s.judgement).toBe('not serious');
    expect(s.reason).toMatch(/^25% of the studies are at high risk/);
  });
});

describe('the suggested inconsistency judgement', () => {
  it('is very serious with I² ≥ 75% and a prediction interval containing the null', () => {
    const s = suggestInconsistency(auc({ I2: 80, piLow: 0.4, piHigh: 0.9 }));
    expect(s.judgement).toBe('very serious');
    expect(s.reason).toBe('I² = 80% (τ² = 0.040, 4 studies); the 95% prediction interval 0.40 to 0.90 contains the line of no effect 0.50: I² ≥ 75% and the interval crosses the reference.');
  });

  it('is serious with I² ≥ 50%, or when the interval crosses the decision threshold; not serious otherwise', () => {
    expect(suggestInconsistency(auc({ I2: 55 })).judgement).toBe('serious');
    expect(suggestInconsistency(auc()).judgement).toBe('not serious');
    const s = suggestInconsistency(auc({ I2: 20, piLow: 0.7, piHigh: 0.9 }), { decision: 0.8 });
    expect(s.judgement).toBe('serious');
    expect(s.reason).toContain('contains the decision threshold 0.80');
  });

  it('reads τ² of a DTA summary as marginal prediction intervals, with their widths', () => {
    const e = dta();
    // Sensitivity: expit(2 ± 1.96·√(0.25 + 0.01)); specificity: expit(1 ± 1.96·√(1 + 0.04)).
    const z = 1.959963984540054;
    const sens = [expit(2 - z * Math.sqrt(0.26)), expit(2 + z * Math.sqrt(0.26))];
    const spec = [expit(1 - z * Math.sqrt(1.04)), expit(1 + z * Math.sqrt(1.04))];
    expect(dtaPredictionInterval(e.sens, 0.95)[0]).toBeCloseTo(sens[0]!, 12);
    expect(dtaPredictionInterval(e.spec, 0.95)[1]).toBeCloseTo(spec[1]!, 12);
    const s = suggestDtaInconsistency(e);
    // Sensitivity width 0.22 (no concern), specificity width 0.68 (> 0.5: two concerns).
    expect(s.judgement).toBe('very serious');
    expect(s.reason).toContain(`sensitivity τ² = 0.250, 95% prediction interval ${Math.round(100 * sens[0]!)}% to ${Math.round(100 * sens[1]!)}% (width ${(sens[1]! - sens[0]!).toFixed(2)})`);
    expect(s.reason).toContain(`specificity τ² = 1.000, 95% prediction interval 27% to 95% (width ${(spec[1]! - spec[0]!).toFixed(2)})`);
    expect(suggestDtaInconsistency(dta({ spec: { ...e.spec, tau2: 0.25, se: 0.1, logit: 2 } })).judgement).toBe('not serious');
  });
});

describe('the suggested imprecision judgement', () => {
  it('compares the CI width with ci_width and the decision threshold', () => {
    // CI 0.70 to 0.90: width 0.200, not wider than twice 0.1 but wider than 0.1 (one concern), and it contains 0.8 (one more).
    const s = suggestImprecision(auc(), { ci_width: 0.1, decision: 0.8 });
    expect(s.judgement).toBe('very serious');
    expect(s.reason).toBe('AUC 95% CI 0.700 to 0.900 (width 0.200), wider than 0.100 and contains the decision threshold 0.80: very serious.');
    expect(suggestImprecision(auc(), { ci_width: 0.25 }).judgement).toBe('not serious');
    expect(suggestImprecision(auc(), { ci_width: 0.09 }).judgement).toBe('very serious');
    expect(suggestImprecision(auc(), { decision: 0.95 }).judgement).toBe('not serious');
  });

  it('takes the worse of sensitivity and specificity for DTA, each with its own decision threshold', () => {
    const s = suggestImprecision(dta(), { ci_width: 0.1, decision: { sensitivity: 0.8 } });
    // Sensitivity 0.85–0.90: width 0.05, does not contain 0.8; specificity 0.60–0.80: width 0.20, wider than 0.1.
    expect(s.judgement).toBe('serious');
    expect(s.reason).toBe('sensitivity 95% CI 0.850 to 0.900 (width 0.050), not wider than 0.100 and does not contain the decision threshold 0.80; specificity 95% CI 0.600 to 0.800 (width 0.200), wider than 0.100: serious.');
  });

  it('makes no suggestion without thresholds, and says so with the CI', () => {
    const s = suggestImprecision(auc());
    expect(s.judgement).toBeNull();
    expect(s.reason).toMatch(/^AUC 95% CI 0\.700 to 0\.900 \(width 0\.200\)\. No imprecision_thresholds/);
  });
});

describe('the suggested publication-bias judgement', () => {
  it('is not assessable with fewer than 10 studies', () => {
    expect(suggestPublicationBias(auc())).toEqual({ domain: 'publication_bias', judgement: null, reason: "Not assessable: 4 studies, and Egger's test needs at least 10 to tell asymmetry from chance." });
  });

  it("reports Deeks' test on the 14 AuditC tables with its p-value, serious when p < 0.10", () => {
    const r = deeksTest(tables);
    if (r.status !== 'ok') throw new Error('Deeks did not run');
    const s = suggestPublicationBias(dta());
    expect(s.judgement).toBe(r.pval < 0.1 ? 'serious' : 'not serious');
    expect(s.reason).toContain(`Deeks' test for funnel-plot asymmetry: slope ${r.slope.toFixed(3).replace('-', '−')}, p = ${r.pval.toFixed(3)} (14 studies)`);
  });

  it("runs Egger's test on the pooled yi and vi with 10 or more studies", () => {
    const vi = [0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6];
    const yi = vi.map((v) => 0.2 + 2 * Math.sqrt(v));
    const e = auc({ k: 12, yi, vi, studies: studies(vi.map(() => 1), vi.map(() => 'low')) });
    const r = eggerTest({ yi, vi });
    if (r.status !== 'ok') throw new Error('Egger did not run');
    expect(r.pval).toBeLessThan(0.1);
    const s = suggestPublicationBias(e);
    expect(s.judgement).toBe('serious');
    expect(s.reason).toBe(`Egger's test for funnel-plot asymmetry: slope ${r.slope.toFixed(3)}, ${r.pval < 0.001 ? 'p < 0.001' : `p = ${r.pval.toFixed(3)}`} (12 studies): p < 0.1, small-study effects are likely.`);
  });
});

describe('all five suggestions', () => {
  it('never suggest a judgement for indirectness', () => {
    const all = suggestJudgements(auc(), { ci_width: 0.3 });
    expect(Object.keys(all)).toEqual(['risk_of_bias', 'inconsistency', 'indirectness', 'imprecision', 'publication_bias']);
    expect(all.indirectness.judgement).toBeNull();
    expect(all.imprecision.judgement).toBe('not serious');
  });
});
