import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  JUDGEMENTS,
  PROBAST_DOMAINS,
  QUADAS_DOMAINS,
  RiskOfBias,
  levelLabel,
  overallApplicability,
  overallFromDomains,
  overallRisk,
  overallSentence,
  type Judgement,
} from '../../../src/lib/schema/risk-of-bias.ts';
import { Study } from '../../../src/lib/schema/index.ts';

const judgement = fc.constantFrom(...JUDGEMENTS);
const withApplicability = new Set(['patient_selection', 'index_test', 'reference_standard', 'participants_and_data_sources', 'predictors', 'outcome']);
const domain = (name: string, j: Judgement) => ({ judgement: j, support: { note: `why ${name}` }, ...(withApplicability.has(name) ? { applicability: 'low' } : {}) });
const quadas = (js: Judgement[], overall?: Judgement) => ({
  tool: 'QUADAS-2',
  domains: Object.fromEntries(QUADAS_DOMAINS.map((d, i) => [d, domain(d, js[i]!)])),
  ...(overall ? { overall } : {}),
});
const probast = (js: Judgement[], overall?: Judgement) => ({
  tool: 'PROBAST+AI',
  part: 'development',
  domains: Object.fromEntries(PROBAST_DOMAINS.map((d, i) => [d, domain(d, js[i]!)])),
  ...(overall ? { overall } : {}),
});

describe('the overall risk-of-bias rule', () => {
  it('is low exactly when every domain is low, high when any is high, and unclear otherwise', () => {
    fc.assert(
      fc.property(fc.array(judgement, { minLength: 1, maxLength: 8 }), (js) => {
        const o = overallFromDomains(js);
        expect(o === 'low').toBe(js.every((j) => j === 'low'));
        expect(o === 'high').toBe(js.includes('high'));
        expect(o === 'unclear').toBe(!js.includes('high') && js.includes('unclear'));
      }),
    );
  });

  it('does not depend on the order of the domains', () => {
    fc.assert(fc.property(fc.array(judgement, { minLength: 1, maxLength: 8 }), (js) => {
      expect(overallFromDomains([...js].reverse())).toBe(overallFromDomains(js));
    }));
  });

  it('accepts an author-given overall equal to the rule and rejects any other, naming the rule and the fix (both tools)', () => {
    fc.assert(
      fc.property(fc.tuple(judgement, judgement, judgement, judgement), judgement, fc.boolean(), (js, given, isQuadas) => {
        const rule = overallFromDomains(js);
        const r = RiskOfBias.safeParse((isQuadas ? quadas : probast)(js, given));
        if (given === rule) {
          expect(r.success).toBe(true);
          expect(overallRisk(r.data!)).toBe(rule);
        } else {
          expect(r.success).toBe(false);
          expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['overall'], message: expect.stringContaining(`so overall is "${rule}"; set overall: ${rule}`) })]);
        }
      }),
    );
  });

  it('derives the overall of a validated assessment without an author-given one', () => {
    fc.assert(fc.property(fc.tuple(judgement, judgement, judgement, judgement), (js) => {
      expect(overallRisk(RiskOfBias.parse(quadas(js)))).toBe(overallFromDomains(js));
    }));
  });
});

describe('a page not yet assessed', () => {
  it('defaults to not-assessed and is never reported as low risk', () => {
    expect(RiskOfBias.parse({ tool: 'not-assessed' })).toEqual({ tool: 'not-assessed' });
    expect(overallRisk({ tool: 'not-assessed' })).toBe('not-assessed');
    expect(overallApplicability({ tool: 'not-assessed' })).toBe('not-assessed');
    expect(levelLabel(overallRisk({ tool: 'not-assessed' }))).toBe('Not yet assessed');
    expect(overallSentence({ tool: 'not-assessed' })).toBe('Risk of bias: not yet assessed.');
    expect(overallRisk(null)).toBe('not-assessed');
  });

  it('is not-assessed, never low, when any domain judgement is missing, even if the others are low', () => {
    fc.assert(
      fc.property(fc.subarray([...QUADAS_DOMAINS], { minLength: 0, maxLength: 3 }), (present) => {
        const a = { tool: 'QUADAS-2', domains: Object.fromEntries(present.map((d) => [d, { judgement: 'low' as const }])) };
        expect(overallRisk(a)).toBe('not-assessed');
      }),
    );
  });

  it('rejects a not-assessed assessment that carries judgements', () => {
    expect(RiskOfBias.safeParse({ tool: 'not-assessed', domains: {} }).success).toBe(false);
  });

  it('is the default of a study without the field', () => {
    const minimal = { key: 'hash:0000000000000001', title: 'T', title_source: 'curated', source: { file: 'f', line: 1, record: 1 }, abstract_complete: true, status: 'pending' };
    expect(Study.parse(minimal).risk_of_bias).toEqual({ tool: 'not-assessed' });
  });
});

