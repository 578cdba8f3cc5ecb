/**
 * Studies for the appraisal-figure tests: five AUC estimates of one outcome from five studies
 * (three QUADAS-2 assessed with different judgements, one PROBAST+AI, one not yet assessed), an
 * OR outcome with two studies only (no funnel), and the AuditC 2×2 tables as a DTA outcome.
 */
import type { AppraisalStudy } from '../../../src/lib/figures/appraisal-registry.ts';
import type { AssessmentLike, Judgement } from '../../../src/lib/schema/risk-of-bias-tools.ts';
import { synthesize, type SynthesisInput } from '../../../src/lib/site/synthesis.ts';
import { synthesizeDta, type DtaInput } from '../../../src/lib/site/dta-synthesis.ts';
import { auditC } from '../../dta-project.ts';

/** A QUADAS-2 assessment with these four domain judgements (applicability low). */
export function quadas(j: [Judgement, Judgement, Judgement, Judgement]): AssessmentLike {
  const [ps, it, rs, ft] = j;
  return {
    tool: 'QUADAS-2',
    domains: {
      patient_selection: { judgement: ps, applicability: 'low' },
      index_test: { judgement: it, applicability: 'low' },
      reference_standard: { judgement: rs, applicability: 'unclear' },
      flow_and_timing: { judgement: ft },
    },
  };
}

/** A PROBAST+AI assessment, all domains low. */
export const PROBAST: AssessmentLike = {
  tool: 'PROBAST+AI',
  domains: { participants_and_data_sources: { judgement: 'low' }, predictors: { judgement: 'low' }, outcome: { judgement: 'low' }, analysis: { judgement: 'low' } },
};

const NOT_ASSESSED: AssessmentLike = { tool: 'not-assessed' };

function input(slug: string, outcome: string, measure: 'AUC' | 'OR', value: number, lo: number, hi: number, label = 'WMA'): SynthesisInput {
  return { estimate_id: `${slug}#1`, slug, title: `Study ${slug}`, status: 'included', outcome, label, measure, value, ci_low: lo, ci_high: hi, ci_level: 0.95, unit: null, needs_review: false };
}

/** The estimates: outcome "x" (AUC, five studies) and outcome "y" (OR, two studies). */
export const INPUTS: SynthesisInput[] = [
  input('a', 'x', 'AUC', 0.81, 0.75, 0.86),
  input('b', 'x', 'AUC', 0.7, 0.6, 0.79),
  input('c', 'x', 'AUC', 0.9, 0.85, 0.94),
  input('d', 'x', 'AUC', 0.77, 0.7, 0.83),
  input('e', 'x', 'AUC', 0.85, 0.8, 0.9),
  input('a', 'y', 'OR', 2.1, 1.4, 3.2),
  input('b', 'y', 'OR', 1.5, 0.9, 2.4),
];

/** The studies with these assessments by slug (others not assessed). */
export function studiesWith(rob: Record<string, AssessmentLike>): AppraisalStudy[] {
  return ['a', 'b', 'c', 'd', 'e', ...auditC().tp.map((_, i) => `t${i + 1}`)].map((slug) => ({ slug, study: { title: `Study ${slug}`, risk_of_bias: rob[slug] ?? NOT_ASSESSED } }));
}

/** a: low everywhere; b: index test high; c: flow and timing unclear; d: PROBAST+AI; e: not assessed. */
export const MIXED: Record<string, AssessmentLike> = { a: quadas(['low', 'low', 'low', 'low']), b: quadas(['low', 'high', 'low', 'low']), c: quadas(['low', 'low', 'low', 'unclear']), d: PROBAST };

/** The syntheses of INPUTS. */
export const SYNTHESES = synthesize(INPUTS);

/** The AuditC tables as a DTA outcome "alcohol" (studies t1…t14). */
export function auditCInputs(): DtaInput[] {
  const c = auditC();
  return c.tp.map((tp, i) => ({ tableId: `t${i + 1}#1`, slug: `t${i + 1}`, title: `Study t${i + 1}`, outcome: 'alcohol', label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]!, status: 'included' }));
}

/** The DTA synthesis of the AuditC tables. */
export const DTA = synthesizeDta(auditCInputs());

/** Registry context. */
export const CTX = { base: '/review', outcomeLabel: (id: string) => ({ x: 'Wall motion', y: 'Death', alcohol: 'Unhealthy alcohol use' })[id] ?? id };
