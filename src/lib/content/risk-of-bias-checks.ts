/**
 * Cross-checks of a page's risk-of-bias assessment beyond the schema: support quotes are in the
 * abstract, a `low` judgement beside a "no" answer is explained, QUADAS-2 signalling questions are
 * all answered, the tool fits the study (QUADAS-2 for diagnostic accuracy, PROBAST+AI for
 * prediction models), and included studies get assessed.
 */
import type { Study } from '../schema/index.ts';
import { CONCERNING_ANSWERS, DOMAIN_LABELS, QUADAS_QUESTIONS, domainsByKey, domainsOf } from '../schema/risk-of-bias.ts';
import type { Measure } from '../schema/index.ts';

/** One problem found, with its frontmatter path and severity. */
export interface RobProblem {
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
}

/** Measures of comparative effects only: a page reporting nothing else is not a diagnostic-accuracy study. */
const EFFECT_ONLY: ReadonlySet<Measure> = new Set<Measure>(['OR', 'HR', 'RR', 'MD', 'SMD']);
/** Measures computed from a 2×2 table: a page with tables and nothing else is a diagnostic-accuracy study. */
const FROM_TWO_BY_TWO: ReadonlySet<Measure> = new Set<Measure>(['sensitivity', 'specificity', 'PPV', 'NPV', 'accuracy', 'balanced_accuracy', 'F1', 'PLR', 'NLR', 'DOR']);

/** Problems of one study's risk_of_bias, given its abstract text. */
export function checkRiskOfBias(study: Pick<Study, 'risk_of_bias' | 'estimates' | 'two_by_two' | 'status'>, abstract: string): RobProblem[] {
  const out: RobProblem[] = [];
  const rob = study.risk_of_bias;
  if (rob.tool === 'not-assessed') {
    if (study.status === 'included') {
      out.push({ path: ['risk_of_bias'], severity: 'warning', message: 'risk of bias not yet assessed (the site shows "Not yet assessed"): fill risk_of_bias with QUADAS-2 (diagnostic accuracy) or PROBAST+AI (prediction models), see CONTRIBUTING.md' });
    }
    return out;
  }
  const at = (...rest: (string | number)[]) => ['risk_of_bias', ...rest];
  const domains = domainsByKey(rob);
  for (const d of domainsOf(rob.tool)) {
    const domain = domains[d];
    if (!domain) continue; // the schema reports a missing domain
    const name = DOMAIN_LABELS[d].toLowerCase();
    if (domain.support?.quote !== undefined && !abstract.includes(domain.support.quote)) {
      out.push({ path: at('domains', d, 'support', 'quote'), severity: 'error', message: 'support quote is not in the abstract: copy the exact words from the abstract, or move the text to support.note' });
    }
    const concerning = Object.entries(domain.signalling).filter(([, a]) => CONCERNING_ANSWERS.has(a.answer));
    if (domain.judgement === 'low' && concerning.length > 0 && domain.support?.note === undefined) {
      const answers = concerning.map(([k, a]) => `${k} "${a.answer}"`).join(', ');
      out.push({
        path: at('domains', d, 'judgement'),
        severity: 'warning',
        message: `${name} is judged low although ${answers} flag${concerning.length === 1 ? 's' : ''} potential bias: explain in support.note why the risk is still low, or change the judgement`,
      });
    }
    if (rob.tool === 'QUADAS-2') {
      const missing = Object.keys(QUADAS_QUESTIONS[d as keyof typeof QUADAS_QUESTIONS]).filter((k) => !(k in domain.signalling));
      if (missing.length > 0) {
        out.push({ path: at('domains', d, 'signalling'), severity: 'warning', message: `signalling question${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${name} not answered: answer yes, no or unclear` });
      }
    }
  }
  const measures = study.estimates.map((e) => e.measure);
  if (rob.tool === 'QUADAS-2' && study.two_by_two.length === 0 && measures.length > 0 && measures.every((m) => EFFECT_ONLY.has(m))) {
    out.push({ path: at('tool'), severity: 'warning', message: `QUADAS-2 is for diagnostic-accuracy studies, but this page reports only ${[...new Set(measures)].join(', ')}: use PROBAST+AI for a prediction model, or add the accuracy data` });
  }
  if (rob.tool === 'PROBAST+AI' && study.two_by_two.length > 0 && measures.every((m) => FROM_TWO_BY_TWO.has(m))) {
    out.push({ path: at('tool'), severity: 'warning', message: 'PROBAST+AI is for prediction-model studies, but this page reports only 2×2 tables and the accuracy computed from them: QUADAS-2 is the tool for diagnostic-accuracy studies' });
  }
  return out;
}
