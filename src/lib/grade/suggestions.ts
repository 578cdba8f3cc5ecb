/**
 * All five suggested judgements for one outcome's evidence: risk of bias, inconsistency,
 * imprecision and publication bias from the data; indirectness never (it is judged against the
 * review question). Suggestions are shown beside the author's judgements, never applied.
 */
import { GRADE_DOMAINS, type GradeDomain, type ImprecisionThresholds } from '../schema/grade.ts';
import type { Evidence, Suggestion } from './evidence.ts';
import { suggestRiskOfBias } from './suggest-risk-of-bias.ts';
import { suggestDtaInconsistency, suggestInconsistency } from './suggest-inconsistency.ts';
import { suggestImprecision } from './suggest-imprecision.ts';
import { suggestPublicationBias } from './suggest-publication-bias.ts';

/** The suggestion for every domain, keyed by domain. */
export function suggestJudgements(e: Evidence, thresholds?: ImprecisionThresholds): Record<GradeDomain, Suggestion> {
  const all: Suggestion[] = [
    suggestRiskOfBias(e.studies, e.kind === 'dta' ? 'studies' : 'weight'),
    e.kind === 'dta' ? suggestDtaInconsistency(e, thresholds) : suggestInconsistency(e, thresholds),
    { domain: 'indirectness', judgement: null, reason: 'Indirectness is judged against the review question (population, index test, reference standard), not computed from the data.' },
    suggestImprecision(e, thresholds),
    suggestPublicationBias(e),
  ];
  return Object.fromEntries(GRADE_DOMAINS.map((d) => [d, all.find((s) => s.domain === d)!])) as Record<GradeDomain, Suggestion>;
}
