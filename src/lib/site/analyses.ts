/**
 * The analyses an outcome page shows beside its main estimates: a sensitivity analysis restricted to
 * studies at low overall risk of bias, subgroup analyses by the declared categorical characteristics
 * (and the built-in risk of bias), a meta-regression on the continuous ones, and the small-study
 * test (Egger's for univariate measures). Pure: computed from the site's syntheses with the same
 * options (REML, Knapp–Hartung, 95%). Every analysis that cannot be run says why, naming the
 * characteristic; none throws for bad data.
 */
import {
  DesignMatrixError,
  MetaRegressionError,
  PoolInputError,
  backTransformPooled,
  designMatrix,
  eggerTest,
  findCollinearColumn,
  metaRegression,
  pool,
  subgroupAnalysis,
  type MetaRegressionResult,
  type PoolResult,
  type PoolTest,
  type Scale,
  type SubgroupAnalysis,
} from '../stats/index.ts';
import { ROB_LEVELS, levelLabel, overallRisk, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import { RISK_OF_BIAS_CHARACTERISTIC, type Characteristic, type CharacteristicValue } from '../schema/characteristics.ts';
import type { Measure } from '../schema/index.ts';
import type { StudyRecord } from '../data/tables.ts';
import type { OutcomeSynthesis } from './synthesis.ts';

/** What the analyses need of each study: its overall risk of bias and its characteristic values. */
export interface StudyFacts {
  rob: RobLevel;
  characteristics: Readonly<Record<string, CharacteristicValue>>;
}

/** The facts of every study page, by slug. */
export function studyFacts(records: readonly Pick<StudyRecord, 'slug' | 'study'>[]): Map<string, StudyFacts> {
  return new Map(records.map(({ slug, study }) => [slug, { rob: overallRisk(study.risk_of_bias), characteristics: study.characteristics ?? {} }]));
}

/** The built-in characteristic: the overall risk-of-bias judgement, in the order low, unclear, high, not yet assessed. */
export const RISK_OF_BIAS: Characteristic = { id: RISK_OF_BIAS_CHARACTERISTIC, label: 'Risk of bias (overall)', type: 'categorical', values: [...ROB_LEVELS] };

/** The characteristics analysed: the declared ones, then risk of bias. */
export function analysedCharacteristics(declared: readonly Characteristic[]): Characteristic[] {
  return [...declared, RISK_OF_BIAS];
}

/** The value of a characteristic for a study (risk of bias from its assessment), or undefined. */
export function characteristicValue(facts: StudyFacts | undefined, id: string): CharacteristicValue | undefined {
  if (!facts) return undefined;
  return id === RISK_OF_BIAS_CHARACTERISTIC ? facts.rob : facts.characteristics[id];
}

/** How a characteristic's value is written on the page. */
export function valueLabel(c: Pick<Characteristic, 'id'>, value: CharacteristicValue): string {
  return c.id === RISK_OF_BIAS_CHARACTERISTIC ? levelLabel(value as RobLevel) : String(value);
}

/** One study as it enters the analyses of an outcome × measure. */
export interface AnalysisStudy {
  slug: string;
  title: string;
  label: string;
  estimateId: string;
  /** Display-scale value and interval. */
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  yi: number;
  vi: number;
}

/** A pooled estimate on the display scale with what the page prints about it. */
export interface AnalysisEstimate {
  k: number;
  test: PoolTest;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  tau2: number;
  I2: number;
  pval: number;
  /** On the pooling scale (metafor's coef and se). */
  yi: number;
  sei: number;
  /** Percent weight of each pooled study, in input order. */
  weights: number[];
}

/** A pool() result back on the display scale. */
export function analysisEstimate(r: PoolResult, scale: Scale): AnalysisEstimate {
  const back = backTransformPooled(r, scale);
  return { k: r.k, test: r.test, ...back, tau2: r.tau2, I2: r.I2, pval: r.pval, yi: r.estimate, sei: r.se, weights: r.weights };
}

/** The sensitivity analysis restricted to studies at low overall risk of bias. */
export type SensitivityAnalysis =
  | { status: 'ok'; k: number; kAll: number; slugs: string[]; estimate: AnalysisEstimate }
  | { status: 'too-few'; k: number; kAll: number; minimum: number; message: string };

/** One subgroup of a subgroup analysis on the display scale. */
export interface SubgroupLevel {
  /** The value as the analysis keys it (String(value)). */
  level: string;
  label: string;
  studies: AnalysisStudy[];
  estimate: AnalysisEstimate;
}

/** A subgroup analysis by one categorical characteristic, or why it was not done. */
export type SubgroupSection =
  | {
      status: 'ok';
      characteristic: Characteristic;
      k: number;
      /** Pooled studies without a value, left out of this analysis. */
      missing: string[];
      levels: SubgroupLevel[];
      /** The reference level of the moderator test (first in display order). */
      reference: string;
      /** All analysed studies pooled together (the plot's overall diamond). */
      overall: AnalysisEstimate;
      between: { Qb: number; df: number; pval: number };
      /** Mixed-effects moderator test (one τ² shared by the subgroups); null when k ≤ number of subgroups. */
      moderator: { QM: number; QMdf: [number] | [number, number]; QMp: number; tau2: number; test: PoolTest } | null;
      warnings: string[];
      raw: SubgroupAnalysis;
    }
  | { status: 'skipped'; characteristic: Characteristic; k: number; missing: string[]; message: string };

/** One coefficient of the meta-regression, under metafor's name. */
export interface CoefficientRow {
  name: string;
  label: string;
  estimate: number;
  se: number;
  /** zval ('z') or tval ('knha'). */
  stat: number;
  pval: number;
  ciLow: number;
  ciHigh: number;
}

/** The meta-regression on the continuous characteristics, or why it was not fitted. */
export type MetaRegressionSection =
  | { status: 'ok'; moderators: Characteristic[]; k: number; missing: string[]; coefficients: CoefficientRow[]; fit: MetaRegressionResult; studies: AnalysisStudy[]; values: number[][] }
  | { status: 'skipped'; moderators: Characteristic[]; k: number; missing: string[]; message: string };

/** Egger's (univariate) or Deeks' (DTA) test, or why it was not run. */
export type SmallStudySection =
  | { status: 'ok'; test: 'egger' | 'deeks'; k: number; stat: number; statName: 'z' | 't'; df: number | null; pval: number; slope: number; slopeSe: number; intercept: number }
  | { status: 'not-tested'; test: 'egger' | 'deeks'; k: number; message: string };

/** Every analysis of one outcome × measure. */
export interface UnivariateAnalyses {
  outcome: string;
  measure: Measure;
  scale: Scale;
  /** Pooled studies of the main analysis. */
  k: number;
  sensitivity: SensitivityAnalysis;
  subgroups: SubgroupSection[];
  /** Null when the review declares no continuous characteristic. */
  metaRegression: MetaRegressionSection | null;
  smallStudy: SmallStudySection;
}

/** Fewest studies a pooled estimate needs. */
export const MIN_POOLED = 2;
/** Extra studies a meta-regression needs beyond its p coefficients (k ≥ p + 3). */
export const META_REGRESSION_EXTRA = 3;

/** Options: the site's test (Knapp–Hartung) and level. */
export interface AnalysisOptions {
  test?: PoolTest;
  level?: number;
}

const quoted = (c: Pick<Characteristic, 'label'>) => `“${c.label}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The pooled rows of a synthesis as analysis studies (the same studies and yi/vi as the main estimate). */
export function analysisStudies(s: OutcomeSynthesis): AnalysisStudy[] {
  if (!s.pooled) return [];
  return s.rows.flatMap((r) =>
    r.notPooled === null && r.yi !== null && r.vi !== null
      ? [{ slug: r.slug, title: r.title, label: r.label, estimateId: r.estimateId, value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh, yi: r.yi, vi: r.vi }]
      : [],
  );
}

function poolStudies(studies: readonly AnalysisStudy[], scale: Scale, options: Required<AnalysisOptions>): AnalysisEstimate {
  return analysisEstimate(pool({ yi: studies.map((s) => s.yi), vi: studies.map((s) => s.vi) }, { method: 'REML', test: options.test, level: options.level }), scale);
}

/** The main estimate re-pooled from the studies at low overall risk of bias ("not yet assessed" counts as not low). */
export function lowRiskSensitivity(studies: readonly AnalysisStudy[], facts: ReadonlyMap<string, StudyFacts>, scale: Scale, options: AnalysisOptions = {}): SensitivityAnalysis {
  const o = { test: options.test ?? 'knha', level: options.level ?? 0.95 };
  const low = studies.filter((s) => facts.get(s.slug)?.rob === 'low');
  if (low.length < MIN_POOLED) {
    const which = low.length === 0 ? `None of the ${plural(studies.length, 'pooled study', 'pooled studies')} is` : `Only ${low.length} of the ${plural(studies.length, 'pooled study', 'pooled studies')} ${low.length === 1 ? 'is' : 'are'}`;
    return { status: 'too-few', k: low.length, kAll: studies.length, minimum: MIN_POOLED, message: `${which} at low risk of bias: a pooled estimate needs at least ${MIN_POOLED}.` };
  }
  return { status: 'ok', k: low.length, kAll: studies.length, slugs: low.map((s) => s.slug), estimate: poolStudies(low, scale, o) };
}

function displayOrder(c: Characteristic, present: readonly string[]): string[] {
  const declared = (c.values ?? []).map(String).filter((v) => present.includes(v));
  const rest = present.filter((v) => !declared.includes(v)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return [...declared, ...rest];
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The subgroup analysis of one categorical characteristic over the pooled studies. */
export function subgroupSection(c: Characteristic, studies: readonly AnalysisStudy[], facts: ReadonlyMap<string, StudyFacts>, scale: Scale, options: AnalysisOptions = {}): SubgroupSection {
  const o = { test: options.test ?? 'knha', level: options.level ?? 0.95 };
  const withValue = studies.filter((s) => characteristicValue(facts.get(s.slug), c.id) !== undefined);
  const missing = studies.filter((s) => characteristicValue(facts.get(s.slug), c.id) === undefined).map((s) => s.slug);
  const k = withValue.length;
  const skip = (message: string): SubgroupSection => ({ status: 'skipped', characteristic: c, k, missing, message });
  const missingNote = missing.length ? ` (${plural(missing.length, 'pooled study', 'pooled studies')} without a value left out)` : '';
  if (k === 0) return skip(`Not analysed: none of the ${plural(studies.length, 'pooled study', 'pooled studies')} gives ${quoted(c)}.`);
  if (k < MIN_POOLED) return skip(`Not analysed: only 1 of the ${plural(studies.length, 'pooled study', 'pooled studies')} gives ${quoted(c)}; subgroups need at least ${MIN_POOLED} studies.`);
  const group = withValue.map((s) => String(characteristicValue(facts.get(s.slug), c.id)));
  const present = [...new Set(group)];
  if (present.length < 2) {
    const only = valueLabel(c, characteristicValue(facts.get(withValue[0]!.slug), c.id)!);
    return skip(`Not analysed: ${quoted(c)} has a single level — all ${k} studies are “${only}”${missingNote} — so there are no subgroups to compare.`);
  }
  const order = displayOrder(c, present);
  try {
    const raw = subgroupAnalysis({ yi: withValue.map((s) => s.yi), vi: withValue.map((s) => s.vi), group }, { test: o.test, level: o.level, reference: order[0], name: c.id });
    const byLevel = new Map(raw.subgroups.map((g) => [g.level, g]));
    const levels = order.map((level): SubgroupLevel => {
      const g = byLevel.get(level)!;
      const first = withValue[g.indices[0]!]!;
      return { level, label: valueLabel(c, characteristicValue(facts.get(first.slug), c.id)!), studies: g.indices.map((i) => withValue[i]!), estimate: analysisEstimate(g.result, scale) };
    });
    const m = raw.moderatorTest;
    return {
      status: 'ok',
      characteristic: c,
      k,
      missing,
      levels,
      reference: order[0]!,
      overall: poolStudies(withValue, scale, o),
      between: { Qb: raw.between.Qb, df: raw.between.df, pval: raw.between.pval },
      moderator: m ? { QM: m.QM, QMdf: m.QMdf, QMp: m.QMp, tau2: m.tau2, test: o.test } : null,
      warnings: raw.warnings,
      raw,
    };
  } catch (e) {
    if (e instanceof PoolInputError) return skip(`Not analysed: the subgroup analysis by ${quoted(c)} could not be computed (${reason(e)}).`);
    throw e;
  }
}

/** The meta-regression on the continuous characteristics `moderators` (one model with all of them), over the pooled studies with a value for each. */
export function metaRegressionSection(moderators: readonly Characteristic[], studies: readonly AnalysisStudy[], facts: ReadonlyMap<string, StudyFacts>, options: AnalysisOptions = {}): MetaRegressionSection {
  const o = { test: options.test ?? 'knha', level: options.level ?? 0.95 };
  const mods = [...moderators];
  const has = (s: AnalysisStudy) => mods.every((c) => typeof characteristicValue(facts.get(s.slug), c.id) === 'number');
  const used = studies.filter(has);
  const missing = studies.filter((s) => !has(s)).map((s) => s.slug);
  const k = used.length;
  const p = 1 + mods.length;
  const names = mods.map(quoted).join(', ');
  const skip = (message: string): MetaRegressionSection => ({ status: 'skipped', moderators: mods, k, missing, message });
  const missingNote = missing.length ? ` (${plural(missing.length, 'pooled study', 'pooled studies')} without a numeric value left out)` : '';
  if (k < p + META_REGRESSION_EXTRA) {
    return skip(`Not fitted: ${plural(k, 'study', 'studies')} with ${names}${missingNote}; a meta-regression with ${plural(p, 'coefficient')} needs at least ${p + META_REGRESSION_EXTRA} (k ≥ p + ${META_REGRESSION_EXTRA}).`);
  }
  const label = (id: string | undefined) => {
    const c = mods.find((m) => m.id === id);
    return c ? quoted(c) : id === 'intrcpt' ? 'the intercept' : `“${id}”`;
  };
  try {
    const rows = used.map((s) => Object.fromEntries(mods.map((c) => [c.id, characteristicValue(facts.get(s.slug), c.id)])));
    const design = designMatrix(rows, mods.map((c) => ({ name: c.id, type: 'continuous' as const })));
    const collinear = findCollinearColumn(design.X);
    if (collinear) {
      const others = collinear.combination.map((j) => label(design.names[j])).join(' and ');
      return skip(`Not fitted: ${label(design.names[collinear.column])} is collinear with ${others || 'the columns before it'} in these ${k} studies (the characteristics coincide), so their effects cannot be told apart: drop or merge one of them.`);
    }
    const fit = metaRegression({ yi: used.map((s) => s.yi), vi: used.map((s) => s.vi), X: design.X, names: design.names }, { method: 'REML', test: o.test, level: o.level });
    const stat = (fit.tval ?? fit.zval) as number[];
    const coefficients = fit.names.map((name, j) => ({ name, label: j === 0 ? 'intercept' : (mods[j - 1]?.label ?? name), estimate: fit.beta[j]!, se: fit.se[j]!, stat: stat[j]!, pval: fit.pval[j]!, ciLow: fit.ciLow[j]!, ciHigh: fit.ciHigh[j]! }));
    return { status: 'ok', moderators: mods, k, missing, coefficients, fit, studies: used, values: design.X.map((row) => row.slice(1)) };
  } catch (e) {
    if (e instanceof DesignMatrixError) {
      const c = mods.find((m) => m.id === e.moderator);
      if (e.code === 'single-level' && c) return skip(`Not fitted: ${quoted(c)} has a single value in all ${k} studies, so it cannot explain any difference between them.`);
      return skip(`Not fitted: ${c ? `${quoted(c)}: ` : ''}${reason(e)}.`);
    }
    if (e instanceof MetaRegressionError) return skip(`Not fitted: ${e.column ? `${label(e.column)}: ` : ''}${reason(e)}.`);
    if (e instanceof PoolInputError) return skip(`Not fitted: ${reason(e)}.`);
    throw e;
  }
}

/** Egger's regression test (k ≥ 10), as metafor's regtest on the site's model (REML, Knapp–Hartung: t on k − 2 df). */
export function eggerSection(studies: readonly AnalysisStudy[], options: AnalysisOptions = {}): SmallStudySection {
  const k = studies.length;
  try {
    const r = eggerTest({ yi: studies.map((s) => s.yi), vi: studies.map((s) => s.vi) }, { model: 'rma', test: options.test ?? 'knha', level: options.level ?? 0.95 });
    if (r.status !== 'ok') return { status: 'not-tested', test: 'egger', k, message: `Not tested (k < ${r.minStudies}): with ${k === 1 ? '1 study' : `${k} studies`} the test has too little power to tell asymmetry from chance.` };
    return { status: 'ok', test: 'egger', k, stat: (r.tval ?? r.zval)!, statName: r.tval === undefined ? 'z' : 't', df: r.df ?? null, pval: r.pval, slope: r.slope, slopeSe: r.slopeSe, intercept: r.est };
  } catch (e) {
    if (e instanceof PoolInputError) return { status: 'not-tested', test: 'egger', k, message: `Not tested: ${reason(e)}.` };
    throw e;
  }
}

/** Every analysis of one outcome × measure (null when the synthesis is not pooled). */
export function analyseSynthesis(s: OutcomeSynthesis, facts: ReadonlyMap<string, StudyFacts>, declared: readonly Characteristic[], options: AnalysisOptions = {}): UnivariateAnalyses | null {
  if (!s.pooled) return null;
  const studies = analysisStudies(s);
  const scale = s.pooled.scale;
  const categorical = analysedCharacteristics(declared).filter((c) => c.type === 'categorical');
  const continuous = declared.filter((c) => c.type === 'continuous');
  return {
    outcome: s.outcome,
    measure: s.measure,
    scale,
    k: studies.length,
    sensitivity: lowRiskSensitivity(studies, facts, scale, options),
    subgroups: categorical.map((c) => subgroupSection(c, studies, facts, scale, options)),
    metaRegression: continuous.length ? metaRegressionSection(continuous, studies, facts, options) : null,
    smallStudy: eggerSection(studies, options),
  };
}
