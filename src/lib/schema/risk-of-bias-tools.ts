/**
 * The risk-of-bias tools the review uses, as plain data with no validator: QUADAS-2 for
 * diagnostic-accuracy studies and PROBAST+AI (Moons et al., BMJ 2025;388:e082505) for
 * prediction-model studies; their domains, signalling questions, answer vocabularies and the
 * published rule that turns domain judgements into an overall one. Kept free of zod so browser
 * code (figures, Explore) can import it; the schema (risk-of-bias.ts) builds on it.
 */

/** The tools an assessment can name; `not-assessed` is the state of every new page. */
export const ROB_TOOLS = ['QUADAS-2', 'PROBAST+AI', 'not-assessed'] as const;
/** One of ROB_TOOLS. */
export type RobTool = (typeof ROB_TOOLS)[number];

/** A judgement of a domain (risk of bias, applicability concern, or PROBAST+AI development quality). */
export const JUDGEMENTS = ['low', 'high', 'unclear'] as const;
/** `low`, `high` or `unclear`. */
export type Judgement = (typeof JUDGEMENTS)[number];
/** What a figure or table shows for one cell: a judgement, or `not-assessed` (never drawn as low). */
export type RobLevel = Judgement | 'not-assessed';
/** Every level a figure can show, in legend order. */
export const ROB_LEVELS: readonly RobLevel[] = ['low', 'unclear', 'high', 'not-assessed'];

/** QUADAS-2 signalling answers. */
export const QUADAS_ANSWERS = ['yes', 'no', 'unclear'] as const;
/** PROBAST / PROBAST+AI signalling answers. */
export const PROBAST_ANSWERS = ['yes', 'probably yes', 'probably no', 'no', 'no information'] as const;
/** A signalling answer of either tool. */
export type SignallingAnswer = (typeof QUADAS_ANSWERS)[number] | (typeof PROBAST_ANSWERS)[number];

/** QUADAS-2 domains in the order of the tool. */
export const QUADAS_DOMAINS = ['patient_selection', 'index_test', 'reference_standard', 'flow_and_timing'] as const;
/** A QUADAS-2 domain key. */
export type QuadasDomain = (typeof QUADAS_DOMAINS)[number];
/** PROBAST+AI domains in the order of the tool. */
export const PROBAST_DOMAINS = ['participants_and_data_sources', 'predictors', 'outcome', 'analysis'] as const;
/** A PROBAST+AI domain key. */
export type ProbastDomain = (typeof PROBAST_DOMAINS)[number];
/** A domain key of either tool. */
export type RobDomain = QuadasDomain | ProbastDomain;

/** The parts of PROBAST+AI: model development (quality) or model evaluation (risk of bias). */
export const PROBAST_PARTS = ['development', 'evaluation'] as const;
/** `development` or `evaluation`. */
export type ProbastPart = (typeof PROBAST_PARTS)[number];

/** Domains with an applicability judgement: the first three of each tool. */
export const APPLICABILITY_DOMAINS: ReadonlySet<RobDomain> = new Set<RobDomain>(['patient_selection', 'index_test', 'reference_standard', 'participants_and_data_sources', 'predictors', 'outcome']);

/** Display names of the domains. */
export const DOMAIN_LABELS: Record<RobDomain, string> = {
  patient_selection: 'Patient selection',
  index_test: 'Index test',
  reference_standard: 'Reference standard',
  flow_and_timing: 'Flow and timing',
  participants_and_data_sources: 'Participants and data sources',
  predictors: 'Predictors',
  outcome: 'Outcome',
  analysis: 'Analysis',
};

/** The domains of a tool (none for `not-assessed`). */
export function domainsOf(tool: RobTool): readonly RobDomain[] {
  return tool === 'QUADAS-2' ? QUADAS_DOMAINS : tool === 'PROBAST+AI' ? PROBAST_DOMAINS : [];
}

/** The QUADAS-2 signalling questions (Whiting et al., Ann Intern Med 2011), by domain and number. */
export const QUADAS_QUESTIONS: Record<QuadasDomain, Record<string, string>> = {
  patient_selection: {
    '1.1': 'Was a consecutive or random sample of patients enrolled?',
    '1.2': 'Was a case-control design avoided?',
    '1.3': 'Did the study avoid inappropriate exclusions?',
  },
  index_test: {
    '2.1': 'Were the index test results interpreted without knowledge of the results of the reference standard?',
    '2.2': 'If a threshold was used, was it pre-specified?',
  },
  reference_standard: {
    '3.1': 'Is the reference standard likely to correctly classify the target condition?',
    '3.2': 'Were the reference standard results interpreted without knowledge of the results of the index test?',
  },
  flow_and_timing: {
    '4.1': 'Was there an appropriate interval between index test(s) and reference standard?',
    '4.2': 'Did all patients receive a reference standard?',
    '4.3': 'Did patients receive the same reference standard?',
    '4.4': 'Were all patients included in the analysis?',
  },
};

