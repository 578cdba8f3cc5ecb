import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractEstimates } from '../../../src/lib/ingest/extract.ts';
import type { ExtractedEstimate } from '../../../src/lib/ingest/extract/estimate.ts';

const SEED_RESULTS =
  'The study population included 1,453 adult patients (mean age 56±18 years, 42% female) with 2,556 paired echocardiography studies occurring on average 2 days after CMR (interquartile range 2 days prior to 6 days after). The model had high predictive capability for presence of WMA (AUC 0.873 [95%CI 0.816-0.922]), however, the model was unable to reliably detect the presence of LGE (AUC 0.699 [0.613-0.780]), native T1 (AUC 0.614 [0.500-0.715]), T2 0.553 [0.420-0.692], or ECV 0.564 [0.455-0.691]).';

/** Every quote must be the exact text at its offset. */
function expectExactQuotes(text: string, found: readonly ExtractedEstimate[]): void {
  for (const e of found) {
    expect(e.quote.length).toBeGreaterThan(0);
    expect(text.slice(e.start, e.start + e.quote.length)).toBe(e.quote);
  }
}

describe('extractEstimates on the first seed record', () => {
  const found = extractEstimates(SEED_RESULTS);

  it('finds exactly the five AUCs at 95%, in order, with their labels and intervals', () => {
    expect(found.map((e) => [e.label, e.measure, e.value, e.ci_low, e.ci_high, e.ci_level, e.unit])).toEqual([
      ['WMA', 'AUC', 0.873, 0.816, 0.922, 0.95, 'proportion'],
      ['LGE', 'AUC', 0.699, 0.613, 0.78, 0.95, 'proportion'],
      ['native T1', 'AUC', 0.614, 0.5, 0.715, 0.95, 'proportion'],
      ['T2', 'AUC', 0.553, 0.42, 0.692, 0.95, 'proportion'],
      ['ECV', 'AUC', 0.564, 0.455, 0.691, 0.95, 'proportion'],
    ]);
  });

  it('quotes each estimate verbatim, from its label through its interval', () => {
    expect(found.map((e) => e.quote)).toEqual([
      'WMA (AUC 0.873 [95%CI 0.816-0.922])',
      'LGE (AUC 0.699 [0.613-0.780])',
      'native T1 (AUC 0.614 [0.500-0.715])',
      'T2 0.553 [0.420-0.692]',
      'ECV 0.564 [0.455-0.691]',
    ]);
    expectExactQuotes(SEED_RESULTS, found);
  });

  it('inherits the 95% level from the first interval of the sentence without flagging the rest', () => {
    expect(found.every((e) => !e.needs_review && e.review_reason === null)).toBe(true);
  });

  it('finds the same five estimates, and nothing else, in the whole seed source file', () => {
    const file = readFileSync(new URL('../../../content/sources/000_185ae1a7dc3493b2.txt', import.meta.url), 'utf8');
    const all = extractEstimates(file);
    expect(all.map((e) => `${e.label} ${e.value}`)).toEqual(['WMA 0.873', 'LGE 0.699', 'native T1 0.614', 'T2 0.553', 'ECV 0.564']);
    expectExactQuotes(file, all);
  });
});

interface Row {
  text: string;
  measure: ExtractedEstimate['measure'];
  value: number;
  ci: [number, number] | null;
  level: number | null;
  unit: ExtractedEstimate['unit'];
  review: boolean;
  label?: string;
}

const row = (
  text: string,
  measure: Row['measure'],
  value: number,
  ci: Row['ci'],
  level: number | null,
  unit: Row['unit'],
  review = false,
  label?: string,
): Row => ({ text, measure, value, ci, level, unit, review, label });

