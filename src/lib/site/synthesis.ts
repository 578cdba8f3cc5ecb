/**
 * Per-outcome synthesis: which estimates go into each forest plot, their yi/vi on the
 * pooling scale, and the pooled estimate (default REML + Knapp-Hartung) once two or more
 * studies report the outcome with the same measure. Used at build time and in the browser.
 */
import type { Measure } from '../schema/index.ts';
import { PROPORTION_MEASURES } from '../schema/measures.ts';
import type { EstimateRow, StudyRow } from '../data/tables.ts';
import { pool, tryEffectFromCI, backTransformPooled, scaleFor, type PoolMethod, type PoolTest, type Scale } from '../stats/index.ts';

/** The estimate fields a synthesis needs: columns of the estimates table plus the study's title and status. */
export type SynthesisInput = Pick<EstimateRow, 'estimate_id' | 'slug' | 'outcome' | 'label' | 'measure' | 'value' | 'ci_low' | 'ci_high' | 'ci_level' | 'unit' | 'needs_review'> &
  Pick<StudyRow, 'title' | 'status'>;

/** One plotted estimate on the display scale (percent converted to proportion), with its pooling data. */
export interface SynthesisRow {
  estimateId: string;
  slug: string;
  title: string;
  label: string;
  value: number;
  ciLow: number | null;
  ciHigh: number | null;
  yi: number | null;
  vi: number | null;
  /** Percent weight in the pooled estimate, or null when not pooled. */
  weight: number | null;
  /** Why the row is not in the pooled estimate, or null when it is. */
  notPooled: string | null;
}

/** The pooled estimate back on the display scale, with heterogeneity. */
export interface PooledSummary {
  k: number;
  method: PoolMethod;
  test: PoolTest;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number;
  piHigh: number;
  tau2: number;
  I2: number;
  H2: number;
  Q: number;
  QPval: number;
  pval: number;
  scale: Scale;
  /** The pooled estimate and its standard error on the pooling scale (as metafor's coef() and se). */
  yi: number;
  sei: number;
  warnings: string[];
}

/** One forest plot: an outcome × measure with its rows and pooled result. */
export interface OutcomeSynthesis {
  outcome: string;
  measure: Measure;
  rows: SynthesisRow[];
  pooled: PooledSummary | null;
  studies: number;
}

/** Options: the estimator and test (site default REML with Knapp-Hartung), and the CI level. */
export interface SynthesisOptions {
  method?: PoolMethod;
  test?: PoolTest;
  level?: number;
}

/** Measures reported as proportions (defined once in the schema). */
export { PROPORTION_MEASURES };

/** Group estimates by outcome and measure and pool each group with two or more studies. */
export function synthesize(inputs: readonly SynthesisInput[], options: SynthesisOptions = {}): OutcomeSynthesis[] {
  const method = options.method ?? 'REML';
  const test = options.test ?? 'knha';
  const level = options.level ?? 0.95;
  const groups = new Map<string, SynthesisInput[]>();
  for (const e of inputs) {
    const key = `${e.outcome}\u0000${e.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: OutcomeSynthesis[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [outcome, measure] = key.split('\u0000') as [string, Measure];
    const seen = new Set<string>();
    const rows: SynthesisRow[] = group.map((e) => {
      const div = e.unit === 'percent' && PROPORTION_MEASURES.has(e.measure) ? 100 : 1;
      const row: SynthesisRow = {
        estimateId: e.estimate_id,
        slug: e.slug,
        title: e.title,
        label: e.label,
        value: e.value / div,
        ciLow: e.ci_low === null ? null : e.ci_low / div,
        ciHigh: e.ci_high === null ? null : e.ci_high / div,
        yi: null,
        vi: null,
        weight: null,
        notPooled: null,
      };
      if (e.status !== 'included') row.notPooled = `study is ${e.status}`;
      else if (e.needs_review) row.notPooled = 'estimate needs review';
      else if (seen.has(e.slug)) row.notPooled = 'second estimate from the same study (only the first is pooled)';
      else {
        const unit = (e.unit ?? null) as 'proportion' | 'percent' | 'ratio' | 'difference' | null;
        const scaled = tryEffectFromCI({ measure: e.measure, estimate: e.value, lower: e.ci_low, upper: e.ci_high, unit, level: e.ci_level ?? level });
        if (!scaled.ok) row.notPooled = scaled.error;
        else {
          row.yi = scaled.effect.yi;
          row.vi = scaled.effect.vi;
          seen.add(e.slug);
        }
      }
      return row;
    });
    const pooledRows = rows.filter((r) => r.yi !== null);
    let pooled: PooledSummary | null = null;
    if (pooledRows.length >= 2) {
      const scale = scaleFor(measure);
      const r = pool({ yi: pooledRows.map((p) => p.yi!), vi: pooledRows.map((p) => p.vi!) }, { method, test, level });
      pooledRows.forEach((p, i) => (p.weight = r.weights[i] ?? null));
      const back = backTransformPooled(r, scale);
      pooled = { k: r.k, method, test: r.test, ...back, tau2: r.tau2, I2: r.I2, H2: r.H2, Q: r.Q, QPval: r.QPval, pval: r.pval, scale, yi: r.estimate, sei: r.se, warnings: r.warnings };
    }
    out.push({ outcome, measure, rows, pooled, studies: new Set(rows.map((r) => r.slug)).size });
  }
  return out;
}
