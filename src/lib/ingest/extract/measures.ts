/**
 * The words that name each measure of the measure table (full names, abbreviations, plurals) and
 * the words around a name that belong to it or rule it out. Families, units and ranges are the
 * measure table's (src/lib/schema/measures.ts), read there.
 */
import { MEASURE_TABLE, type Unit } from '../../schema/measures.ts';
import type { Measure } from '../../schema/index.ts';

/** Phrases naming a measure (lowercased words). Longest match wins. */
const PHRASES: Record<Measure, string[]> = {
  AUC: [
    'auc', 'aucs', 'auroc', 'aurocs', 'auc-roc', 'roc-auc', 'roc auc', 'aucroc', 'auc roc', 'c-statistic', 'c-statistics',
    'c statistic', 'c statistics', 'c-index', 'c-indices', 'c index', 'concordance index', 'concordance statistic', "harrell's c",
    "harrell's c-index", "harrell's c-statistic", "harrell's concordance index",
  ],
  AUPRC: ['auprc', 'auprcs', 'aupr', 'auc-pr', 'pr-auc', 'pr auc', 'auc-prc', 'prauc', 'auc pr'],
  balanced_accuracy: ['balanced accuracy', 'balanced accuracies'],
  IoU: ['iou', 'ious', 'intersection over union', 'intersection-over-union', 'jaccard index', 'jaccard similarity', 'jaccard coefficient'],
  PLR: ['positive likelihood ratio', 'positive likelihood ratios', 'likelihood ratio positive'],
  NLR: ['negative likelihood ratio', 'negative likelihood ratios', 'likelihood ratio negative'],
  DOR: ['diagnostic odds ratio', 'diagnostic odds ratios'],
  SMD: ['standardized mean difference', 'standardised mean difference', 'standardized mean differences', 'standardised mean differences', "cohen's d", "hedges' g", 'hedges g'],
  sensitivity: ['sensitivity', 'sensitivities', 'recall', 'sensitivity/recall', 'true positive rate', 'true-positive rate', 'tpr'],
  specificity: ['specificity', 'specificities', 'true negative rate', 'true-negative rate', 'tnr'],
  accuracy: ['accuracy', 'accuracies'],
  PPV: ['ppv', 'ppvs', 'positive predictive value', 'positive predictive values', 'precision'],
  NPV: ['npv', 'npvs', 'negative predictive value', 'negative predictive values'],
  F1: ['f1', 'f1-score', 'f1 score', 'f1-scores', 'f1 scores', 'f-score', 'f score', 'f-measure', 'f1-measure', 'f1 measure'],
  Dice: ['dice', 'dsc', 'dscs', 'sørensen-dice', 'sorensen-dice'],
  kappa: ['kappa', 'kappas', "kappa's", 'κ'],
  ICC: ['icc', 'iccs', 'intraclass correlation', 'intra-class correlation', 'intraclass correlations'],
  OR: ['odds ratio', 'odds ratios'],
  HR: ['hazard ratio', 'hazard ratios'],
  RR: ['relative risk', 'relative risks', 'risk ratio', 'risk ratios'],
  MD: ['mean difference', 'mean differences'],
};

/** Abbreviations that are also ordinary words ("or") match only as written. */
export const EXACT: ReadonlyMap<string, Measure> = new Map<string, Measure>([
  ...['SN', 'Sn', 'Se', 'SEN', 'Sen', 'SENS', 'Sens'].map((p) => [p, 'sensitivity'] as const),
  ...['SP', 'Sp', 'SPE', 'Spe', 'SPEC', 'Spec'].map((p) => [p, 'specificity'] as const),
  ...['DOR', 'DORs'].map((p) => [p, 'DOR'] as const),
  ...['PLR', 'LR+', 'LRP'].map((p) => [p, 'PLR'] as const),
  ...['SMD', 'SMDs'].map((p) => [p, 'SMD'] as const),
  ...['OR', 'ORs', 'aOR', 'aORs', 'AOR', 'AORs'].map((p) => [p, 'OR'] as const),
  ...['HR', 'HRs', 'aHR', 'aHRs', 'AHR', 'AHRs'].map((p) => [p, 'HR'] as const),
  ...['RR', 'RRs', 'aRR', 'aRRs'].map((p) => [p, 'RR'] as const),
  ...['MD', 'MDs', 'WMD'].map((p) => [p, 'MD'] as const),
]);

/**
 * Abbreviations that name a measure only in a list with another measure ("SE and SP", "SE/SP"):
 * alone "SE" is a standard error.
 */
export const LISTED_ONLY: ReadonlyMap<string, Measure> = new Map<string, Measure>([['SE', 'sensitivity'], ['SEs', 'sensitivity']]);

