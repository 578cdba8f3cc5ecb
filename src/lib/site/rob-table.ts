/**
 * A study's risk-of-bias assessment as the rows of its study page's table: per domain of the tool,
 * the signalling answers (with the question's wording where known), the judgement, the
 * applicability concern and the support (quote and/or note). A page not yet assessed gives no rows
 * and is described as "not yet assessed", never as low.
 */
import {
  APPLICABILITY_DOMAINS,
  DOMAIN_LABELS,
  QUADAS_QUESTIONS,
  domainsOf,
  overallApplicability,
  overallRisk,
  overallSentence,
  type RobDomain,
  type RobLevel,
  type RobTool,
} from '../schema/risk-of-bias-tools.ts';

/** A domain as written in frontmatter (validated by the schema, read loosely here). */
interface DomainLike {
  signalling?: Record<string, { answer: string; question?: string | undefined }>;
  judgement?: string;
  applicability?: string | undefined;
  support?: { quote?: string | undefined; note?: string | undefined } | undefined;
}

/** An assessment as written in frontmatter. */
export interface RobAssessmentLike {
  tool: string;
  part?: string;
  assessed_by?: string[] | undefined;
  assessed_on?: string | undefined;
  domains?: Partial<Record<string, DomainLike>>;
}

/** One row of the table. */
export interface RobTableRow {
  domain: RobDomain;
  label: string;
  signalling: { key: string; question: string | null; answer: string }[];
  judgement: RobLevel;
  /** Null for a domain the tool gives no applicability concern (flow and timing; analysis). */
  applicability: RobLevel | null;
  quote: string | null;
  note: string | null;
}

/** What the study page shows of an assessment. */
export interface RobTableView {
  tool: string;
  sentence: string;
  overall: RobLevel;
  applicability: RobLevel;
  /** e.g. "Assessed by A. Reviewer and B. Reviewer on 2026-01-15", or null. */
  byline: string | null;
  rows: RobTableRow[];
}

function asLevel(x: string | undefined): RobLevel {
  return x === 'low' || x === 'high' || x === 'unclear' ? x : 'not-assessed';
}

function names(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** The study page's view of an assessment (no rows when not yet assessed). */
export function robTableView(a: RobAssessmentLike): RobTableView {
  const domains = domainsOf(a.tool as RobTool);
  const rows: RobTableRow[] = domains.map((domain) => {
    const d = a.domains?.[domain] ?? {};
    const questions = (QUADAS_QUESTIONS as Partial<Record<string, Record<string, string>>>)[domain] ?? {};
    return {
      domain,
      label: DOMAIN_LABELS[domain],
      signalling: Object.entries(d.signalling ?? {}).map(([key, s]) => ({ key, question: s.question ?? questions[key] ?? null, answer: s.answer })),
      judgement: asLevel(d.judgement),
      applicability: APPLICABILITY_DOMAINS.has(domain) ? asLevel(d.applicability) : null,
      quote: d.support?.quote ?? null,
      note: d.support?.note ?? null,
    };
  });
  const by = a.assessed_by && a.assessed_by.length > 0 ? `by ${names(a.assessed_by)}` : '';
  const on = a.assessed_on ? `on ${a.assessed_on}` : '';
  const assessment = { tool: a.tool, domains: a.domains as RobAssessmentLike['domains'] & Record<string, { judgement?: 'low' | 'high' | 'unclear' }>, ...(a.part ? { part: a.part } : {}) };
  return {
    tool: a.tool,
    sentence: overallSentence(assessment),
    overall: overallRisk(assessment),
    applicability: overallApplicability(assessment),
    byline: by || on ? `Assessed ${[by, on].filter(Boolean).join(' ')}.` : null,
    rows,
  };
}