const NOTATIONS: Row[] = [
  row('AUC 0.873 [95%CI 0.816-0.922]', 'AUC', 0.873, [0.816, 0.922], 0.95, 'proportion'),
  row('AUC 0.91 (95% CI 0.88–0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (95% CI: 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUROC 0.91 (95%CI:0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 [95% CI, 0.88 to 0.94]', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (95% confidence interval 0.88—0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (CI 95% 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (95%-CI 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (95 % CI 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0·87 (95% CI 0·81–0·92)', 'AUC', 0.87, [0.81, 0.92], 0.95, 'proportion'),
  row('AUC .87 (95% CI .81-.92)', 'AUC', 0.87, [0.81, 0.92], 0.95, 'proportion'),
  row('AUC = 0.91', 'AUC', 0.91, null, null, 'proportion'),
  row('AUC: 0.91', 'AUC', 0.91, null, null, 'proportion'),
  row('an AUC of 0.91 for fracture detection', 'AUC', 0.91, null, null, 'proportion', false, 'fracture detection'),
  row('fracture detection AUC 0.91', 'AUC', 0.91, null, null, 'proportion', false, 'fracture detection'),
  row('The AUC for fracture detection was 0.91 (95% CI 0.88 to 0.94).', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion', false, 'fracture detection'),
  row('The area under the receiver operating characteristic curve (AUROC) was 0.93 (95% CI 0.90–0.96).', 'AUC', 0.93, [0.9, 0.96], 0.95, 'proportion'),
  row('c-statistic 0.78 (0.74, 0.82)', 'AUC', 0.78, [0.74, 0.82], 0.95, 'proportion', true),
  row('C-index of 0.70 (99% CI 0.60-0.80)', 'AUC', 0.7, [0.6, 0.8], 0.99, 'proportion'),
  row('sensitivity of 85.2% (95% CI 80.1–89.3%)', 'sensitivity', 85.2, [80.1, 89.3], 0.95, 'percent'),
  row('specificity was 91% (88%-94%)', 'specificity', 91, [88, 94], 0.95, 'percent', true),
  row('recall of 0.84', 'sensitivity', 0.84, null, null, 'proportion'),
  row('the model achieved 92% accuracy', 'accuracy', 92, null, null, 'percent'),
  row('accuracy 0.89 (95% CI 0.86–0.92)', 'accuracy', 0.89, [0.86, 0.92], 0.95, 'proportion'),
  row('PPV 72%', 'PPV', 72, null, null, 'percent'),
  row('negative predictive value of 0.96', 'NPV', 0.96, null, null, 'proportion'),
  row('F1-score 0.88', 'F1', 0.88, null, null, 'proportion'),
  row('Dice similarity coefficient (DSC) of 0.86 ± 0.04', 'Dice', 0.86, null, null, 'proportion'),
  row("Cohen's kappa was 0.81 (95% CI 0.75–0.87)", 'kappa', 0.81, [0.75, 0.87], 0.95, null),
  row('κ = 0.72', 'kappa', 0.72, null, null, null),
  row('ICC 0.92 (95% CI 0.88-0.95)', 'ICC', 0.92, [0.88, 0.95], 0.95, null),
  row('intraclass correlation coefficient 0.92 (90% CI 0.88-0.95)', 'ICC', 0.92, [0.88, 0.95], 0.9, null),
  row('OR, 2.1 (95% CI, 1.3-3.4)', 'OR', 2.1, [1.3, 3.4], 0.95, 'ratio'),
  row('aOR 1.8 (95% CI 1.2-2.6)', 'OR', 1.8, [1.2, 2.6], 0.95, 'ratio'),
  row('odds ratio 1,234 (95% CI 1,000-2,000)', 'OR', 1234, [1000, 2000], 0.95, 'ratio'),
  row('HR of 0.75 (90% CI 0.60 to 0.90)', 'HR', 0.75, [0.6, 0.9], 0.9, 'ratio'),
  row('HR 0.75, 95% CI 0.60–0.94', 'HR', 0.75, [0.6, 0.94], 0.95, 'ratio'),
  row('hazard ratio, 0.62; 95% CI, 0.51-0.75', 'HR', 0.62, [0.51, 0.75], 0.95, 'ratio'),
  row('overall survival (HR 0.75, 95% CI 0.60–0.94)', 'HR', 0.75, [0.6, 0.94], 0.95, 'ratio', false, 'overall survival'),
  row('relative risk 2.0 [95% CI: 1.5, 2.7]', 'RR', 2, [1.5, 2.7], 0.95, 'ratio'),
  row('risk ratio (RR) 0.8; 95% CI 0.6 to 1.1', 'RR', 0.8, [0.6, 1.1], 0.95, 'ratio'),
  row('MD −1.2 (95% CI −2.3 to −0.1)', 'MD', -1.2, [-2.3, -0.1], 0.95, 'difference'),
  row('MD -1.2 (95% CI -2.3 to -0.1)', 'MD', -1.2, [-2.3, -0.1], 0.95, 'difference'),
  row('mean difference -0.3 (95% CI -0.5 - -0.1)', 'MD', -0.3, [-0.5, -0.1], 0.95, 'difference'),
  row('MD −1.2 (95% CI −2.3–−0.1)', 'MD', -1.2, [-2.3, -0.1], 0.95, 'difference'),
  row('MD –1.2 (–2.3 to 0.4)', 'MD', -1.2, [-2.3, 0.4], 0.95, 'difference', true),
  row('RR 1.5 (95% CI 0.9-1.2)', 'RR', 1.5, [0.9, 1.2], 0.95, 'ratio', true),
  row('AUC 0.9 (95% CI 0.95-0.8)', 'AUC', 0.9, [0.95, 0.8], 0.95, 'proportion', true),
  row('AUC 1.2', 'AUC', 1.2, null, null, 'proportion', true),
  row('sensitivity 120%', 'sensitivity', 120, null, null, 'percent', true),
  row('OR -0.4 (95% CI -0.6 to -0.2)', 'OR', -0.4, [-0.6, -0.2], 0.95, 'ratio', true),
  // issue 11: notations of real abstracts (one row per notation)
  row('AUC of 0.947 (95% CI: 0.913 – 0.981)', 'AUC', 0.947, [0.913, 0.981], 0.95, 'proportion'),
  row('AUC 0.840 (95% confidence interval [CI] = 0.820 to 0.860)', 'AUC', 0.84, [0.82, 0.86], 0.95, 'proportion'),
  row('sensitivity of 95.7% (95% CI: 92.4%, 97.8%)', 'sensitivity', 95.7, [92.4, 97.8], 0.95, 'percent'),
  row('AUROC of 0.924 [95% confidence interval (CI) 0.903–0.944]', 'AUC', 0.924, [0.903, 0.944], 0.95, 'proportion'),
  row('odds ratio [OR], 1.8048; 95% confidence interval [CI], 1.0780-3.0217; P=.0247', 'OR', 1.8048, [1.078, 3.0217], 0.95, 'ratio'),
  row('AUC of 89.4% (95% CI: 88.0–90.7)', 'AUC', 89.4, [88, 90.7], 0.95, 'percent'),
  row('a mean difference of 0.057 (95% confidence interval: −0.081, 0.195)', 'MD', 0.057, [-0.081, 0.195], 0.95, 'difference'),
  row('AUC 0.91 (95% C.I. 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (95% confidence interval (C.I.) 0.88–0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('AUC 0.91 (CI95% 0.88-0.94)', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('sensitivity of 85.42% CI 72.24-93.93%', 'sensitivity', 85.42, [72.24, 93.93], 0.95, 'percent', true),
  row('sensitivity 100% (95% CI; 87-100%)', 'sensitivity', 100, [87, 100], 0.95, 'percent'),
  row('AUC 0.98 (95% CI: 0.96, 1.00; P < .001)', 'AUC', 0.98, [0.96, 1], 0.95, 'proportion'),
  row('specificity 99.4% (95% CI: 99.1–99.8; I(2) = 90%)', 'specificity', 99.4, [99.1, 99.8], 0.95, 'percent'),
  row('AUC 0.82 (0.80; 0.84)', 'AUC', 0.82, [0.8, 0.84], 0.95, 'proportion', true),
  row('OR 1.50, 1.06–2.11', 'OR', 1.5, [1.06, 2.11], 0.95, 'ratio', true),
  row('83.4% sensitivity (95% CI 77.8–89.0%)', 'sensitivity', 83.4, [77.8, 89], 0.95, 'percent'),
  row('91.22 (90.79, 91.64) sensitivity', 'sensitivity', 91.22, [90.79, 91.64], 0.95, 'proportion', true),
  row('91.8% sensitive', 'sensitivity', 91.8, null, null, 'percent'),
  row('area under the precision-recall curve (AUPRC) of 0.042 (95% CI 0.04 to 0.043)', 'AUPRC', 0.042, [0.04, 0.043], 0.95, 'proportion'),
  row('AUPRC, 0.55', 'AUPRC', 0.55, null, null, 'proportion'),
  row("Harrell's C-index of 0.74 (0.71-0.77)", 'AUC', 0.74, [0.71, 0.77], 0.95, 'proportion', true),
  row('balanced accuracy of 0.81 (95%CI 0.80–0.82)', 'balanced_accuracy', 0.81, [0.8, 0.82], 0.95, 'proportion'),
  row('intersection over union of 0.64', 'IoU', 0.64, null, null, 'proportion'),
  row('pooled LR+ = 28.2, 95% CI: 17.3, 46.0', 'PLR', 28.2, [17.3, 46], 0.95, 'ratio'),
  row('negative likelihood ratio 0.25 (95% CI 0.12–0.55)', 'NLR', 0.25, [0.12, 0.55], 0.95, 'ratio'),
  row('Pooled LR− = 0.20, 95% CI: 0.16, 0.26', 'NLR', 0.2, [0.16, 0.26], 0.95, 'ratio'),
  row('diagnostic odds ratio 31.5 (95% CI 12.0–82.3)', 'DOR', 31.5, [12, 82.3], 0.95, 'ratio'),
  row('SMD −0.42 (95% CI −0.61 to −0.23)', 'SMD', -0.42, [-0.61, -0.23], 0.95, 'difference'),
  row('standardized mean difference 0.4 (0.2-0.6)', 'SMD', 0.4, [0.2, 0.6], 0.95, 'difference', true),
  row("Cohen's d = 0.7", 'SMD', 0.7, null, null, 'difference'),
  row('kappa 0.78 (90% CI 0.70–0.86)', 'kappa', 0.78, [0.7, 0.86], 0.9, null),
  row('aOR = 2.5, 95% CI = 1.1–5.3', 'OR', 2.5, [1.1, 5.3], 0.95, 'ratio'),
  row('odds ratio per standard deviation 2.14, 95% confidence interval 2.10–2.19', 'OR', 2.14, [2.1, 2.19], 0.95, 'ratio'),
  row('area under the receiver operating characteristic curve [AUC] = 0.920', 'AUC', 0.92, null, null, 'proportion'),
  row('recall (sensitivity) 35/50 = 0.70 (95% confidence interval (C.I.) 0.52–0.82)', 'sensitivity', 0.7, [0.52, 0.82], 0.95, 'proportion'),
  row('Se = 85% (95% CI 80–89)', 'sensitivity', 85, [80, 89], 0.95, 'percent'),
  row('SPE, 0.49 (95% CI 0.46–0.52)', 'specificity', 0.49, [0.46, 0.52], 0.95, 'proportion'),
  row('AUC, 0.91; 95% CI, 0.88-0.94', 'AUC', 0.91, [0.88, 0.94], 0.95, 'proportion'),
  row('sensitivity of 77.2% (95% CI – 75.4–78.9%)', 'sensitivity', 77.2, [75.4, 78.9], 0.95, 'percent'),
  row('epidural analgesia (odds ratio 1.33, 1.10 to 1.61)', 'OR', 1.33, [1.1, 1.61], 0.95, 'ratio', true),
  // the held-out batch part-e1 (one row per notation family)
  row('AUC of 0.87 for LR (95% CI 0.86–0.87)', 'AUC', 0.87, [0.86, 0.87], 0.95, 'proportion', false, 'LR'),
  row('an AUC of 0.90 in the development cohort, 95% CI 0.85–0.94', 'AUC', 0.9, [0.85, 0.94], 0.95, 'proportion'),
  row('97.3% ± 0.7% accuracy', 'accuracy', 97.3, null, null, 'percent'),
  row('sensitivity increases to 90.0%', 'sensitivity', 90, null, null, 'percent', true),
  row('sensitivity rate was 88%', 'sensitivity', 88, null, null, 'percent'),
];

describe('extractEstimates reads the notations real abstracts use', () => {
  it('covers at least thirty notation variants', () => {
    expect(NOTATIONS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(NOTATIONS)('reads "$text"', (r) => {
    const found = extractEstimates(r.text);
    expect(found).toHaveLength(1);
    const e = found[0]!;
    expect({
      measure: e.measure,
      value: e.value,
      ci: e.ci_low === null ? null : [e.ci_low, e.ci_high],
      level: e.ci_level,
      unit: e.unit,
      review: e.needs_review,
    }).toEqual({ measure: r.measure, value: r.value, ci: r.ci, level: r.level, unit: r.unit, review: r.review });
    if (r.label !== undefined) expect(e.label).toBe(r.label);
    expect(e.review_reason === null).toBe(!e.needs_review);
    expectExactQuotes(r.text, found);
  });
});

describe('extractEstimates flags what a reviewer must check', () => {
  const reason = (text: string) => extractEstimates(text)[0]?.review_reason;

  it('keeps an interval whose lower bound is above its upper bound and says so', () => {
    const [e] = extractEstimates('AUC 0.85 (95% CI 0.9-0.8)');
    expect([e?.ci_low, e?.ci_high, e?.needs_review]).toEqual([0.9, 0.8, true]);
    expect(e?.review_reason).toContain('CI lower bound 0.9 is above upper bound 0.8');
  });

  it('keeps a value outside its interval and says so', () => {
    expect(reason('RR 1.5 (95% CI 0.9-1.2)')).toContain('value 1.5 lies outside its interval [0.9, 1.2]');
  });

  it('flags a proportion above 1 written without a % sign', () => {
    expect(reason('sensitivity 85 (95% CI 80-89)')).toContain('above 1 but written without a % sign');
  });

  it('assumes 95% and says so when no level is stated anywhere', () => {
    const [e] = extractEstimates('specificity was 91% (88%-94%)');
    expect(e?.ci_level).toBe(0.95);
    expect(e?.review_reason).toBe('CI level not stated; 95% assumed');
  });

  it('inherits a 90% level from the previous estimate of the same sentence without flagging', () => {
    const found = extractEstimates('HR 0.75 (90% CI 0.60-0.90) for death and 0.80 (0.70-0.95) for stroke');
    expect(found.map((e) => [e.label, e.ci_level, e.needs_review])).toEqual([
      ['death', 0.9, false],
      ['stroke', 0.9, false],
    ]);
  });

  it('takes the level a header such as "AUC (95% CI)" states', () => {
    const found = extractEstimates('The AUC (95% CI) was 0.87 (0.81–0.92) for WMA and 0.80 (0.71–0.88) for LGE.');
    expect(found.map((e) => [e.label, e.value, e.ci_level, e.needs_review])).toEqual([
      ['WMA', 0.87, 0.95, false],
      ['LGE', 0.8, 0.95, false],
    ]);
  });

  it('uses the single level the text states in another sentence', () => {
    const [e] = extractEstimates('Estimates are given with 95% CIs. The AUC was 0.87 (0.81–0.92).');
    expect([e?.ci_level, e?.needs_review]).toEqual([0.95, false]);
  });

  it('keeps a labelled point estimate without an interval with the interval empty', () => {
    const [e] = extractEstimates('The model reached an AUC of 0.91.');
    expect([e?.value, e?.ci_low, e?.ci_high, e?.ci_level, e?.needs_review]).toEqual([0.91, null, null, null, false]);
  });
});

describe('extractEstimates ties values to measures and labels', () => {
  it('pairs a list of measures with a list of values in order', () => {
    const found = extractEstimates('Sensitivity, specificity and NPV were 85%, 90% and 97%, respectively.');
    expect(found.map((e) => [e.measure, e.value, e.unit])).toEqual([
      ['sensitivity', 85, 'percent'],
      ['specificity', 90, 'percent'],
      ['NPV', 97, 'percent'],
    ]);
  });

  it('gives each value of a list the matching "for …, respectively" item', () => {
    const text = 'AUCs were 0.91 (0.88-0.94), 0.85 (0.80-0.90) and 0.80 (0.75-0.85) for internal, external and prospective testing, respectively.';
    const found = extractEstimates(text);
    expect(found.map((e) => [e.label, e.value])).toEqual([
      ['internal', 0.91],
      ['external', 0.85],
      ['prospective testing', 0.8],
    ]);
    expectExactQuotes(text, found);
  });

  it('reads several measures in one parenthesis', () => {
    const found = extractEstimates('The CNN detected fractures (sensitivity 0.92, specificity 0.88, accuracy 0.90).');
    expect(found.map((e) => [e.measure, e.value])).toEqual([
      ['sensitivity', 0.92],
      ['specificity', 0.88],
      ['accuracy', 0.9],
    ]);
  });

  it('reads both values of a "0.89 vs 0.76" comparison and asks which group each belongs to', () => {
    const text = 'the algorithm had higher sensitivity (0.89 vs 0.76; P < .001) but lower specificity (0.81 vs. 0.90; P = .02)';
    const found = extractEstimates(text);
    expect(found.map((e) => [e.measure, e.value, e.quote, e.needs_review])).toEqual([
      ['sensitivity', 0.89, 'sensitivity (0.89', true],
      ['sensitivity', 0.76, 'sensitivity (0.89 vs 0.76', true],
      ['specificity', 0.81, 'specificity (0.81', true],
      ['specificity', 0.9, 'specificity (0.81 vs. 0.90', true],
    ]);
    expect(found.every((e) => e.review_reason?.includes('check which group this estimate belongs to'))).toBe(true);
    expectExactQuotes(text, found);
  });

  it('reads a measure whose abbreviation follows in brackets', () => {
    const [e] = extractEstimates('The area under the curve (AUC) of the model was 0.93 for stroke.');
    expect([e?.measure, e?.value, e?.label]).toEqual(['AUC', 0.93, 'stroke']);
  });

  it('labels an estimate by what it is about, not by judgement words before it', () => {
    const [e] = extractEstimates('Patients with LGE had higher mortality (adjusted HR 2.31, 95% CI 1.45–3.68; p<0.001).');
    expect([e?.label, e?.measure, e?.value, e?.ci_low, e?.ci_high]).toEqual(['mortality', 'HR', 2.31, 1.45, 3.68]);
    expect(e?.quote).toBe('mortality (adjusted HR 2.31, 95% CI 1.45–3.68');
  });

  it('strips "the presence of" and similar words from labels', () => {
    expect(extractEstimates('unable to detect the presence of LGE (AUC 0.699 [0.613-0.780])')[0]?.label).toBe('LGE');
  });

  it('falls back to the measure as written when nothing names what was estimated', () => {
    expect(extractEstimates('The pooled sensitivity was 85%.')[0]?.label).toBe('pooled sensitivity');
  });

  it('ignores p values, SDs, IQRs and ranges next to an estimate', () => {
    const found = extractEstimates('OR 2.1 (1.2-3.4), p = 0.01; Dice 0.85 ± 0.05; AUC 0.87 (IQR 0.81-0.92)');
    expect(found.map((e) => [e.measure, e.value, e.ci_low])).toEqual([
      ['OR', 2.1, 1.2],
      ['Dice', 0.85, null],
      ['AUC', 0.87, null],
    ]);
  });

  it('does not read thresholds, changes or operating points as estimates', () => {
    for (const text of [
      'AUC improved by 0.11 to 0.91 in 2020',
      'the AUC increased by 0.05',
      'sensitivity above 90% was required',
      'an AUC ≥ 0.8 was considered good',
      'the cut-off for sensitivity at a threshold of 0.5',
    ]) {
      expect(extractEstimates(text), text).toEqual([]);
    }
    expect(extractEstimates('sensitivity 85% at 90% specificity').map((e) => e.measure)).toEqual(['sensitivity']);
  });

  it('does not read counts or units after a measure word as estimates', () => {
    for (const text of ['accuracy of 3 radiologists', 'HR 72 bpm', 'In a sensitivity analysis, 120 patients', 'recall rate of 10%']) {
      expect(extractEstimates(text), text).toEqual([]);
    }
  });
});

describe('extractEstimates finds nothing in plain numbers', () => {
  it.each([
    'The study population included 1,453 adult patients (mean age 56±18 years, 42% female).',
    'a chronic condition affecting approximately 3.5% of the global population',
    'with diagnosis on average delayed by 7.1 years or often confounded with other disorders',
    'The annotated data were divided into two groups: 80% for training and validation and 20% for testing.',
    'adult patients with CMRs and echocardiography studies within 30 days were included',
    'using the detailed 2018 AO/OTA fracture classification system',
    'the GA maximizes the Net Present Value (NPV) by selecting optimal PV and BESS sizes',
    'We simulated STS-MTBs using four LLMs-Llama 3.2-vison: 90b, Claude 3.',
    'A retrospective analysis of 5,367 radiograph exams from adult patients (2002-2016) was conducted.',
  ])('"%s"', (text) => {
    expect(extractEstimates(text)).toEqual([]);
  });
});

describe('extractEstimates on hostile input', () => {
  it.each([
    '<script>alert(1)</script>',
    '{',
    '}',
    "'; DROP TABLE estimates; --",
    '',
    '((((((((((',
    ']]]]]]',
    'AUC (((( 0.9',
    'AUC 0.9 (95% CI',
    'AUC 0.9 (95% CI 0.8-',
    '\u0000\uFFFF\uD800 AUC 0.9 \uDC00',
    '🙂 AUC 0.87 (0.8–0.9) 🙂',
    'AUC 0.87 (0.81-0.92) <script>alert("AUC 0.9")</script>',
  ])('does not throw on %j and quotes exactly', (text) => {
    const found = extractEstimates(text);
    expectExactQuotes(text, found);
  });

  it('never throws and always quotes exactly, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectExactQuotes(text, extractEstimates(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and always quotes exactly, for strings made of estimate notation', () => {
    const piece = fc.constantFrom(
      'AUC', 'sensitivity', 'and', 'OR', 'HR', 'MD', 'for', 'WMA', 'T2', '0.87', '85%', '.9', '1,234', '-', '−', '–', ' to ',
      '(', ')', '[', ']', '95% CI', 'CI', ':', '=', ',', ';', ' ', '. ', 'respectively', 'of', '±', 'p', '<',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join(' ');
        const found = extractEstimates(text);
        expectExactQuotes(text, found);
        for (const e of found) {
          expect(Number.isFinite(e.value)).toBe(true);
          expect((e.ci_low === null) === (e.ci_high === null)).toBe(true);
          expect(e.needs_review).toBe(e.review_reason !== null);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// Speed is measured by npm run bench, not asserted here; these inputs guard against
// catastrophic regex backtracking (a hang would hit the per-test timeout).
describe('extractEstimates on long and pathological input', () => {
  it('extracts every estimate of a 10 KB abstract', () => {
    let text = '';
    while (text.length < 10_000) text += `${SEED_RESULTS} Sensitivity, specificity and NPV were 85%, 90% and 97%, respectively. `;
    const found = extractEstimates(text);
    expectExactQuotes(text, found);
    expect(found.length).toBeGreaterThan(20);
  });

  it.each([
    ['"AUC " repeated', 'AUC '.repeat(5000)],
    ['"0.1-" repeated', '0.1-'.repeat(5000)],
    ['"AUC 0.1-" repeated', 'AUC 0.1-'.repeat(5000)],
    ['"(95% CI " repeated', '(95% CI '.repeat(5000)],
    ['"AUC 0.9 (0.8-0.95), " repeated', 'AUC 0.9 (0.8-0.95), '.repeat(2000)],
    ['a 200 KB word', 'a'.repeat(200_000)],
  ])('terminates with exact quotes on %s', { timeout: 10_000 }, (_name, text) => {
    expectExactQuotes(text, extractEstimates(text));
  });
});

describe('extractEstimates on the bad input of issue 11', () => {
  const MB = 1_000_000;
  it.each([
    ['1 MB of digits', '7'.repeat(MB)],
    ['an AUC of 1 MB of digits', `AUC ${'9'.repeat(MB)} (95% CI 0.8-0.9)`],
    ['1 MB of digits after a decimal point', `AUC 0.${'3'.repeat(MB)}`],
    ['unbalanced brackets', `${'AUC 0.91 (95% CI [0.85-0.95 ((('.repeat(3000)}${')]'.repeat(5000)}`],
    ['HTML entities', 'AUC&nbsp;0.91 (95%&nbsp;CI 0.85&ndash;0.95); sensitivity &gt; 90% &amp; specificity 85&#37; (80&#8211;89)'.repeat(500)],
    ['NUL bytes', 'AUC\u00000.91 (95% CI\u0000 0.85-0.95)\u0000, sensitivity 85%\u0000 (80-89)'.repeat(1000)],
  ])('never throws, never returns a non-finite number, and quotes only verbatim text on %s', { timeout: 20_000 }, (_name, text) => {
    const found = extractEstimates(text);
    expectExactQuotes(text, found);
    for (const e of found) for (const x of [e.value, e.ci_low, e.ci_high]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
  });

  it('reads estimates through HTML entities only where the characters are real', () => {
    const found = extractEstimates('AUC&nbsp;0.91 (95% CI 0.85&ndash;0.95)');
    expectExactQuotes('AUC&nbsp;0.91 (95% CI 0.85&ndash;0.95)', found);
    expect(found.every((e) => e.ci_low === null)).toBe(true); // "&ndash;" is not a dash
  });

  it('takes time linear in the length of the text', () => {
    // A complexity check, not a speed budget: the fastest of 5 runs at each size (the machine may be
    // busy), 8× the text well under the 64× a quadratic scan would take. Speed itself is in npm run bench.
    const unit = 'The AUC was 0.91 (95% CI 0.85–0.95) and sensitivity 85% (193/223, 95% CI: 80-89), [(( 7777 ';
    const time = (n: number) => {
      const text = unit.repeat(n);
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        extractEstimates(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(200); // warm up
    const small = Math.max(time(1000), 1);
    const large = time(8000);
    expect(large / small).toBeLessThan(32);
  });
});

describe('extractEstimates across sentences and constructions of real abstracts', () => {
  it('reads "These values were …" with the measures of the previous sentence, flagged for review', () => {
    const found = extractEstimates('The AUCs for WMA and LGE were 0.98 (95% CI 0.96–1.00) and 0.93 (95% CI 0.87–0.98), respectively. These values were 0.97 (95% CI 0.95–0.99) and 0.90 (95% CI 0.84–0.95) in the external test set.');
    expect(found.map((e) => [e.measure, e.value, e.needs_review])).toEqual([
      ['AUC', 0.98, false],
      ['AUC', 0.93, false],
      ['AUC', 0.97, true],
      ['AUC', 0.9, true],
    ]);
  });

  it('reads two values joined by a slash for two measures joined by a slash', () => {
    expect(extractEstimates('the model reached (AUROC/AUPRC) 0.99/0.98 on the test set').map((e) => [e.measure, e.value])).toEqual([
      ['AUC', 0.99],
      ['AUPRC', 0.98],
    ]);
  });

  it('reads n/N counts beside a proportion as events and total', () => {
    const [a, b] = extractEstimates('sensitivity was 87% (193/223, 95% CI 82–91) and specificity 91.5% (665/727)');
    expect([a?.events, a?.total, a?.ci_low, b?.events, b?.total]).toEqual([193, 223, 82, 665, 727]);
  });

  it('reads an estimate with its interval after a change word and flags the comparison, but not the amount of a change', () => {
    const [e] = extractEstimates('the sensitivity of saliva increased to 86.7% (95% CI 59.5% to 98.3%)');
    expect([e?.value, e?.ci_low, e?.needs_review]).toEqual([86.7, 59.5, true]);
    expect(extractEstimates('AUC improved by 0.11')).toEqual([]);
  });

  it('reads "positive and negative predictive values" as PPV and NPV', () => {
    expect(extractEstimates('the positive and negative predictive values were 87.5% and 98.9%, respectively').map((e) => [e.measure, e.value])).toEqual([
      ['PPV', 87.5],
      ['NPV', 98.9],
    ]);
  });
});

describe('extractEstimates on list constructions of real abstracts', () => {
  const read = (text: string) => extractEstimates(text).map((e) => [e.measure, e.value]);

  it('reads "positive (PPV) and negative predictive values (NPV)" as two measures of a list', () => {
    expect(read('The sensitivity, specificity, and positive (PPV) and negative predictive values (NPV) were 56.9%, 87.2%, 90.5%, and 48.6%, respectively.')).toEqual([
      ['sensitivity', 56.9],
      ['specificity', 87.2],
      ['PPV', 90.5],
      ['NPV', 48.6],
    ]);
  });

  it('reads "areas under the curve" and "highest at"', () => {
    expect(read('Areas under the curve of the ROC to classify grades were 0.85, 0.91, and 0.93.')).toEqual([
      ['AUC', 0.85],
      ['AUC', 0.91],
      ['AUC', 0.93],
    ]);
    expect(read('the area under the receiver operating characteristic curve and accuracy were highest at 0.85 and 0.80, respectively')).toEqual([
      ['AUC', 0.85],
      ['accuracy', 0.8],
    ]);
  });

  it('reads two values of one measure joined by a slash, flagged', () => {
    const found = extractEstimates('The DLM achieved C-indices of 0.858/0.836.');
    expect(found.map((e) => [e.measure, e.value, e.needs_review])).toEqual([
      ['AUC', 0.858, true],
      ['AUC', 0.836, true],
    ]);
  });

  it('reads values after "investigator 1 showed" and a later "investigator 2 showed"', () => {
    expect(read('Intraclass correlation analysis for investigator 1 showed 0.995 for the right eye and 0.995 for the left eye and investigator 2 showed 0.993 for the right eye.')).toEqual([
      ['ICC', 0.995],
      ['ICC', 0.995],
      ['ICC', 0.993],
    ]);
  });
});

describe('extractEstimates ties a value with a named interval to a measure named further back', () => {
  it('reads it, flagged, when the words in between are no estimate words', () => {
    const [e] = extractEstimates('The AUC of the deep learning model in predicting glaucoma development in the years prior to clinical onset in both eyes of the cohort was 0.77 (95% confidence interval 0.75, 0.79).');
    expect([e?.measure, e?.value, e?.ci_low, e?.ci_high, e?.needs_review]).toEqual(['AUC', 0.77, 0.75, 0.79, true]);
    expect(e?.review_reason).toContain('the measure is named further back ("AUC")');
  });

  it('does not read a difference or a bound of the measure, even with an interval', () => {
    for (const text of ['adding the score increased the C-index by 0.012 (95% CI 0.009–0.015)', 'the AUC improved by 0.03 (95% CI 0.01–0.05)', 'a change in AUC of 0.03 (95% CI 0.01–0.05)', 'the difference in sensitivity was 5% (95% CI 2–8%)']) {
      expect(extractEstimates(text), text).toEqual([]);
    }
  });
});

describe('extractEstimates on further list constructions', () => {
  const read = (text: string) => extractEstimates(text).map((e) => [e.measure, e.value]);

  it('reads past a cut-off that has its own number and unit', () => {
    expect(read('The sensitivity and specificity at the best cutoff value of 22 ppb were 56.9% and 87.2%, respectively.')).toEqual([
      ['sensitivity', 56.9],
      ['specificity', 87.2],
    ]);
    expect(read('the sensitivity at a cutoff of 0.5 was high')).toEqual([]);
  });

  it('reads list items after a parenthetical in a label and a value followed by "per cent"', () => {
    expect(read('mean ICC and weighted kappa were 0.754 and 0.752 for the students and residents (taken together), 0.851 and 0.850 for the radiologists')).toEqual([
      ['ICC', 0.754],
      ['kappa', 0.752],
      ['ICC', 0.851],
      ['kappa', 0.85],
    ]);
    expect(read('sensitivity and specificity of 79.9 and 54.7 per cent, respectively')).toEqual([
      ['sensitivity', 79.9],
      ['specificity', 54.7],
    ]);
  });

  it('gives a later slash pair of a list to the pair of measures', () => {
    expect(read('(AUROC/AUPRC) 0.99/0.98 with sensitivity of 94%, and 0.97/0.91 with sensitivity of 73%')).toEqual([
      ['AUC', 0.99],
      ['AUPRC', 0.98],
      ['sensitivity', 94],
      ['AUC', 0.97],
      ['AUPRC', 0.91],
      ['sensitivity', 73],
    ]);
  });
});

describe('extractEstimates reads an estimate inside another estimate\'s bracket', () => {
  it('reads "Cohen’s d" after a p-value in the bracket of a mean difference', () => {
    const found = extractEstimates('the mean difference in ISI was −2.8 (95% CI: −4.8 to −0.8; p = 0.007, Cohen’s d = 0.7)');
    expect(found.map((e) => [e.measure, e.value, e.ci_low, e.ci_high])).toEqual([
      ['MD', -2.8, -4.8, -0.8],
      ['SMD', 0.7, null, null],
    ]);
  });
});

describe('extractEstimates on the constructions of a held-out batch of real abstracts', () => {
  const read = (text: string) => extractEstimates(text).map((e) => [e.measure, e.value, e.ci_low, e.ci_high]);

  it('takes an interval printed after a label that follows each value of a list', () => {
    const text = 'test AUC of 0.87 for LR (95% CI 0.86–0.87), 0.87 for XGBoost (95% CI 0.87–0.88) and 0.86 for DNN (95% CI 0.85–0.88)';
    expect(read(text)).toEqual([
      ['AUC', 0.87, 0.86, 0.87],
      ['AUC', 0.87, 0.87, 0.88],
      ['AUC', 0.86, 0.85, 0.88],
    ]);
    expect(read('sensitivity of 80% for lesions (5–10 mm)')).toEqual([['sensitivity', 80, null, null]]); // a size range, not an interval
  });

  it('continues a list past a trailing "at the … level" label', () => {
    const text = 'an AUC of 0.88 (95% CI 0.85–0.91) at the patient level and 0.84 (95% CI 0.81–0.87) at the lesion level';
    expect(extractEstimates(text).map((e) => [e.value, e.ci_low, e.label])).toEqual([
      [0.88, 0.85, 'patient level'],
      [0.84, 0.81, 'lesion level'],
    ]);
  });

  it('continues a list after "followed by"', () => {
    const text = 'AUROC (0.77; 95%CI 0.75 to 0.79), followed by random forest (0.76; 95% CI 0.74 to 0.79)';
    expect(read(text)).toEqual([
      ['AUC', 0.77, 0.75, 0.79],
      ['AUC', 0.76, 0.74, 0.79],
    ]);
  });

  it('reads "n of N scans" counts after the interval in its bracket, not as another estimate', () => {
    const text = 'sensitivity and specificity were 90% (95% CI: 83%, 94%; 114 of 127 scans) and 96% (95% CI: 93%, 98%; 294 out of 307 scans)';
    const found = extractEstimates(text);
    expect(found.map((e) => [e.measure, e.value, e.ci_low, e.ci_high, e.events, e.total])).toEqual([
      ['sensitivity', 90, 83, 94, 114, 127],
      ['specificity', 96, 93, 98, 294, 307],
    ]);
    expect(extractEstimates('specificity was 92% (239 of 259 scans)').map((e) => [e.value, e.events, e.total])).toEqual([[92, 239, 259]]);
    expectExactQuotes(text, found);
  });

  it('keeps a ± spread with its value, so the measure after it is the value\'s and the spread is no estimate', () => {
    expect(read('a 96.6% sensitivity, 98.0% specificity, and 97.3% ± 0.7% accuracy')).toEqual([
      ['sensitivity', 96.6, null, null],
      ['specificity', 98, null, null],
      ['accuracy', 97.3, null, null],
    ]);
    // the spread's % sign is the value's: "85 ± 3%"
    expect(extractEstimates('a sensitivity of 85 ± 3% and specificity of 90 ± 2%').map((e) => [e.value, e.unit])).toEqual([
      [85, 'percent'],
      [90, 'percent'],
    ]);
  });

  it('reads a list item followed by a verb when it looks like an estimate, not a count', () => {
    expect(read('F1 scores of 0.80 and 0.85 were obtained')).toEqual([
      ['F1', 0.8, null, null],
      ['F1', 0.85, null, null],
    ]);
    expect(read('AUC 0.85 and 54 were male')).toEqual([['AUC', 0.85, null, null]]);
  });

  it('reads "SE" as sensitivity beside "SP", and as a standard error alone', () => {
    expect(read('The overall SE and SP amounted to 78.6% and 97.3%')).toEqual([
      ['sensitivity', 78.6, null, null],
      ['specificity', 97.3, null, null],
    ]);
    expect(read('AUC 0.81 (SE 0.02), SE 0.03')).toEqual([['AUC', 0.81, null, null]]);
  });

  it('reads "recall rate" as sensitivity beside other measures, and not alone', () => {
    expect(read('the accuracy and recall rate of nnU-Net were 0.986 and 0.821, respectively')).toEqual([
      ['accuracy', 0.986, null, null],
      ['sensitivity', 0.821, null, null],
    ]);
    expect(read('recall rate of 10%')).toEqual([]);
  });

  it('gives the % sign of the last value of a series to every value of it', () => {
    const found = extractEstimates('testing sensitivity rates of no OA, mild, moderate, and severe OA were 83.7, 70.2, 68.9, and 86.0% respectively');
    expect(found.map((e) => [e.value, e.unit, e.needs_review])).toEqual([
      [83.7, 'percent', false],
      [70.2, 'percent', false],
      [68.9, 'percent', false],
      [86, 'percent', false],
    ]);
    expect(extractEstimates('AUCs were 0.81, 0.79 and 0.85').every((e) => e.unit === 'proportion')).toBe(true);
  });

  it('reads a measure named right after the previous estimate with no comma between', () => {
    expect(read('accuracy 86.3% (sensitivity 90.2% specificity 82.5%)')).toEqual([
      ['accuracy', 86.3, null, null],
      ['sensitivity', 90.2, null, null],
      ['specificity', 82.5, null, null],
    ]);
    expect(read('sensitivity 85% at 90% specificity').map((e) => e[0])).toEqual(['sensitivity']); // an operating point still
  });

  it('fills a slash list of measures with slash tuples of values, skipping the slot of another statistic', () => {
    expect(read('test accuracy /specificity/ sensitivity /Youden index of (95.7%/98.8%/82.1%/0.809) and (87.5%/93.0%/78.5%/0.715)')).toEqual([
      ['accuracy', 95.7, null, null],
      ['specificity', 98.8, null, null],
      ['sensitivity', 82.1, null, null],
      ['accuracy', 87.5, null, null],
      ['specificity', 93, null, null],
      ['sensitivity', 78.5, null, null],
    ]);
    expect(read('sensitivity/specificity/PPV of 80%/90%/70%')).toEqual([
      ['sensitivity', 80, null, null],
      ['specificity', 90, null, null],
      ['PPV', 70, null, null],
    ]);
  });

  it('gives one value to every measure of a list when the text says so, flagged when it only brackets it', () => {
    const shared = (text: string) => extractEstimates(text).map((e) => [e.measure, e.value, e.needs_review]);
    expect(shared('sensitivity and specificity were both 100%')).toEqual([
      ['sensitivity', 100, false],
      ['specificity', 100, false],
    ]);
    expect(shared('both sensitivity and specificity being 71%')).toEqual([
      ['sensitivity', 71, false],
      ['specificity', 71, false],
    ]);
    expect(shared('sensitivity and specificity (approximately 0.95)')).toEqual([
      ['sensitivity', 0.95, true],
      ['specificity', 0.95, true],
    ]);
    expect(shared('sensitivity and specificity were both high: 85% and 90%')).toEqual([
      ['sensitivity', 85, false],
      ['specificity', 90, false],
    ]);
  });

  it('reads the levels before and after a change, flagged, but not the change itself', () => {
    const found = extractEstimates('sensitivity improved from 94% to 98%');
    expect(found.map((e) => [e.value, e.needs_review])).toEqual([
      [94, true],
      [98, true],
    ]);
    expect(read('accuracy down to 69.2%')).toEqual([['accuracy', 69.2, null, null]]);
    expect(read('AUCs ranged from 0.80 to 0.90')).toEqual([]);
  });

  it('reads a list item whose label carries its own verb, unless the label names another statistic', () => {
    expect(read('the F1 score was 0.75 on the test set, whereas the average performance of dental clinicians was 0.69')).toEqual([
      ['F1', 0.75, null, null],
      ['F1', 0.69, null, null],
    ]);
    expect(read('The AUC was 0.85, and the mean age was 54')).toEqual([['AUC', 0.85, null, null]]);
  });
});
