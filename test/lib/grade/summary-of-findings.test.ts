import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { load } from 'cheerio';
import { summaryOfFindings, type SofInput } from '../../../src/lib/grade/summary-of-findings.ts';
import { renderSof, standaloneSofHtml } from '../../../src/lib/grade/sof-html.ts';
import { sofCsv, SOF_CSV_COLUMNS } from '../../../src/lib/grade/sof-csv.ts';
import { perThousand } from '../../../src/lib/grade/per-thousand.ts';
import { synthesizeDta } from '../../../src/lib/site/dta-synthesis.ts';
import { synthesize, type SynthesisInput } from '../../../src/lib/site/synthesis.ts';
import { OutcomeCertainty } from '../../../src/lib/schema/grade.ts';
import { auditC, DTA_OUTCOME } from '../../dta-project.ts';

const c = auditC();
const [dta] = synthesizeDta(c.tp.map((tp, i) => ({ tableId: `t${i}`, slug: `s${i}`, title: `Study ${i}`, outcome: DTA_OUTCOME, label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]!, status: 'included' })));
const studies: SofInput['studies'] = c.tp.map((_, i) => ({
  slug: `s${i}`,
  study: {
    sample_sizes: [],
    risk_of_bias: i < 4
      ? { tool: 'QUADAS-2', domains: Object.fromEntries(['patient_selection', 'index_test', 'reference_standard', 'flow_and_timing'].map((d) => [d, { judgement: d === 'patient_selection' ? 'high' : 'low', signalling: {}, support: { note: 'n' } }])) } as never
      : { tool: 'not-assessed' },
  },
}));
const block = OutcomeCertainty.parse({
  risk_of_bias: { judgement: 'serious', reason: '=HYPERLINK("x") 4 of 14 studies at high risk <b>patient selection</b>' },
  inconsistency: { judgement: 'serious', reason: 'Wide prediction region' },
  indirectness: { judgement: 'not serious' },
  imprecision: { judgement: 'not serious' },
  publication_bias: { judgement: 'not serious' },
  imprecision_thresholds: { ci_width: 0.1 },
});
const outcome = { id: DTA_OUTCOME, label: 'Unhealthy alcohol use', measures: ['sensitivity', 'specificity'] as const };
const sof = summaryOfFindings({ outcome: { ...outcome, measures: [...outcome.measures] }, syntheses: [], dta, studies, block, reviewPrevalences: [0.05, 0.2] });

