import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, validateReviewSource } from '../../../src/lib/content/validate.ts';
import { fixture, ROOT } from '../../helpers.ts';

const validate = (name: string) => validateReviewSource(fixture(`grade/${name}`), `content/${name}`);

describe('GRADE certainty blocks in content/review.yaml', () => {
  it('accept five domain judgements with reasons, prevalences per outcome and review-wide, and thresholds', () => {
    const { review, problems } = validate('certainty-valid.yaml');
    expect(problems).toEqual([]);
    expect(review!.prevalences).toEqual([0.05, 0.2]);
    expect(review!.certainty!.alcohol).toMatchObject({ start: 'high', prevalences: [0.1], risk_of_bias: { judgement: 'serious', reason: 'Most studies not yet assessed' }, imprecision_thresholds: { ci_width: 0.1, decision: { sensitivity: 0.8 } } });
    expect(review!.certainty!.wma).toMatchObject({ measure: 'AUC', imprecision_thresholds: { decision: 0.8 } });
  });

  it('report every broken judgement, missing reason, missing domain, bad prevalence, undeclared measure and unknown outcome with file, line and field', () => {
    const f = 'content/certainty-broken.yaml';
    const lines = validate('certainty-broken.yaml').problems.map(formatProblem).sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]) || a.localeCompare(b));
    expect(lines).toEqual([
      `${f}:24: prevalences.0: a prevalence is a fraction above 0, e.g. 0.05 for 5%`,
      `${f}:26: certainty.alcohol.publication_bias: missing domain publication_bias: rate all five domains (risk_of_bias, inconsistency, indirectness, imprecision, publication_bias), e.g. publication_bias: { judgement: not serious }`,
      `${f}:27: certainty.alcohol.risk_of_bias.reason: a "serious" judgement needs a reason: say what the concern is, e.g. "2 of 5 studies at high risk of bias (patient selection)"`,
      `${f}:28: certainty.alcohol.inconsistency.judgement: must be one of "not serious", "serious", "very serious"`,
      `${f}:32: certainty.wma.measure: measure kappa is not declared for outcome wma: use one of AUC, sensitivity`,
      `${f}:33: certainty.wma.overall: an overall rating needs the five domain judgements first: add risk_of_bias, inconsistency, indirectness, imprecision, publication_bias`,
      `${f}:33: certainty.wma.overall.certainty: must be one of "high", "moderate", "low", "very low"`,
      `${f}:33: certainty.wma.overall.reason: an overall rating needs a reason saying why it differs from the domains, e.g. "rated up: large effect"`,
      `${f}:34: certainty.no-such-outcome: outcome "no-such-outcome" is not declared under outcomes: use one of alcohol, wma or declare it`,
    ]);
  });

  it('leave the project protocol valid (certainty is optional)', () => {
    const { review, problems } = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml');
    expect(problems).toEqual([]);
    expect(review!.certainty).toBeUndefined();
  });
});