describe('the risk-of-bias schema', () => {
  it('reads signalling answers written as a word, a boolean (YAML 1.1 yes/no) or an object with the question text', () => {
    const a = quadas(['low', 'low', 'low', 'low']);
    (a.domains.patient_selection as Record<string, unknown>).signalling = { '1.1': 'yes', '1.2': false, '1.3': { answer: 'unclear', question: 'Inappropriate exclusions avoided?' } };
    const r = RiskOfBias.parse(a);
    expect(r.tool === 'QUADAS-2' && r.domains.patient_selection.signalling).toEqual({ '1.1': { answer: 'yes' }, '1.2': { answer: 'no' }, '1.3': { answer: 'unclear', question: 'Inappropriate exclusions avoided?' } });
  });

  it('accepts assessed_on as a quoted date or as the Date an unquoting YAML reader makes', () => {
    expect(RiskOfBias.parse({ ...quadas(['low', 'low', 'low', 'low']), assessed_on: new Date('2026-01-15T00:00:00Z') })).toMatchObject({ assessed_on: '2026-01-15' });
    expect(RiskOfBias.safeParse({ ...quadas(['low', 'low', 'low', 'low']), assessed_on: '15/01/2026' }).success).toBe(false);
  });

  it('rejects PROBAST+AI answers outside its vocabulary and question numbers of another domain', () => {
    const a = probast(['low', 'low', 'low', 'low']);
    (a.domains.predictors as Record<string, unknown>).signalling = { '1.1': 'yes' };
    (a.domains.analysis as Record<string, unknown>).signalling = { '4.1': 'unclear' };
    const issues = RiskOfBias.safeParse(a).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'domains.predictors.signalling.1.1: "1.1" is not a question of PROBAST+AI domain 2 (predictors): number it "2.1", "2.2", … (quote the key)',
      'domains.analysis.signalling.4.1.answer: must be one of "yes", "probably yes", "probably no", "no", "no information"',
    ]);
  });

  it('needs the PROBAST+AI part, and applicability for the first three domains only', () => {
    const { part: _, ...noPart } = probast(['low', 'low', 'low', 'low']);
    expect(RiskOfBias.safeParse(noPart).error!.issues[0]!.message).toMatch(/^must be "development", "evaluation"/);
    const a = probast(['low', 'low', 'low', 'low']);
    delete (a.domains.outcome as Record<string, unknown>).applicability;
    (a.domains.analysis as Record<string, unknown>).applicability = 'low';
    expect(RiskOfBias.safeParse(a).error!.issues.map((i) => i.message)).toEqual([
      'give the applicability concern of outcome: one of "low", "high", "unclear"',
      'PROBAST+AI has no applicability concern for analysis: remove applicability',
    ]);
  });

  it('needs a quote or a note in support, and rejects unknown fields', () => {
    const a = quadas(['low', 'low', 'low', 'low']);
    (a.domains.index_test as Record<string, unknown>).support = {};
    (a.domains.flow_and_timing as Record<string, unknown>).risk = 'low';
    const issues = RiskOfBias.safeParse(a).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining(['domains.index_test.support: give support.quote (verbatim from the abstract), support.note, or both', 'domains.flow_and_timing: unknown field "risk": a domain has signalling, judgement, support']));
    const b = quadas(['low', 'low', 'low', 'low']);
    (b.domains as Record<string, unknown>).patient_selction = b.domains.patient_selection;
    expect(RiskOfBias.safeParse(b).error!.issues.map((i) => i.message)).toEqual(['"patient_selction" is not a domain of QUADAS-2: use "patient_selection", "index_test", "reference_standard", "flow_and_timing"']);
  });

  it('applies the overall rule to applicability concerns too', () => {
    const a = RiskOfBias.parse(quadas(['low', 'low', 'low', 'low']));
    expect(overallApplicability(a)).toBe('low');
    if (a.tool === 'QUADAS-2') a.domains.index_test.applicability = 'unclear';
    expect(overallApplicability(a)).toBe('unclear');
  });

  it('words the overall for readers, quality for PROBAST+AI model development', () => {
    expect(overallSentence(RiskOfBias.parse(quadas(['low', 'high', 'low', 'low'])))).toBe('Overall risk of bias (QUADAS-2): high.');
    expect(overallSentence(RiskOfBias.parse(probast(['low', 'low', 'low', 'low'])) as never)).toBe('Overall quality (PROBAST+AI, model development): low concerns.');
  });
});

describe('the examples in CONTRIBUTING.md', () => {
  it('are valid assessments, one for each tool', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { ROOT } = await import('../../helpers.ts');
    const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {3}/gm, '')).filter((b) => b.startsWith('risk_of_bias:'));
    const tools = blocks.map((b) => RiskOfBias.parse((parse(b) as { risk_of_bias: unknown }).risk_of_bias).tool);
    expect(tools).toEqual(['QUADAS-2', 'PROBAST+AI']);
  });
});
