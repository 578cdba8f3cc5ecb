/**
 * A study's risk-of-bias assessment in its frontmatter (`risk_of_bias`): the tool named —
 * QUADAS-2 (diagnostic accuracy) or PROBAST+AI (prediction models) — each domain with its
 * signalling answers, a judgement, the support for it (a verbatim quote from the abstract or a
 * note) and, for the first three domains, an applicability concern. New pages are
 * `{ tool: not-assessed }`. An overall judgement given by the author must follow the published
 * rule (overallFromDomains). Cross-checks against the page (quotes, tool fit) are in
 * src/lib/content/risk-of-bias-checks.ts.
 *
 * PROBAST+AI signalling questions are keyed by number ("1.1", "4.3", …) with an optional free
 * `question` text: the schema checks that a key belongs to its domain, not the wording of the
 * 16 (development) or 18 (evaluation) items, which it does not hold.
 */
import { z } from 'zod';
import {
  APPLICABILITY_DOMAINS,
  DOMAIN_LABELS,
  JUDGEMENTS,
  PROBAST_ANSWERS,
  PROBAST_DOMAINS,
  PROBAST_PARTS,
  QUADAS_ANSWERS,
  QUADAS_DOMAINS,
  QUADAS_QUESTIONS,
  domainNumber,
  overallFromDomains,
  type Judgement,
  type RobDomain,
} from './risk-of-bias-tools.ts';

export * from './risk-of-bias-tools.ts';

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** A judgement: low, high or unclear. */
export const JudgementSchema = z.enum(JUDGEMENTS, { error: `must be one of ${list(JUDGEMENTS)}` });

/** The support of a judgement: a verbatim quote from the abstract, a note, or both. */
export const RobSupport = z
  .object({
    quote: z.string().min(1).optional().describe('verbatim text of the abstract the judgement rests on'),
    note: z.string().min(1).optional().describe("the assessor's reasoning, e.g. what the abstract does not report"),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.quote === undefined && s.note === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'give support.quote (verbatim from the abstract), support.note, or both' });
  });
/** The support of a judgement. */
export type RobSupport = z.infer<typeof RobSupport>;

/** A signalling answer, written `"1.1": yes` or `"1.1": { answer: yes, question: "…" }`; stored as the object. */
function signallingAnswer<const A extends readonly [string, ...string[]]>(answers: A) {
  const answer = z.enum(answers, { error: `must be one of ${list(answers)}` });
  return z.preprocess(
    (v) => (typeof v === 'string' ? { answer: v } : typeof v === 'boolean' ? { answer: v ? 'yes' : 'no' } : v),
    z.object({ answer, question: z.string().min(1).optional().describe('the wording of the signalling question, for the reader') }).strict(),
  );
}

/** Dates like 2026-01-15; a YAML reader that makes a Date of an unquoted date is accepted too. */
const AssessedOn = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD, e.g. "2026-01-15" (quoted)'),
);

function domainSchema<const A extends readonly [string, ...string[]]>(tool: 'QUADAS-2' | 'PROBAST+AI', domain: RobDomain, answers: A) {
  const name = DOMAIN_LABELS[domain].toLowerCase();
  const withApplicability = APPLICABILITY_DOMAINS.has(domain);
  return z
    .object(
      {
        signalling: z.record(z.string(), signallingAnswer(answers)).default({}).describe('signalling answers keyed by question number ("1.1": yes)'),
        judgement: JudgementSchema.optional(),
        applicability: z.unknown().optional(),
        support: RobSupport.optional(),
      },
      {
        error: (iss) => {
          const fields = `signalling, judgement, ${withApplicability ? 'applicability, ' : ''}support`;
          if (iss.code === 'unrecognized_keys') return `unknown field${iss.keys.length === 1 ? '' : 's'} ${list(iss.keys)}: a domain has ${fields}`;
          if (iss.code !== 'invalid_type') return undefined;
          return iss.input === undefined ? `missing domain ${domain} (${name}): add it with signalling, judgement and support` : `must be a mapping with ${fields}`;
        },
      },
    )
    .strict()
    .superRefine((d, ctx) => {
      if (d.judgement === undefined) ctx.addIssue({ code: 'custom', path: ['judgement'], message: `give the ${tool} judgement of ${name}: one of ${list(JUDGEMENTS)}` });
      else if (d.support === undefined) ctx.addIssue({ code: 'custom', path: ['judgement'], message: `judgement "${d.judgement}" has no support: add support.quote (verbatim from the abstract) or support.note (why)` });
      if (withApplicability) {
        if (d.applicability === undefined) ctx.addIssue({ code: 'custom', path: ['applicability'], message: `give the applicability concern of ${name}: one of ${list(JUDGEMENTS)}` });
        else if (!JUDGEMENTS.includes(d.applicability as Judgement)) ctx.addIssue({ code: 'custom', path: ['applicability'], message: `must be one of ${list(JUDGEMENTS)}` });
      } else if (d.applicability !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['applicability'], message: `${tool} has no applicability concern for ${name}: remove applicability` });
      }
      for (const key of Object.keys(d.signalling)) {
        if (tool === 'QUADAS-2') {
          const known = Object.keys(QUADAS_QUESTIONS[domain as keyof typeof QUADAS_QUESTIONS]);
          if (!known.includes(key)) ctx.addIssue({ code: 'custom', path: ['signalling', key], message: `"${key}" is not a QUADAS-2 signalling question of ${name}: use ${list(known)}` });
        } else {
          const n = domainNumber(domain);
          if (!new RegExp(`^${n}\\.([1-9]\\d?)$`).test(key)) ctx.addIssue({ code: 'custom', path: ['signalling', key], message: `"${key}" is not a question of PROBAST+AI domain ${n} (${name}): number it "${n}.1", "${n}.2", … (quote the key)` });
        }
      }
    })
    .transform((d) => ({ ...d, judgement: d.judgement as Judgement, applicability: d.applicability as Judgement | undefined }));
}

