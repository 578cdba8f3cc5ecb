/**
 * The diagnostic-accuracy synthesis of each outcome with 2×2 tables: which tables are pooled (the
 * first table of each included study), the bivariate fit or its univariate fallback, and the
 * summary a page leads with (sensitivity, specificity, LR+, LR−, DOR, regions, SROC curve).
 * Pure: the outcome pages, the figure registry and Explore call it with the same rows.
 */
import { confidenceRegion, dtaRatios, poolDta, predictionRegion, srocCurve, type DtaPooled, type DtaRatios, type RocPoint } from '../stats/index.ts';
import { expit } from '../stats/dta-input.ts';
import type { StudyRecord } from '../data/tables.ts';

/** One 2×2 table as the synthesis sees it. */
export interface DtaInput {
  tableId: string;
  slug: string;
  title: string;
  outcome: string;
  label: string;
  threshold: string | null;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** The study's screening status; only included studies are pooled. */
  status: string;
}

/** A table of the synthesis, with why it was left out of the pooling (null when pooled). */
export interface DtaRow extends DtaInput {
  notPooled: string | null;
}

/** The summary point and what is drawn around it, on the reported (0–1) scale. */
export interface DtaSummary {
  model: 'bivariate' | 'univariate';
  /** Why the bivariate model was not used, as a sentence for the page (null for the bivariate model). */
  fallback: string | null;
  k: number;
  level: number;
  sens: number;
  sensCi: [number, number];
  spec: number;
  specCi: [number, number];
  /** Bivariate only: between-study variances and correlation on the logit scale. */
  tau2Sens: number | null;
  tau2Spec: number | null;
  rho: number | null;
  ratios: DtaRatios | null;
  confidenceRegion: RocPoint[];
  predictionRegion: RocPoint[];
  curve: RocPoint[];
}

/** The synthesis of one outcome's 2×2 tables. */
export interface DtaSynthesis {
  outcome: string;
  rows: DtaRow[];
  /** Null when no table can be pooled. */
  summary: DtaSummary | null;
  pooled: DtaPooled | null;
}

/** The page's summary of a pooled result (regions and curve only for the bivariate model). */
export function dtaSummary(pooled: DtaPooled): DtaSummary {
  if (pooled.model === 'bivariate') {
    const r = pooled.result;
    return {
      model: 'bivariate', fallback: null, k: r.k, level: r.level,
      sens: r.sens, sensCi: r.sensCi, spec: r.spec, specCi: r.specCi,
      tau2Sens: r.tau2Sens, tau2Spec: r.tau2Spec, rho: r.rho,
      ratios: dtaRatios(r),
      confidenceRegion: confidenceRegion(r), predictionRegion: predictionRegion(r), curve: srocCurve(r),
    };
  }
  const { sens, spec } = pooled;
  return {
    model: 'univariate', fallback: pooled.message, k: sens.k, level: sens.level,
    sens: expit(sens.estimate), sensCi: [expit(sens.ciLow), expit(sens.ciHigh)],
    spec: expit(spec.estimate), specCi: [expit(spec.ciLow), expit(spec.ciHigh)],
    tau2Sens: null, tau2Spec: null, rho: null, ratios: null,
    confidenceRegion: [], predictionRegion: [], curve: [],
  };
}

/**
 * Group the tables by outcome (in first-seen order) and pool each outcome's pooled rows: tables of
 * included studies, the first table of each study (a study's other operating points are shown,
 * not pooled, so no study counts twice).
 */
export function synthesizeDta(inputs: readonly DtaInput[], options: { level?: number } = {}): DtaSynthesis[] {
  const byOutcome = new Map<string, DtaInput[]>();
  for (const t of inputs) {
    const list = byOutcome.get(t.outcome);
    if (list) list.push(t);
    else byOutcome.set(t.outcome, [t]);
  }
  return [...byOutcome].map(([outcome, tables]) => {
    const seen = new Set<string>();
    const rows: DtaRow[] = tables.map((t) => {
      let notPooled: string | null = null;
      if (t.status !== 'included') notPooled = `study is ${t.status}`;
      else if (seen.has(t.slug)) notPooled = 'second table from the same study (only the first is pooled)';
      else seen.add(t.slug);
      return { ...t, notPooled };
    });
    const pooledRows = rows.filter((r) => r.notPooled === null);
    const pooled = pooledRows.length === 0 ? null : poolDta(pooledRows, { level: options.level ?? 0.95 });
    return { outcome, rows, pooled, summary: pooled ? dtaSummary(pooled) : null };
  });
}

/** The 2×2 tables of all pages as synthesis inputs, in page order. */
export function dtaInputs(records: readonly Pick<StudyRecord, 'slug' | 'study'>[]): DtaInput[] {
  return records.flatMap(({ slug, study }) =>
    study.two_by_two.map((t, i) => ({
      tableId: `${slug}#${i + 1}`, slug, title: study.title, outcome: t.outcome, label: t.label, threshold: t.threshold,
      tp: t.tp.n, fp: t.fp.n, fn: t.fn.n, tn: t.tn.n, status: study.status,
    })),
  );
}
