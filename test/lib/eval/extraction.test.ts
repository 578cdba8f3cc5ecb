import { describe, expect, it } from 'vitest';
import type { CorpusRecord } from '../../../src/lib/eval/extraction/corpus.ts';
import { labelProblems, mergeCorpus, parseCorpusFile } from '../../../src/lib/eval/extraction/corpus.ts';
import { embedIn, embedSpan, TEMPLATES } from '../../../src/lib/eval/extraction/embed.ts';
import { evaluateCorpus, evaluateExport, rates } from '../../../src/lib/eval/extraction/evaluate.ts';
import { familiesOf } from '../../../src/lib/eval/extraction/families.ts';
import { matchEstimates, sameNumber } from '../../../src/lib/eval/extraction/match.ts';
import { markdownTable, textTable } from '../../../src/lib/eval/extraction/report.ts';
import { extractEstimates } from '../../../src/lib/ingest/extract.ts';
import type { ExtractedEstimate } from '../../../src/lib/ingest/extract/estimate.ts';
import { createRng } from '../../../src/lib/prng.ts';

const est = (measure: string, value: number, ci_low: number | null, ci_high: number | null, unit: 'percent' | 'proportion' | 'ratio' | null = 'proportion') => ({
  measure, value, ci_low, ci_high, ci_level: 0.95, unit, target: null, n: null, N: null,
});

/** A fictitious record (Crossref's test prefix 10.5555) in the corpus format. */
const RECORD: CorpusRecord = {
  id: 'doi:10.5555/eval.1',
  doi: '10.5555/eval.1',
  pmid: '39999991',
  title: 'A fictitious diagnostic-accuracy study',
  journal: 'Test Journal',
  year: 2024,
  spans: [
    { text: 'AUROC of 0.924 [95% confidence interval (CI) 0.903–0.944]', estimates: [est('AUC', 0.924, 0.903, 0.944)] },
    { text: 'sensitivity and specificity of 87% (82–91) and 91% (88–94), respectively', estimates: [est('sensitivity', 87, 82, 91, 'percent'), est('specificity', 91, 88, 94, 'percent')] },
    { text: 'odds ratio [OR], 1.8048; 95% confidence interval [CI], 1.0780-3.0217; P=.0247', estimates: [est('OR', 1.8048, 1.078, 3.0217, 'ratio')] },
  ],
  distractors: [{ text: 'mean age 54.3 ± 12.1 years', kind: 'mean-sd' }],
};

describe('matching extracted estimates to labels', () => {
  it('treats a percent and the same proportion as one number', () => {
    expect(sameNumber(87, 'percent', 0.87, 'proportion')).toBe(true);
    expect(sameNumber(0.894, 'proportion', 89.4, 'percent')).toBe(true);
    expect(sameNumber(87, 'percent', 0.88, 'proportion')).toBe(false);
  });

  it('pairs equal values one-to-one, preferring the label whose interval matches', () => {
    const labels = [est('AUC', 0.9, 0.88, 0.91), est('AUC', 0.9, 0.89, 0.91)];
    const found = [{ measure: 'AUC', value: 0.9, ci_low: 0.89, ci_high: 0.91, unit: 'proportion' }, { measure: 'AUC', value: 0.9, ci_low: 0.88, ci_high: 0.91, unit: 'proportion' }] as ExtractedEstimate[];
    expect([...matchEstimates(labels, found)].sort()).toEqual([[0, 1], [1, 0]]);
  });
});

describe('notation families', () => {
  it('classifies a span by how it writes its numbers', () => {
    const [a, b, c] = RECORD.spans;
    expect(familiesOf(a!, a!.estimates[0]!)).toEqual(expect.arrayContaining(['en-dash', 'square-brackets', 'ci-spelled', 'ci-abbrev-bracketed']));
    expect(familiesOf(b!, b!.estimates[0]!)).toEqual(expect.arrayContaining(['series', 'respectively', 'no-ci-words', 'percent-value-only']));
    expect(familiesOf(c!, c!.estimates[0]!)).toEqual(expect.arrayContaining(['hyphen', 'ci-colon-equals', 'p-value-inside']));
    expect(familiesOf(c!, c!.estimates[0]!)).not.toContain('mid-dot');
  });
});

describe('sentences around a span', () => {
  it('keeps the span verbatim (apart from a capital first letter) in every template', () => {
    for (const t of TEMPLATES) {
      const e = embedIn(t, 'aOR = 2.5, 95% CI = 1.1–5.3');
      expect(e.text.slice(e.at, e.at + 27)).toBe('aOR = 2.5, 95% CI = 1.1–5.3');
    }
  });

  it('draws the same contexts for the same seed and other contexts for another', () => {
    const ids = (seed: number) => embedSpan(createRng(seed), 'AUC 0.9', 4).map((e) => e.template);
    expect(ids(7)).toEqual(ids(7));
    expect(new Set([1, 2, 3, 4, 5].map((s) => ids(s).join()))).not.toEqual(new Set([ids(1).join()]));
  });
});

