/**
 * The one measure table: every effect measure the project knows, with its family, pooling scale,
 * reported unit and natural range. The schema's enum, the extractor, the statistics, the SQL and the
 * pages all read it; add a measure here and nowhere else. Kept free of zod so browser code can import
 * it without pulling the validator (and its eval probe, which the CSP reports) into the bundle.
 */

/** What kind of quantity a measure is. */
export type MeasureFamily = 'proportion' | 'ratio' | 'difference' | 'agreement';

/** The scale an effect is pooled on: logit for proportions, log for ratios, identity otherwise. */
export type Scale = 'logit' | 'log' | 'identity';

/** The units an estimate may be reported in (null: as given, e.g. kappa). */
export const UNITS = ['proportion', 'percent', 'ratio', 'difference'] as const;
/** A reported unit, or null. */
export type Unit = (typeof UNITS)[number] | null;

/** One row of the measure table. */
export interface MeasureInfo {
  /** How pages name it ("LR+", "balanced accuracy"). */
  label: string;
  /** Its long name, for legends and the data dictionary. */
  name: string;
  family: MeasureFamily;
  scale: Scale;
  /** The unit an estimate has when no % sign is printed. */
  unit: Exclude<Unit, 'percent'> | null;
  /** Natural range on the 0–1 (not percent) scale; `open` ends exclude the bound (ratios are > 0). */
  range: { min: number; max: number; openMin?: boolean };
  /** Line of no effect or chance, on the 0–1 scale (null: none drawn). */
  nullValue: number | null;
}

const proportion = (label: string, name: string, nullValue: number | null = null): MeasureInfo => ({
  label, name, family: 'proportion', scale: 'logit', unit: 'proportion', range: { min: 0, max: 1 }, nullValue,
});
const ratio = (label: string, name: string): MeasureInfo => ({
  label, name, family: 'ratio', scale: 'log', unit: 'ratio', range: { min: 0, max: Number.POSITIVE_INFINITY, openMin: true }, nullValue: 1,
});
const difference = (label: string, name: string): MeasureInfo => ({
  label, name, family: 'difference', scale: 'identity', unit: 'difference', range: { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY }, nullValue: 0,
});
const agreement = (label: string, name: string): MeasureInfo => ({
  label, name, family: 'agreement', scale: 'identity', unit: null, range: { min: -1, max: 1 }, nullValue: null,
});

/** The measure table, keyed by the identifier used in frontmatter, tables and URLs. Order is display order. */
export const MEASURE_TABLE = {
  AUC: proportion('AUC', 'area under the ROC curve (C-statistic, C-index)', 0.5),
  AUPRC: proportion('AUPRC', 'area under the precision–recall curve'),
  sensitivity: proportion('sensitivity', 'sensitivity (recall, true-positive rate)'),
  specificity: proportion('specificity', 'specificity (true-negative rate)'),
  accuracy: proportion('accuracy', 'accuracy'),
  balanced_accuracy: proportion('balanced accuracy', 'balanced accuracy'),
  PPV: proportion('PPV', 'positive predictive value (precision)'),
  NPV: proportion('NPV', 'negative predictive value'),
  F1: proportion('F1', 'F1 score'),
  Dice: proportion('Dice', 'Dice similarity coefficient'),
  IoU: proportion('IoU', 'intersection over union (Jaccard index)'),
  kappa: agreement('kappa', 'kappa'),
  ICC: agreement('ICC', 'intraclass correlation coefficient'),
  PLR: ratio('LR+', 'positive likelihood ratio'),
  NLR: ratio('LR−', 'negative likelihood ratio'),
  DOR: ratio('DOR', 'diagnostic odds ratio'),
  OR: ratio('OR', 'odds ratio'),
  HR: ratio('HR', 'hazard ratio'),
  RR: ratio('RR', 'risk ratio (relative risk)'),
  MD: difference('MD', 'mean difference'),
  SMD: difference('SMD', 'standardised mean difference'),
} as const satisfies Record<string, MeasureInfo>;

/** A measure identifier, e.g. `AUC` or `PLR`. */
export type MeasureId = keyof typeof MEASURE_TABLE;

/** Every measure identifier, in display order. */
export const MEASURE_IDS = Object.keys(MEASURE_TABLE) as [MeasureId, ...MeasureId[]];

/** Whether `m` names a measure of the table. */
export function isMeasure(m: string): m is MeasureId {
  return Object.hasOwn(MEASURE_TABLE, m);
}

/** The table row of a measure; throws for a name the table does not hold. */
export function measureInfo(m: string): MeasureInfo {
  if (!isMeasure(m)) throw new Error(`unknown measure ${JSON.stringify(m)}: the measures are ${MEASURE_IDS.join(', ')}`);
  return MEASURE_TABLE[m];
}

const ofFamily = (f: MeasureFamily): ReadonlySet<string> => new Set(MEASURE_IDS.filter((m) => MEASURE_TABLE[m].family === f));

/** Measures reported as proportions (0–1, or 0–100 with unit percent); pooled on the logit scale. */
export const PROPORTION_MEASURES: ReadonlySet<string> = ofFamily('proportion');
/** Measures reported as ratios (must be positive); pooled and plotted on the log scale. */
export const RATIO_MEASURES: ReadonlySet<string> = ofFamily('ratio');
/** Differences (MD, SMD): any sign, pooled as they are. */
export const DIFFERENCE_MEASURES: ReadonlySet<string> = ofFamily('difference');
/** Agreement coefficients (kappa, ICC) in [−1, 1]. */
export const AGREEMENT_MEASURES: ReadonlySet<string> = ofFamily('agreement');

/** The natural range of `measure` in the unit given (percent multiplies a proportion's or agreement's range by 100). */
export function rangeFor(measure: string, unit: Unit): MeasureInfo['range'] {
  const { range, family } = measureInfo(measure);
  if (unit !== 'percent' || family === 'ratio' || family === 'difference') return range;
  return { ...range, min: range.min * 100, max: range.max * 100 };
}

/** Why `x` is outside the natural range of `measure` in `unit`, or null when it fits. */
export function outOfRange(measure: string, unit: Unit, x: number): string | null {
  const r = rangeFor(measure, unit);
  const low = r.openMin ? x <= r.min : x < r.min;
  if (!low && x <= r.max) return null;
  const info = measureInfo(measure);
  const fmt = (v: number) => (v === Number.POSITIVE_INFINITY ? '∞' : String(v));
  const interval = `${r.openMin ? '(' : '['}${fmt(r.min)}, ${fmt(r.max)}${r.max === Number.POSITIVE_INFINITY ? ')' : ']'}`;
  return `${info.label} ${x} is outside ${interval}${unit === 'percent' ? ' (percent)' : ''}`;
}
