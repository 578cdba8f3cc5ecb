/**
 * One outcome's Summary of Findings row, MAGICapp / GRADEpro style: which synthesis it reports
 * (the DTA summary when the outcome has 2×2 tables, else one pooled measure), studies and
 * participants, the pooled estimate with its CI, for DTA the numbers per 1,000 tested at each
 * declared prevalence, the certainty from the author's five domain judgements, and beside each
 * judgement the site's suggestion from the data. Pure: the outcome pages, the review-wide page,
 * the CSV and the standalone HTML table all read this.
 */
import type { Outcome, Review, Study } from '../schema/index.ts';
import { GRADE_DOMAINS, GRADE_DOMAIN_LABELS, type DomainRating, type GradeDomain, type OutcomeCertainty } from '../schema/grade.ts';
import { overallRisk, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { OutcomeSynthesis } from '../site/synthesis.ts';
import type { DtaSynthesis } from '../site/dta-synthesis.ts';
import type { DtaEvidence, Evidence, Suggestion, UnivariateEvidence } from './evidence.ts';
import { suggestJudgements } from './suggestions.ts';
import { rateOutcome, type OutcomeRating } from './certainty.ts';
import { perThousand, type PerThousand } from './per-thousand.ts';

/** The CI level of the site's syntheses. */
export const SOF_LEVEL = 0.95;

/** Prevalences used when neither the outcome nor the review declares any: none (the table then says so). */
export const NO_PREVALENCES: readonly number[] = [];

/** One domain line: the author's judgement (null when not rated) and the site's suggestion (null without a synthesis). */
export interface SofDomain {
  domain: GradeDomain;
  label: string;
  author: DomainRating | null;
  suggestion: Suggestion | null;
}

/** A univariate pooled measure as the table shows it. */
export interface SofEstimate {
  measure: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  I2: number;
}

/** The DTA part: summary sensitivity and specificity, how many tested had the condition, and the counts per 1,000. */
export interface SofDta {
  model: 'bivariate' | 'univariate';
  sens: { estimate: number; ciLow: number; ciHigh: number };
  spec: { estimate: number; ciLow: number; ciHigh: number };
  /** People in the pooled tables with (TP + FN) and without (FP + TN) the condition. */
  withCondition: number;
  withoutCondition: number;
  perThousand: PerThousand[];
}

/** One outcome's Summary of Findings. */
export interface SofOutcome {
  outcome: string;
  label: string;
  kind: 'dta' | 'univariate' | 'none';
  /** The measure reported ("sensitivity and specificity" for DTA; null when nothing is reported). */
  measure: string | null;
  /** Pooled studies (k) and their participants (null when not known). */
  studies: number;
  participants: number | null;
  /** E.g. "sample size reported by 3 of 4 studies", or null when every study reports one. */
  participantsNote: string | null;
  estimate: SofEstimate | null;
  dta: SofDta | null;
  /** Why nothing is pooled (kind "none", or a measure with a single study). */
  note: string | null;
  prevalences: number[];
  rating: OutcomeRating;
  domains: SofDomain[];
}

/** The inputs for one outcome. */
export interface SofInput {
  outcome: Pick<Outcome, 'id' | 'label' | 'measures'>;
  syntheses: readonly OutcomeSynthesis[];
  dta: DtaSynthesis | null | undefined;
  studies: readonly { slug: string; study: Pick<Study, 'risk_of_bias' | 'sample_sizes'> }[];
  block: OutcomeCertainty | undefined;
  reviewPrevalences: readonly number[] | undefined;
}

function chooseSynthesis(input: SofInput): OutcomeSynthesis | null {
  const own = input.syntheses.filter((s) => s.outcome === input.outcome.id);
  const wanted = input.block?.measure;
  if (wanted) return own.find((s) => s.measure === wanted) ?? null;
  const order = (s: OutcomeSynthesis) => { const i = input.outcome.measures.indexOf(s.measure); return i < 0 ? Infinity : i; };
  const sorted = [...own].sort((a, b) => order(a) - order(b));
  return sorted.find((s) => s.pooled !== null) ?? sorted[0] ?? null;
}

function dtaEvidence(d: DtaSynthesis, robOf: (slug: string) => RobLevel): DtaEvidence | null {
  const s = d.summary;
  const p = d.pooled;
  if (!s || !p) return null;
  const rows = d.rows.filter((r) => r.notPooled === null);
  const logit =
    p.model === 'bivariate'
      ? { sens: { logit: p.result.logitSens, se: p.result.seLogitSens, tau2: p.result.tau2Sens }, spec: { logit: p.result.logitSpec, se: p.result.seLogitSpec, tau2: p.result.tau2Spec } }
      : { sens: { logit: p.sens.estimate, se: p.sens.se, tau2: p.sens.tau2 }, spec: { logit: p.spec.estimate, se: p.spec.se, tau2: p.spec.tau2 } };
  return {
    kind: 'dta', model: s.model, k: s.k, level: s.level,
    sens: { estimate: s.sens, ciLow: s.sensCi[0], ciHigh: s.sensCi[1], ...logit.sens },
    spec: { estimate: s.spec, ciLow: s.specCi[0], ciHigh: s.specCi[1], ...logit.spec },
    studies: rows.map((r) => ({ slug: r.slug, weight: 1, rob: robOf(r.slug) })),
    tables: rows.map((r) => ({ tp: r.tp, fp: r.fp, fn: r.fn, tn: r.tn })),
  };
}

function univariateEvidence(s: OutcomeSynthesis, robOf: (slug: string) => RobLevel): UnivariateEvidence | null {
  const p = s.pooled;
  if (!p) return null;
  const rows = s.rows.filter((r) => r.notPooled === null && r.weight !== null && r.yi !== null && r.vi !== null);
  return {
    kind: 'univariate', measure: s.measure, k: p.k, level: SOF_LEVEL,
    estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, I2: p.I2, tau2: p.tau2,
    studies: rows.map((r) => ({ slug: r.slug, weight: r.weight!, rob: robOf(r.slug) })),
    yi: rows.map((r) => r.yi!), vi: rows.map((r) => r.vi!),
  };
}

/** The evidence part of a Summary of Findings row: what was pooled, from how many studies and participants, or why nothing was. */
interface Findings {
  kind: SofOutcome['kind'];
  measure: string | null;
  evidence: Evidence | null;
  estimate: SofEstimate | null;
  dta: SofDta | null;
  studies: number;
  participants: number | null;
  participantsNote: string | null;
  note: string | null;
}

const NO_FINDINGS: Findings = { kind: 'none', measure: null, evidence: null, estimate: null, dta: null, studies: 0, participants: null, participantsNote: null, note: null };

/** Findings from the bivariate (or fallback) DTA summary: sensitivity, specificity and their effect per 1,000 at each prevalence. */
function dtaFindings(d: NonNullable<SofInput['dta']>, robOf: (slug: string) => RobLevel, prevalences: readonly number[]): Findings {
  const s = d.summary!;
  const rows = d.rows.filter((r) => r.notPooled === null);
  const withCondition = rows.reduce((a, r) => a + r.tp + r.fn, 0);
  const withoutCondition = rows.reduce((a, r) => a + r.fp + r.tn, 0);
  const sens = { estimate: s.sens, ciLow: s.sensCi[0], ciHigh: s.sensCi[1] };
  const spec = { estimate: s.spec, ciLow: s.specCi[0], ciHigh: s.specCi[1] };
  return {
    ...NO_FINDINGS,
    kind: 'dta',
    measure: 'sensitivity and specificity',
    evidence: dtaEvidence(d, robOf),
    dta: { model: s.model, sens, spec, withCondition, withoutCondition, perThousand: prevalences.map((p) => perThousand(sens, spec, p)) },
    studies: s.k,
    participants: withCondition + withoutCondition,
    note: s.fallback ? s.fallback : null,
  };
}

/** Findings from the chosen univariate synthesis: the pooled estimate, or why there is none. */
function univariateFindings(input: SofInput, bySlug: ReadonlyMap<string, SofInput['studies'][number]['study']>, robOf: (slug: string) => RobLevel): Findings {
  const s = chooseSynthesis(input);
  if (!s) return { ...NO_FINDINGS, note: input.block?.measure ? `No study reports ${input.block.measure} for this outcome yet.` : 'No study reports this outcome yet.' };
  const slugs = [...new Set(s.rows.filter((r) => r.notPooled === null).map((r) => r.slug))];
  const studies = s.pooled?.k ?? slugs.length;
  const sizes = slugs.map((slug) => bySlug.get(slug)?.sample_sizes[0]?.n ?? null);
  const known = sizes.filter((n): n is number => n !== null);
  const f: Findings = {
    ...NO_FINDINGS,
    kind: 'univariate',
    measure: s.measure,
    studies,
    participants: known.length ? known.reduce((a, n) => a + n, 0) : null,
    participantsNote: known.length < slugs.length ? `sample size reported by ${known.length} of ${slugs.length} ${slugs.length === 1 ? 'study' : 'studies'}` : null,
  };
  if (!s.pooled) return { ...f, note: studies === 1 ? 'Not pooled: a single study.' : 'Not pooled: no study has a usable estimate and interval.' };
  const p = s.pooled;
  return { ...f, estimate: { measure: s.measure, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, I2: p.I2 }, evidence: univariateEvidence(s, robOf) };
}

/** Build one outcome's Summary of Findings. */
export function summaryOfFindings(input: SofInput): SofOutcome {
  const bySlug = new Map(input.studies.map((s) => [s.slug, s.study]));
  const robOf = (slug: string): RobLevel => overallRisk(bySlug.get(slug)?.risk_of_bias);
  const prevalences = [...(input.block?.prevalences ?? input.reviewPrevalences ?? NO_PREVALENCES)];
  const thresholds = input.block?.imprecision_thresholds;
  const wantsOther = input.block?.measure !== undefined && input.block.measure !== 'sensitivity' && input.block.measure !== 'specificity';
  const useDta = !!input.dta && !wantsOther && input.dta.summary !== null;
  const f = useDta ? dtaFindings(input.dta!, robOf, prevalences) : univariateFindings(input, bySlug, robOf);
  const suggestions = f.evidence ? suggestJudgements(f.evidence, thresholds) : null;
  return {
    outcome: input.outcome.id,
    label: input.outcome.label,
    kind: f.kind,
    measure: f.measure,
    studies: f.studies,
    participants: f.participants,
    participantsNote: f.participantsNote,
    estimate: f.estimate,
    dta: f.dta,
    note: f.note,
    prevalences,
    rating: rateOutcome(input.block),
    domains: GRADE_DOMAINS.map((d) => ({ domain: d, label: GRADE_DOMAIN_LABELS[d], author: input.block?.[d] ?? null, suggestion: suggestions?.[d] ?? null })),
  };
}

/** The Summary of Findings of every declared outcome, in protocol order. */
export function reviewSummaryOfFindings(
  review: Pick<Review, 'outcomes' | 'prevalences' | 'certainty'>,
  syntheses: readonly OutcomeSynthesis[],
  dta: readonly DtaSynthesis[],
  studies: SofInput['studies'],
): SofOutcome[] {
  return review.outcomes.map((o) =>
    summaryOfFindings({ outcome: o, syntheses, dta: dta.find((d) => d.outcome === o.id), studies, block: review.certainty?.[o.id], reviewPrevalences: review.prevalences }),
  );
}