/** The phrases of PHRASES by their first word, longest first. */
export const PHRASES_BY_FIRST = new Map<string, { words: string[]; measure: Measure }[]>();
for (const [measure, phrase] of Object.entries(PHRASES).flatMap(([m, ps]) => ps.map((p) => [m as Measure, p] as const))) {
  const words = phrase.split(' ');
  const list = PHRASES_BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, measure });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES_BY_FIRST.set(words[0]!, list);
}

/** Words absorbed into a measure mention when they stand right before it ("pooled sensitivity"). */
export const MEASURE_PREFIX = new Set([
  'adjusted', 'unadjusted', 'crude', 'pooled', 'overall', 'mean', 'average', 'summary', 'weighted', 'diagnostic',
  'classification', 'macro', 'micro', 'macro-averaged', 'micro-averaged', "cohen's", 'cohen', 'fleiss', "fleiss'", 'linear',
  'quadratic', 'linearly', 'quadratically', 'quadratic-weighted', 'linear-weighted', 'multivariable', 'multivariate',
]);
/** A mention followed by one of these is not the measure ("sensitivity analysis", "recall rate"). */
export const NOT_AFTER: Partial<Record<Measure, ReadonlySet<string>>> = {
  sensitivity: new Set(['analysis', 'analyses', 'bias']),
  PPV: new Set(['medicine', 'oncology', 'health', 'psychiatry', 'nutrition', 'radiotherapy', 'therapy']),
};
/**
 * A name followed by one of these is another statistic unless listed with other measures: a
 * "recall rate" is a screening rate, "accuracy and recall rate" are accuracy and sensitivity (and
 * a "sensitivity rate" is always sensitivity).
 */
export const NOT_AFTER_WORD: ReadonlyMap<string, ReadonlySet<string>> = new Map([['recall', new Set(['rate', 'rates'])]]);
/** A mention right after one of these is another statistic ("average precision" of a detector is not PPV). */
export const NOT_BEFORE: Partial<Record<Measure, ReadonlySet<string>>> = {
  PPV: new Set(['average', 'mean', 'map']),
};
/** Words that may stand between a measure and its bracketed abbreviation ("kappa coefficient (κ)"). */
export const MENTION_TAIL = new Set([
  'coefficient', 'coefficients', 'score', 'scores', 'index', 'value', 'values', 'statistic', 'similarity', 'measure',
]);
/** Words inside "area under the receiver operating characteristic (ROC) curve". */
export const AREA_UNDER_WORDS = new Set([
  'the', 'a', 'receiver', 'operating', 'operator', 'characteristic', 'characteristics', 'receiver-operating',
  'receiver-operator', 'roc', 'summary', '(', ')', 'receiving', 'operation', 'sroc', 'time-dependent', 'precision-recall',
  'precision', 'recall', 'pr', '-',
]);
/** Words of "area under the … curve" that make it the precision-recall curve (AUPRC). */
export const PR_CURVE_WORDS = new Set(['precision-recall', 'precision', 'pr']);
/** "area under the receiver operating characteristic" may end here when "curve" is left out. */
export const ROC_END_WORDS = new Set(['characteristic', 'characteristics', 'roc']);
/** Abbreviations written glued to a sign: "LR+", "LR−", "LR-". */
export const SIGNED: ReadonlyMap<string, { plus: Measure; minus: Measure }> = new Map([['LR', { plus: 'PLR', minus: 'NLR' }]]);

/** Measures named only after their value: "91.8% sensitive", "95.9% specific" (before a value these are ordinary adjectives). */
export const AFTER_ONLY: ReadonlyMap<string, Measure> = new Map<string, Measure>([
  ['sensitive', 'sensitivity'],
  ['specific', 'specificity'],
]);
/**
 * Two measures named in one phrase: "positive and negative predictive values" is PPV and NPV,
 * "positive and negative likelihood ratios" LR+ and LR−.
 */
export const PAIRED_PHRASES: readonly { first: string; second: string; tail: string[]; measures: [Measure, Measure] }[] = [
  { first: 'positive', second: 'negative', tail: ['predictive', 'values'], measures: ['PPV', 'NPV'] },
  { first: 'positive', second: 'negative', tail: ['predictive', 'value'], measures: ['PPV', 'NPV'] },
  { first: 'negative', second: 'positive', tail: ['predictive', 'values'], measures: ['NPV', 'PPV'] },
  { first: 'positive', second: 'negative', tail: ['likelihood', 'ratios'], measures: ['PLR', 'NLR'] },
  { first: 'positive', second: 'negative', tail: ['likelihood', 'ratio'], measures: ['PLR', 'NLR'] },
];

/** The unit of an estimate of `measure`; percent when any of its numbers has a % sign. */
export function unitFor(measure: Measure, anyPct: boolean): Unit {
  if (anyPct) return 'percent';
  return MEASURE_TABLE[measure].unit;
}