/** The number (1–4) of a domain within its tool: PROBAST+AI question keys start with it ("2.3" is a predictors question). */
export function domainNumber(domain: RobDomain): number {
  const q = (QUADAS_DOMAINS as readonly string[]).indexOf(domain);
  return (q >= 0 ? q : (PROBAST_DOMAINS as readonly string[]).indexOf(domain)) + 1;
}

/** Signalling answers that flag potential bias: a `low` judgement beside one of them needs an explanation. */
export const CONCERNING_ANSWERS: ReadonlySet<SignallingAnswer> = new Set<SignallingAnswer>(['no', 'probably no']);

/**
 * The published rule for the overall judgement (QUADAS-2 and PROBAST alike): low only if every
 * domain is low; high if any domain is high; otherwise unclear. No domains gives `unclear`.
 */
export function overallFromDomains(judgements: readonly Judgement[]): Judgement {
  if (judgements.includes('high')) return 'high';
  if (judgements.length > 0 && judgements.every((j) => j === 'low')) return 'low';
  return 'unclear';
}

/** The shape overallRisk reads: any assessment (validated or not), with or without domains. */
export interface AssessmentLike {
  tool: string;
  domains?: Partial<Record<string, { judgement?: Judgement; applicability?: Judgement } | undefined>>;
}

function judgementsOf(a: AssessmentLike, key: 'judgement' | 'applicability'): Judgement[] | null {
  const domains = domainsOf(a.tool as RobTool).filter((d) => key === 'judgement' || APPLICABILITY_DOMAINS.has(d));
  if (domains.length === 0 || !a.domains) return null;
  const js = domains.map((d) => a.domains?.[d]?.[key]);
  return js.every((j): j is Judgement => j === 'low' || j === 'high' || j === 'unclear') ? js : null;
}

/**
 * Overall risk of bias of an assessment by the published rule; `not-assessed` for a page not yet
 * assessed (or an assessment missing a domain judgement), so it is never shown as low.
 */
export function overallRisk(assessment: AssessmentLike | null | undefined): RobLevel {
  const js = assessment ? judgementsOf(assessment, 'judgement') : null;
  return js ? overallFromDomains(js) : 'not-assessed';
}

/** Overall applicability concern by the same rule over the domains that have one; `not-assessed` when any is missing. */
export function overallApplicability(assessment: AssessmentLike | null | undefined): RobLevel {
  const js = assessment ? judgementsOf(assessment, 'applicability') : null;
  return js ? overallFromDomains(js) : 'not-assessed';
}

/** The judgement of each of the tool's domains, in tool order (`not-assessed` where missing). */
export function domainLevels(assessment: AssessmentLike | null | undefined): { domain: RobDomain; level: RobLevel }[] {
  if (!assessment) return [];
  return domainsOf(assessment.tool as RobTool).map((domain) => ({ domain, level: assessment.domains?.[domain]?.judgement ?? 'not-assessed' }));
}

/** How a level is written for readers: "Low", "High", "Unclear", "Not yet assessed". */
export function levelLabel(level: RobLevel): string {
  return level === 'not-assessed' ? 'Not yet assessed' : `${level[0]!.toUpperCase()}${level.slice(1)}`;
}

/** What the judgements of an assessment are about: "risk of bias", or "quality" for PROBAST+AI model development. */
export function judgementSubject(assessment: { tool: string; part?: string }): 'risk of bias' | 'quality' {
  return assessment.tool === 'PROBAST+AI' && assessment.part === 'development' ? 'quality' : 'risk of bias';
}

/** One sentence for a study page or text alternative, e.g. "Overall risk of bias (QUADAS-2): high." or "Risk of bias: not yet assessed." */
export function overallSentence(assessment: AssessmentLike & { part?: string }): string {
  const level = overallRisk(assessment);
  if (assessment.tool === 'not-assessed' || level === 'not-assessed') return 'Risk of bias: not yet assessed.';
  const subject = judgementSubject(assessment);
  const concern = subject === 'quality' ? ' concerns' : '';
  return `Overall ${subject} (${assessment.tool}${assessment.part ? `, model ${assessment.part}` : ''}): ${level}${concern}.`;
}