function domainsSchema<const D extends readonly RobDomain[], const A extends readonly [string, ...string[]]>(tool: 'QUADAS-2' | 'PROBAST+AI', domains: D, answers: A) {
  const shape = Object.fromEntries(domains.map((d) => [d, domainSchema(tool, d, answers)])) as { [K in D[number]]: ReturnType<typeof domainSchema<A>> };
  return z
    .object(shape, {
      error: (iss) => {
        if (iss.code === 'unrecognized_keys') return `${list(iss.keys)} ${iss.keys.length === 1 ? 'is not a domain' : 'are not domains'} of ${tool}: use ${list(domains)}`;
        if (iss.code !== 'invalid_type') return undefined;
        return iss.input === undefined ? `give domains: ${domains.join(', ')}` : 'must be a mapping of domains';
      },
    })
    .strict();
}

/** The author-given overall judgement must equal the rule's; otherwise the error names the fix. */
function checkOverall(a: { overall?: Judgement | undefined; domains: Record<string, { judgement: Judgement }> }, domains: readonly RobDomain[], ctx: z.RefinementCtx): void {
  if (a.overall === undefined) return;
  const js = domains.map((d) => a.domains[d]?.judgement);
  if (js.some((j) => j === undefined)) return;
  const rule = overallFromDomains(js as Judgement[]);
  if (a.overall === rule) return;
  const why =
    rule === 'high'
      ? `${domains.filter((d) => a.domains[d]!.judgement === 'high').join(', ')} ${js.filter((j) => j === 'high').length === 1 ? 'is' : 'are'} high`
      : rule === 'low'
        ? 'every domain is low'
        : `no domain is high but ${domains.filter((d) => a.domains[d]!.judgement === 'unclear').join(', ')} ${js.filter((j) => j === 'unclear').length === 1 ? 'is' : 'are'} unclear`;
  ctx.addIssue({ code: 'custom', path: ['overall'], message: `overall "${a.overall}" contradicts the rule (low only if all domains are low, high if any is high, else unclear): ${why}, so overall is "${rule}"; set overall: ${rule}, or remove overall and it is derived` });
}

const common = {
  assessed_by: z.array(z.string().min(1)).optional().describe('who made the judgements'),
  assessed_on: AssessedOn.optional().describe('when the assessment was made (YYYY-MM-DD)'),
  overall: JudgementSchema.optional().describe('optional; must equal the rule applied to the domains'),
};

/** A QUADAS-2 assessment (diagnostic-accuracy studies). */
export const Quadas2 = z
  .object({ tool: z.literal('QUADAS-2'), ...common, domains: domainsSchema('QUADAS-2', QUADAS_DOMAINS, QUADAS_ANSWERS) })
  .strict()
  .superRefine((a, ctx) => checkOverall(a, QUADAS_DOMAINS, ctx));
/** A validated QUADAS-2 assessment. */
export type Quadas2 = z.infer<typeof Quadas2>;
/** One validated domain of either tool: signalling answers, judgement, optional applicability, support. */
export type RobDomainAssessment = Quadas2['domains']['patient_selection'];

/** A PROBAST+AI assessment (prediction-model studies) of model development (quality) or evaluation (risk of bias). */
export const ProbastAi = z
  .object({
    tool: z.literal('PROBAST+AI'),
    part: z.enum(PROBAST_PARTS, { error: `must be ${list(PROBAST_PARTS)}: development is rated for quality, evaluation for risk of bias` }),
    ...common,
    domains: domainsSchema('PROBAST+AI', PROBAST_DOMAINS, PROBAST_ANSWERS),
  })
  .strict()
  .superRefine((a, ctx) => checkOverall(a, PROBAST_DOMAINS, ctx));
/** A validated PROBAST+AI assessment. */
export type ProbastAi = z.infer<typeof ProbastAi>;

/** A page whose studies have not been assessed yet: shown as "Not yet assessed", never as low risk. */
export const NotAssessed = z.object({ tool: z.literal('not-assessed') }).strict();

/** The `risk_of_bias` field of a study page. */
export const RiskOfBias = z.discriminatedUnion('tool', [Quadas2, ProbastAi, NotAssessed], {
  error: (iss) => (iss.code === 'invalid_union' ? 'tool must be "QUADAS-2" (diagnostic accuracy), "PROBAST+AI" (prediction models) or "not-assessed"' : undefined),
});
/** A validated risk-of-bias assessment. */
export type RiskOfBias = z.infer<typeof RiskOfBias>;
/** A risk-of-bias assessment as written (before defaults). */
export type RiskOfBiasInput = z.input<typeof RiskOfBias>;

/** The default of new pages. */
export const NOT_ASSESSED: RiskOfBias = { tool: 'not-assessed' };

/** The full QUADAS-2 or PROBAST+AI assessments only (type guard). */
export function isAssessed(a: RiskOfBias): a is Quadas2 | ProbastAi {
  return a.tool !== 'not-assessed';
}

/** The domains of an assessment by key, in one type for both tools. */
export function domainsByKey(a: Quadas2 | ProbastAi): Partial<Record<RobDomain, RobDomainAssessment>> {
  return a.domains as Partial<Record<RobDomain, RobDomainAssessment>>;
}