describe('a DTA Summary of Findings', () => {
  it('reports the bivariate summary, its studies and participants, and the numbers per 1,000 at each prevalence', () => {
    const s = dta!.summary!;
    expect(sof.kind).toBe('dta');
    expect(sof.studies).toBe(14);
    const n1 = c.tp.reduce((a, tp, i) => a + tp + c.fn[i]!, 0);
    const n0 = c.fp.reduce((a, fp, i) => a + fp + c.tn[i]!, 0);
    expect(sof.dta).toMatchObject({ withCondition: n1, withoutCondition: n0, sens: { estimate: s.sens, ciLow: s.sensCi[0] }, spec: { estimate: s.spec, ciHigh: s.specCi[1] } });
    expect(sof.participants).toBe(n1 + n0);
    expect(sof.dta!.perThousand.map((p) => p.prevalence)).toEqual([0.05, 0.2]);
    expect(sof.dta!.perThousand[1]!.tp.value).toBeCloseTo(200 * s.sens, 10);
    expect(sof.dta!.perThousand[1]!.fp.high).toBeCloseTo(800 * (1 - s.specCi[0]), 10);
    expect(sof.dta!.perThousand[0]).toEqual(perThousand({ estimate: s.sens, ciLow: s.sensCi[0], ciHigh: s.sensCi[1] }, { estimate: s.spec, ciLow: s.specCi[0], ciHigh: s.specCi[1] }, 0.05));
  });

  it('rates the certainty from the authors and shows a suggestion beside each domain, from the share of studies at high risk', () => {
    expect(sof.rating).toMatchObject({ rated: true, level: 'low', computed: 'low', downgrades: 2 });
    const rob = sof.domains.find((d) => d.domain === 'risk_of_bias')!;
    expect(rob.author!.judgement).toBe('serious');
    expect(rob.suggestion!.judgement).toBe('serious');
    expect(rob.suggestion!.reason).toMatch(/^29% of the studies are at high risk of bias and 71% at unclear risk or not yet assessed \(of 14: 4 high, 0 unclear, 10 not yet assessed\)/);
    expect(sof.domains.find((d) => d.domain === 'indirectness')!.suggestion!.judgement).toBeNull();
    expect(sof.domains.find((d) => d.domain === 'publication_bias')!.suggestion!.reason).toMatch(/^Deeks' test/);
  });

  it('renders as HTML with symbols hidden from screen readers, the level in words, and every author text escaped', () => {
    const $ = load(renderSof(sof, { downloads: { csv: '/a.csv', html: '/a.html' } }));
    expect($('.sof-table tbody tr')).toHaveLength(4);
    expect($('.sof-table thead th').map((_, th) => $(th).text()).get()).toEqual(['Test result', 'Number of results per 1,000 people tested (95% CI)', 'Participants (studies)', 'Certainty of the evidence', 'Prevalence 5%', 'Prevalence 20%']);
    const fn20 = sof.dta!.perThousand[1]!.fn;
    expect($('.sof-table tbody tr').eq(1).find('td').eq(1).text()).toBe(`${Math.round(fn20.value)} (${Math.round(fn20.low)} to ${Math.round(fn20.high)})`);
    expect($('.sof-symbols').attr('aria-hidden')).toBe('true');
    expect($('.sof-symbols').text()).toBe('⊕⊕⊝⊝');
    expect($('.sof-certainty').text()).toContain('Low certainty');
    expect($('.sof-certainty').text()).toContain('due to risk of bias (serious), inconsistency (serious)');
    expect($('tr[data-domain="risk_of_bias"] td').eq(1).html()).toContain('&lt;b&gt;patient selection&lt;/b&gt;');
    expect($('tr[data-domain="risk_of_bias"] .sof-suggestion').text()).toMatch(/^Suggestion: serious\. 29% of the studies/);
    expect($('tr[data-domain="indirectness"] .sof-suggestion').text()).toBe('No suggestion. Indirectness is judged against the review question (population, index test, reference standard), not computed from the data.');
    expect($('.sof-downloads a').map((_, a) => $(a).attr('href')).get()).toEqual(['/a.csv', '/a.html']);
  });

  it('writes a CSV line per table line with full-precision numbers and formula-safe text', () => {
    const rows = csvParse(sofCsv([sof]));
    expect(rows.columns).toEqual([...SOF_CSV_COLUMNS]);
    expect(rows.map((r) => `${r.line}@${r.prevalence}`)).toEqual(['summary sensitivity@', 'summary specificity@', ...[0.05, 0.2].flatMap((p) => ['true positives', 'false negatives', 'true negatives', 'false positives'].map((l) => `${l}@${p}`))]);
    expect(Number(rows[0]!.value)).toBe(dta!.summary!.sens);
    expect(Number(rows[6]!.per_1000)).toBe(sof.dta!.perThousand[1]!.tp.value);
    expect(rows[0]!.risk_of_bias_reason).toBe(`'=HYPERLINK("x") 4 of 14 studies at high risk <b>patient selection</b>`);
    expect(rows[0]!.certainty).toBe('low');
    expect(rows[0]!.indirectness_suggested).toBe('no suggestion');
  });

  it('makes a standalone HTML document with no script and no external reference', () => {
    const html = standaloneSofHtml([sof], { title: 'SoF <x>', note: 'n' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('<title>SoF &lt;x&gt;</title>');
    expect(load(html)('.sof-table')).toHaveLength(1);
  });
});

describe('a Summary of Findings of a pooled measure', () => {
  const inputs: SynthesisInput[] = [[0.8, 0.7, 0.88], [0.85, 0.8, 0.9], [0.75, 0.6, 0.86]].map(([v, lo, hi], i) => ({
    estimate_id: `e${i}`, slug: `p${i}`, outcome: 'wma', label: 'AUC', measure: 'AUC', value: v!, ci_low: lo!, ci_high: hi!, ci_level: 0.95, unit: null, needs_review: false, title: `P${i}`, status: 'included',
  }));
  const syntheses = synthesize(inputs);
  const base = { outcome: { id: 'wma', label: 'WMA', measures: ['AUC' as const] }, syntheses, dta: null, block: undefined, reviewPrevalences: undefined };

  it('shows the pooled estimate, participants from the sample sizes reported, and says the certainty is not yet rated', () => {
    const s = summaryOfFindings({ ...base, studies: [{ slug: 'p0', study: { sample_sizes: [{ n: 120, unit: 'patients', quote: 'q' }], risk_of_bias: { tool: 'not-assessed' } } }] });
    const p = syntheses[0]!.pooled!;
    expect(s).toMatchObject({ kind: 'univariate', studies: 3, participants: 120, participantsNote: 'sample size reported by 1 of 3 studies', estimate: { measure: 'AUC', estimate: p.estimate, ciLow: p.ciLow, I2: p.I2 }, rating: { rated: false } });
    expect(s.domains.every((d) => d.author === null && d.suggestion !== null)).toBe(true);
    const $ = load(renderSof(s));
    expect($('.sof-certainty').text()).toMatch(/^Not yet rated/);
    expect($('tr[data-domain="risk_of_bias"] .sof-judgement').text()).toBe('Not yet rated');
  });

  it('says so when no study reports the outcome', () => {
    const s = summaryOfFindings({ ...base, syntheses: [], studies: [] });
    expect(s).toMatchObject({ kind: 'none', note: 'No study reports this outcome yet.' });
    expect(s.domains.every((d) => d.suggestion === null)).toBe(true);
    expect(csvParse(sofCsv([s]))[0]!.line).toBe('No study reports this outcome yet.');
  });
});
