/**
 * The measures the extractor knows: the words that name each one (full names, abbreviations,
 * plurals), the words around a name that belong to it or rule it out, and each measure's family
 * and unit.
 */
import { MEASURE_TABLE, PROPORTION_MEASURES as SCHEMA_PROPORTIONS, RATIO_MEASURES as SCHEMA_RATIOS } from '../../schema/measures.ts';
import type { Measure } from '../../schema/index.ts';
import type { ExtractedEstimate } from '../extract.ts';

/** Phrases naming a measure (lowercased words). Longest match wins. */
const PHRASES: Record<Measure, string[]> = {
  AUC: [
    'auc', 'aucs', 'auroc', 'aurocs', 'auc-roc', 'roc-auc', 'roc auc', 'aucroc', 'auc roc', 'c-statistic', 'c-statistics',
    'c statistic', 'c statistics', 'c-index', 'c-indices', 'c index', 'concordance index', 'concordance statistic', "harrell's c",
    "harrell's c-index",
  ],
  AUPRC: ['auprc', 'auprcs', 'auc-pr', 'pr-auc', 'pr auc', 'area under the precision-recall curve', 'average precision'],
  sensitivity: ['sensitivity', 'sensitivities', 'recall', 'true positive rate', 'true-positive rate', 'tpr'],
  specificity: ['specificity', 'specificities', 'true negative rate', 'true-negative rate', 'tnr'],
  accuracy: ['accuracy', 'accuracies'],
  balanced_accuracy: ['balanced accuracy', 'balanced accuracies'],
  PPV: ['ppv', 'ppvs', 'positive predictive value', 'positive predictive values', 'precision'],
  NPV: ['npv', 'npvs', 'negative predictive value', 'negative predictive values'],
  F1: ['f1', 'f1-score', 'f1 score', 'f1-scores', 'f1 scores', 'f-score', 'f score', 'f-measure', 'f1-measure', 'f1 measure'],
  Dice: ['dice', 'dsc', 'dscs', 'sørensen-dice', 'sorensen-dice'],
  IoU: ['iou', 'ious', 'intersection over union', 'intersection-over-union', 'jaccard index', 'jaccard'],
  kappa: ['kappa', 'kappas', 'κ'],
  ICC: ['icc', 'iccs', 'intraclass correlation', 'intra-class correlation', 'intraclass correlations'],
  PLR: ['positive likelihood ratio', 'positive likelihood ratios', 'lr+', 'plr'],
  NLR: ['negative likelihood ratio', 'negative likelihood ratios', 'lr-', 'lr−', 'nlr'],
  DOR: ['diagnostic odds ratio', 'diagnostic odds ratios', 'dor'],
  OR: ['odds ratio', 'odds ratios'],
  HR: ['hazard ratio', 'hazard ratios'],
  RR: ['relative risk', 'relative risks', 'risk ratio', 'risk ratios'],
  MD: ['mean difference', 'mean differences'],
  SMD: ['standardised mean difference', 'standardized mean difference', 'standardised mean differences', 'standardized mean differences', 'smd', 'smds'],
};

/** Abbreviations that are also ordinary words ("or") match only as written. */
export const EXACT: ReadonlyMap<string, Measure> = new Map<string, Measure>([
  ...['OR', 'ORs', 'aOR', 'aORs'].map((p) => [p, 'OR'] as const),
  ...['HR', 'HRs', 'aHR', 'aHRs'].map((p) => [p, 'HR'] as const),
  ...['RR', 'RRs', 'aRR', 'aRRs'].map((p) => [p, 'RR'] as const),
  ...['MD', 'MDs', 'WMD'].map((p) => [p, 'MD'] as const),
]);

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
  'adjusted', 'unadjusted', 'crude', 'pooled', 'overall', 'mean', 'average', 'summary', 'weighted', 'diagnostic', 'balanced',
  'classification', 'macro', 'micro', 'macro-averaged', 'micro-averaged', "cohen's", 'cohen', 'fleiss', "fleiss'", 'linear',
  'quadratic', 'linearly', 'quadratically', 'quadratic-weighted', 'linear-weighted', 'multivariable', 'multivariate',
]);
/** A mention followed by one of these is not the measure ("sensitivity analysis", "recall rate"). */
export const NOT_AFTER: Partial<Record<Measure, ReadonlySet<string>>> = {
  sensitivity: new Set(['analysis', 'analyses', 'rate', 'rates', 'bias']),
  PPV: new Set(['medicine', 'oncology', 'health', 'psychiatry', 'nutrition', 'radiotherapy', 'therapy']),
};
/** Words that may stand between a measure and its bracketed abbreviation ("kappa coefficient (κ)"). */
export const MENTION_TAIL = new Set([
  'coefficient', 'coefficients', 'score', 'scores', 'index', 'value', 'values', 'statistic', 'similarity', 'measure',
]);
/** Words inside "area under the receiver operating characteristic (ROC) curve". */
export const AREA_UNDER_WORDS = new Set([
  'the', 'a', 'receiver', 'operating', 'operator', 'characteristic', 'characteristics', 'receiver-operating',
  'receiver-operator', 'roc', 'summary', '(', ')',
]);

/** Measures reported as a proportion (or percent) between 0 and 1. */
export const PROPORTION_MEASURES = SCHEMA_PROPORTIONS as ReadonlySet<Measure>;
/** Measures reported as a ratio, which must be positive. */
export const RATIO_MEASURES = SCHEMA_RATIOS as ReadonlySet<Measure>;

/** The unit of an estimate of `measure`; percent when any of its numbers has a % sign. */
export function unitFor(measure: Measure, anyPct: boolean): ExtractedEstimate['unit'] {
  if (anyPct) return 'percent';
  return MEASURE_TABLE[measure].unit;
}
