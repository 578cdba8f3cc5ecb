/**
 * The analyses a diagnostic-accuracy outcome shows beside its bivariate summary: the summary
 * re-pooled from the studies at low overall risk of bias, the summary of each subgroup of a
 * categorical characteristic (risk of bias included; no test for subgroup differences, which needs
 * a bivariate meta-regression), and Deeks' funnel-plot asymmetry test (k ≥ 10). Pure; the same
 * pooled tables as the main summary (dta-synthesis.ts).
 */
import { DTA_MIN_STUDIES, DtaInputError, PoolInputError, deeksTest, poolDta } from '../stats/index.ts';
import { dtaSummary, type DtaRow, type DtaSummary, type DtaSynthesis } from './dta-synthesis.ts';
import { analysedCharacteristics, characteristicValue, valueLabel, type SmallStudySection, type StudyFacts } from './analyses.ts';
import type { Characteristic } from '../schema/characteristics.ts';

/** The DTA summary restricted to studies at low overall risk of bias, or why it was not computed. */
export type DtaSensitivity =
  | { status: 'ok'; k: number; kAll: number; slugs: string[]; summary: DtaSummary }
  | { status: 'too-few'; k: number; kAll: number; minimum: number; message: string };

/** The summaries of the subgroups of one categorical characteristic, or why there are none. */
export type DtaSubgroupSection =
  | { status: 'ok'; characteristic: Characteristic; k: number; missing: string[]; levels: { level: string; label: string; slugs: string[]; summary: DtaSummary }[] }
  | { status: 'skipped'; characteristic: Characteristic; k: number; missing: string[]; message: string };

/** The analyses of one DTA outcome. */
export interface DtaAnalyses {
  outcome: string;
  k: number;
  sensitivity: DtaSensitivity;
  subgroups: DtaSubgroupSection[];
  smallStudy: SmallStudySection;
}

/** Each subgroup's summary (bivariate with four or more tables, else the univariate fallback and its reason); needs two subgroups. */
export function dtaSubgroupSection(c: Characteristic, tables: readonly DtaRow[], facts: ReadonlyMap<string, StudyFacts>, options: { level?: number } = {}): DtaSubgroupSection {
  const valueOf = (t: DtaRow) => characteristicValue(facts.get(t.slug), c.id);
  const withValue = tables.filter((t) => valueOf(t) !== undefined);
  const missing = tables.filter((t) => valueOf(t) === undefined).map((t) => t.slug);
  const k = withValue.length;
  const n = `${tables.length} pooled ${tables.length === 1 ? 'study' : 'studies'}`;
  const skip = (message: string): DtaSubgroupSection => ({ status: 'skipped', characteristic: c, k, missing, message });
  if (k === 0) return skip(`Not analysed: none of the ${n} gives “${c.label}”.`);
  const keys = [...new Set(withValue.map((t) => String(valueOf(t))))];
  if (keys.length < 2) return skip(`Not analysed: “${c.label}” has a single level — all ${k} studies are “${valueLabel(c, valueOf(withValue[0]!)!)}” — so there are no subgroups to compare.`);
  const declared = (c.values ?? []).map(String).filter((v) => keys.includes(v));
  const order = [...declared, ...keys.filter((v) => !declared.includes(v)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))];
  const levels = order.map((level) => {
    const own = withValue.filter((t) => String(valueOf(t)) === level);
    return { level, label: valueLabel(c, valueOf(own[0]!)!), slugs: own.map((t) => t.slug), summary: dtaSummary(poolDta(own, { level: options.level ?? 0.95 })) };
  });
  return { status: 'ok', characteristic: c, k, missing, levels };
}

/** The tables that enter the main summary. */
export function pooledTables(s: DtaSynthesis): DtaRow[] {
  return s.rows.filter((r) => r.notPooled === null);
}

/** The bivariate summary of the tables of studies at low overall risk of bias; fewer than DTA_MIN_STUDIES (4) is reported, not pooled. */
export function dtaLowRiskSensitivity(tables: readonly DtaRow[], facts: ReadonlyMap<string, StudyFacts>, options: { level?: number } = {}): DtaSensitivity {
  const low = tables.filter((t) => facts.get(t.slug)?.rob === 'low');
  const k = low.length;
  if (k < DTA_MIN_STUDIES) {
    return { status: 'too-few', k, kAll: tables.length, minimum: DTA_MIN_STUDIES, message: `${k === 0 ? `None of the ${tables.length} pooled ${tables.length === 1 ? 'study' : 'studies'} is` : `Only ${k} of the ${tables.length} pooled ${tables.length === 1 ? 'study' : 'studies'} ${k === 1 ? 'is' : 'are'}`} at low risk of bias: the bivariate model needs at least ${DTA_MIN_STUDIES}.` };
  }
  return { status: 'ok', k, kAll: tables.length, slugs: low.map((t) => t.slug), summary: dtaSummary(poolDta(low, { level: options.level ?? 0.95 })) };
}

/** Deeks' test on the pooled tables (k ≥ 10). */
export function deeksSection(tables: readonly DtaRow[]): SmallStudySection {
  const k = tables.length;
  try {
    const r = deeksTest(tables);
    if (r.status !== 'ok') return { status: 'not-tested', test: 'deeks', k, message: `Not tested (k < ${r.minStudies}): with ${k === 1 ? '1 study' : `${k} studies`} the test has too little power to tell asymmetry from chance.` };
    return { status: 'ok', test: 'deeks', k, stat: r.tval, statName: 't', df: r.df, pval: r.pval, slope: r.slope, slopeSe: r.se, intercept: r.intercept };
  } catch (e) {
    if (e instanceof DtaInputError || e instanceof PoolInputError) return { status: 'not-tested', test: 'deeks', k, message: `Not tested: ${e.message}.` };
    throw e;
  }
}

/** The analyses of a DTA outcome (null when nothing is pooled); `declared` are the review's characteristics. */
export function analyseDta(s: DtaSynthesis, facts: ReadonlyMap<string, StudyFacts>, declared: readonly Characteristic[] = [], options: { level?: number } = {}): DtaAnalyses | null {
  if (!s.pooled) return null;
  const tables = pooledTables(s);
  const categorical = analysedCharacteristics(declared).filter((c) => c.type === 'categorical');
  return {
    outcome: s.outcome,
    k: tables.length,
    sensitivity: dtaLowRiskSensitivity(tables, facts, options),
    subgroups: categorical.map((c) => dtaSubgroupSection(c, tables, facts, options)),
    smallStudy: deeksSection(tables),
  };
}