describe('evaluateCorpus', () => {
  it('counts every label and finds the notations of the issue with the real extractor', () => {
    const ev = evaluateCorpus([RECORD], { seed: 3, contexts: 2 });
    expect(ev.overall.labels).toBe(8);
    expect(ev.misses).toEqual([]);
    expect(rates(ev.overall)).toEqual({ pointRecall: 1, pointPrecision: 1, intervalRecall: 1, intervalPrecision: 1 });
    expect(ev.byMeasure.get('OR')?.labels).toBe(2);
  });

  it('counts anything read from a distractor as a wrong extraction', () => {
    const fake = (text: string): ExtractedEstimate[] => (text.includes('54.3') ? [{ ...extractEstimates('AUC 0.5')[0]!, quote: '54.3', start: text.indexOf('54.3'), value: 54.3 }] : extractEstimates(text));
    const ev = evaluateCorpus([RECORD], { seed: 1, contexts: 1, extract: fake });
    expect(ev.wrong.map((w) => w.why)).toEqual(['read from a distractor (mean-sd)']);
    expect(rates(ev.overall).pointPrecision).toBeLessThan(1);
    expect(ev.byFamily.get('distractor:mean-sd')?.extracted).toBe(1);
  });

  it('counts a quote that is not verbatim in the text as wrong', () => {
    const liar = (text: string) => extractEstimates(text).map((e) => ({ ...e, quote: `${e.quote}!` }));
    const ev = evaluateCorpus([RECORD], { seed: 1, contexts: 1, extract: liar });
    expect(ev.wrong.length).toBe(4);
    expect(ev.wrong.every((w) => w.why === 'quote is not verbatim in the text')).toBe(true);
  });

  it('prints a table with overall, measure and family rows, as text and as Markdown', () => {
    const ev = evaluateCorpus([RECORD], { contexts: 1 });
    expect(textTable(ev)).toMatch(/overall\s+4\s+100\.0/);
    expect(markdownTable(ev)).toContain('| **overall** | 4 | 100.0 |');
    expect(markdownTable(ev)).toContain('| en-dash |');
  });
});

describe('evaluateExport', () => {
  it('matches export records by PMID or DOI and scores the real abstract', () => {
    const abstract = `We trained a network. The AUROC of 0.924 [95% confidence interval (CI) 0.903–0.944] was high, with sensitivity and specificity of 87% (82–91) and 91% (88–94), respectively. Patients were 54.3 ± 12.1 years old.`;
    const ev = evaluateExport([RECORD], [
      { doi: null, pmid: '39999991', sections: [abstract] },
      { doi: '10.5555/other', pmid: null, sections: ['AUC 0.5'] },
    ]);
    expect(ev.records).toBe(1);
    expect(ev.overall.labels).toBe(4);
    expect(ev.overall.pointHits).toBe(3); // the odds ratio is not in this abstract
    expect(ev.misses.map((m) => m.label.measure)).toEqual(['OR']);
    expect(ev.wrong).toEqual([]);
  });
});

describe('corpus files', () => {
  it('reports records that do not fit the format and keeps the rest', () => {
    const { records, problems } = parseCorpusFile([RECORD, { id: 'nonsense' }], 'x.json');
    expect(records).toHaveLength(1);
    expect(problems[0]).toMatch(/^x\.json\[1\]: /);
    expect(parseCorpusFile({}, 'y.json').problems).toEqual(['y.json: expected a JSON array of records']);
  });

  it('keeps the first record of a DOI two collectors both found', () => {
    const { records, duplicates } = mergeCorpus([[RECORD], [{ ...RECORD, id: 'doi:10.5555/EVAL.1', doi: '10.5555/EVAL.1' }]]);
    expect(records).toHaveLength(1);
    expect(duplicates).toEqual(['doi:10.5555/EVAL.1']);
  });
});

describe('labelProblems', () => {
  it('accepts labels whose numbers are printed with mid-dots, Unicode minus and thousands commas', () => {
    const r = { ...RECORD, spans: [{ text: 'MD −0·081 (95% CI −1,204 to 0·2)', estimates: [est('MD', -0.081, -1204, 0.2, null)] }] };
    expect(labelProblems(r)).toEqual([]);
  });

  it('names a label whose number is not in its span', () => {
    const r = { ...RECORD, spans: [{ text: 'AUC 0.91 (0.88–0.94)', estimates: [est('AUC', 0.91, 0.88, 0.95)] }] };
    expect(labelProblems(r)).toEqual(['doi:10.5555/eval.1: AUC ci_high 0.95 is not printed in "AUC 0.91 (0.88–0.94)"']);
  });
});
