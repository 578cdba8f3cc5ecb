import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../../src/lib/content/checks.ts';
import { formatProblem, validateReviewSource, validateStudySource } from '../../../src/lib/content/validate.ts';
import { fixture, ROOT } from '../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const page = (name: string) => validateStudySource(fixture(`studies/${name}`), `content/studies/${name}`, name.replace('.mdx', ''));
/** The risk-of-bias problems of a fixture page, as `severity: file:line: field: message`. */
const robProblems = (name: string) =>
  checkContent([page(name)], review)
    .filter((p) => p.field.startsWith('risk_of_bias'))
    .map((p) => `${p.severity}: ${formatProblem(p)}`);

describe('risk-of-bias assessments in study pages', () => {
  it('accept a complete QUADAS-2 assessment whose quotes are in the abstract', () => {
    const p = page('rob-quadas.mdx');
    expect(p.problems).toEqual([]);
    expect(p.study!.risk_of_bias).toMatchObject({ tool: 'QUADAS-2', assessed_on: '2026-01-15', overall: 'high', domains: { index_test: { judgement: 'high', signalling: { '2.2': { answer: 'no' } } } } });
    expect(robProblems('rob-quadas.mdx')).toEqual([]);
  });

  it('accept a PROBAST+AI evaluation with numbered questions and optional question texts', () => {
    const p = page('rob-probast.mdx');
    expect(p.problems).toEqual([]);
    expect(p.study!.risk_of_bias).toMatchObject({ tool: 'PROBAST+AI', part: 'evaluation', domains: { participants_and_data_sources: { signalling: { '1.1': { answer: 'probably yes', question: 'Were appropriate data sources used?' } } } } });
    expect(robProblems('rob-probast.mdx')).toEqual([]);
  });

  it('reject answers and judgements outside the vocabulary, a missing domain, a judgement without support and a bad date, with file and line', () => {
    const f = 'content/studies/broken-rob-schema.mdx';
    expect(robProblems('broken-rob-schema.mdx')).toEqual([
      `error: ${f}:60: risk_of_bias.assessed_on: must be a date YYYY-MM-DD, e.g. "2026-01-15" (quoted)`,
      `error: ${f}:61: risk_of_bias.domains.flow_and_timing: missing domain flow_and_timing (flow and timing): add it with signalling, judgement and support`,
      `error: ${f}:63: risk_of_bias.domains.patient_selection.signalling.1.1.answer: must be one of "yes", "no", "unclear"`,
      `error: ${f}:69: risk_of_bias.domains.index_test.judgement: must be one of "low", "high", "unclear"`,
      `error: ${f}:74: risk_of_bias.domains.reference_standard.judgement: judgement "low" has no support: add support.quote (verbatim from the abstract) or support.note (why)`,
    ]);
  });

  it('reject an unknown signalling question, applicability on flow and timing, and an overall that contradicts the rule, naming the fix', () => {
    const f = 'content/studies/broken-rob-rules.mdx';
    expect(robProblems('broken-rob-rules.mdx')).toEqual([
      `error: ${f}:62: risk_of_bias.domains.patient_selection.signalling.1.4: "1.4" is not a QUADAS-2 signalling question of patient selection: use "1.1", "1.2", "1.3"`,
      `error: ${f}:73: risk_of_bias.domains.reference_standard.judgement: judgement "low" has no support: add support.quote (verbatim from the abstract) or support.note (why)`,
      `error: ${f}:78: risk_of_bias.domains.flow_and_timing.applicability: QUADAS-2 has no applicability concern for flow and timing: remove applicability`,
      `error: ${f}:80: risk_of_bias.overall: overall "low" contradicts the rule (low only if all domains are low, high if any is high, else unclear): no domain is high but flow_and_timing is unclear, so overall is "unclear"; set overall: unclear, or remove overall and it is derived`,
    ]);
  });

  it('report a support quote not in the abstract, a low judgement beside a "no" answer, and unanswered questions', () => {
    const f = 'content/studies/broken-rob-checks.mdx';
    expect(robProblems('broken-rob-checks.mdx')).toEqual([
      `warning: ${f}:63: risk_of_bias.domains.patient_selection.judgement: patient selection is judged low although 1.2 "no" flags potential bias: explain in support.note why the risk is still low, or change the judgement`,
      `error: ${f}:65: risk_of_bias.domains.patient_selection.support.quote: support quote is not in the abstract: copy the exact words from the abstract, or move the text to support.note`,
      `warning: ${f}:67: risk_of_bias.domains.index_test.signalling: signalling question 2.2 of index test not answered: answer yes, no or unclear`,
    ]);
  });

  it('accept a low judgement beside a "no" answer once support.note explains it', () => {
    const text = fixture('studies/broken-rob-checks.mdx')
      .replace('support: { quote: "We prospectively enrolled 623 consecutive patients" }', 'support: { quote: "We retrospectively enrolled 623 consecutive patients", note: "Controls were sampled from the same clinic." }');
    const p = validateStudySource(text, 'content/studies/x.mdx', 'x');
    expect(checkContent([p], review).filter((x) => x.field.startsWith('risk_of_bias.domains.patient_selection'))).toEqual([]);
  });

  it('warn when the tool does not fit the study: PROBAST+AI on a page of 2×2 tables, QUADAS-2 on a page of hazard ratios', () => {
    expect(robProblems('broken-rob-probast-on-2x2.mdx')).toEqual([
      'warning: content/studies/broken-rob-probast-on-2x2.mdx:59: risk_of_bias.tool: PROBAST+AI is for prediction-model studies, but this page reports only 2×2 tables and the accuracy computed from them: QUADAS-2 is the tool for diagnostic-accuracy studies',
    ]);
    expect(robProblems('broken-rob-quadas-on-hr.mdx')).toEqual([
      'warning: content/studies/broken-rob-quadas-on-hr.mdx:38: risk_of_bias.tool: QUADAS-2 is for diagnostic-accuracy studies, but this page reports only HR: use PROBAST+AI for a prediction model, or add the accuracy data',
    ]);
  });

  it('default a page without risk_of_bias to not-assessed, and warn only when the study is included', () => {
    const pending = page('two-by-two.mdx');
    expect(pending.study!.risk_of_bias).toEqual({ tool: 'not-assessed' });
    expect(robProblems('two-by-two.mdx')).toEqual([]);
    const included = validateStudySource(fixture('studies/two-by-two.mdx').replace('status: pending', 'status: included'), 'content/studies/inc.mdx', 'inc');
    expect(checkContent([included], review).filter((p) => p.field === 'risk_of_bias').map((p) => `${p.severity}: ${p.line}: ${p.message}`)).toEqual([
      'warning: 2: risk of bias not yet assessed (the site shows "Not yet assessed"): fill risk_of_bias with QUADAS-2 (diagnostic accuracy) or PROBAST+AI (prediction models), see CONTRIBUTING.md',
    ]);
  });

  it('reject a tool it does not know with the tools it does', () => {
    const text = fixture('studies/two-by-two.mdx').replace('two_by_two:', 'risk_of_bias: { tool: ROB-2 }\ntwo_by_two:');
    const p = validateStudySource(text, 'content/studies/x.mdx', 'x');
    expect(p.problems.map(formatProblem)).toEqual(['content/studies/x.mdx:51: risk_of_bias.tool: tool must be "QUADAS-2" (diagnostic accuracy), "PROBAST+AI" (prediction models) or "not-assessed"']);
  });
});

describe('the assessment as Astro reads it', () => {
  it('validates to the same value through Astro’s frontmatter reader (js-yaml, which makes Dates of unquoted dates) as through npm run check', async () => {
    const { parseFrontmatter } = (await import('@astrojs/internal-helpers/frontmatter' as string)) as { parseFrontmatter: (code: string) => { frontmatter: Record<string, unknown> } };
    const { Study } = await import('../../../src/lib/schema/index.ts');
    for (const name of ['rob-quadas.mdx', 'rob-probast.mdx']) {
      const text = fixture(`studies/${name}`).replace('assessed_on: "2026-01-15"', 'assessed_on: 2026-01-15');
      const astro = Study.parse(parseFrontmatter(text).frontmatter).risk_of_bias;
      expect(astro).toEqual(validateStudySource(text, `content/studies/${name}`, 'x').study!.risk_of_bias);
    }
  });
});
