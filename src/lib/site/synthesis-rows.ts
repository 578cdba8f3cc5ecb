/**
 * The synthesis engine (synthesize in synthesis.ts wraps it): applies the row rules to every
 * estimate, read by row index from columns (the browser reads query columns, never a whole row),
 * pools each outcome × measure from all of its estimates in linear time, and keeps full rows only
 * for the first `cap` estimates of each group (the ones a plot draws).
 */
import type { Measure } from '../schema/index.ts';
import { PROPORTION_MEASURES } from '../schema/measures.ts';
import type { OutcomeSynthesis, PooledSummary, SynthesisInput, SynthesisOptions, SynthesisRow } from './synthesis-types.ts';
import { backTransformPooled, pool, scaleFor, tryEffectFromCI, type Unit } from '../stats/index.ts';

/** An outcome × measure with its counts (the browser's SQL counts them). */
export interface PoolGroup {
  outcome: string;
  measure: string;
  /** Matching estimates in the group. */
  estimates: number;
  /** Distinct studies among them. */
  studies: number;
}

/**
 * Every matching estimate, grouped by outcome × measure (the groups in `groups` order, each
 * `estimates` rows long) and in display order within a group: what pooling reads, by row index.
 */
export interface PoolRows {
  groups: readonly PoolGroup[];
  /** The study of each estimate (equal for estimates of the same study). */
  study: ArrayLike<string | number | bigint>;
  value: ArrayLike<number>;
  ciLow: ArrayLike<number | null>;
  ciHigh: ArrayLike<number | null>;
  ciLevel: ArrayLike<number | null>;
  unit(i: number): string | null;
  /** Whether the study's status is "included". */
  included: ArrayLike<boolean | null>;
  needsReview: ArrayLike<boolean | null>;
  /** The full row i (read only for the rows drawn). */
  input(i: number): SynthesisInput;
}

/** A synthesis whose `rows` are the first estimates drawn; `estimates` counts all of its estimates. */
export interface CappedSynthesis extends OutcomeSynthesis {
  /** Estimates in the group (rows holds at most the cap of them). */
  estimates: number;
}

/** Full synthesis inputs (in display order) as pool rows: groups sorted, counted here (the build, and tests). */
export function poolRows(inputs: readonly SynthesisInput[]): PoolRows {
  const byGroup = new Map<string, SynthesisInput[]>();
  for (const e of inputs) {
    const key = `${e.outcome}\u0000${e.measure}`;
    const g = byGroup.get(key);
    if (g) g.push(e);
    else byGroup.set(key, [e]);
  }
  const rows = [...byGroup.values()].flat();
  const col = <T>(f: (e: SynthesisInput) => T) => rows.map(f);
  return {
    groups: [...byGroup.values()].map((g) => ({ outcome: g[0]!.outcome, measure: g[0]!.measure, estimates: g.length, studies: new Set(g.map((e) => e.slug)).size })),
    study: col((e) => e.slug),
    value: col((e) => e.value),
    ciLow: col((e) => e.ci_low),
    ciHigh: col((e) => e.ci_high),
    ciLevel: col((e) => e.ci_level),
    unit: (i) => rows[i]!.unit,
    included: col((e) => e.status === 'included'),
    needsReview: col((e) => e.needs_review),
    input: (i) => rows[i]!,
  };
}

/**
 * Apply the row rules to every estimate (not pooled: a study not included, an estimate needing
 * review, a study's second estimate, an interval that gives no standard error) and pool each
 * outcome × measure with two or more pooled estimates (default REML + Knapp-Hartung, 95%) from
 * all of them; the first `cap` estimates of each group become its rows.
 */
export function synthesizeRows(all: PoolRows, cap: number, options: SynthesisOptions = {}): CappedSynthesis[] {
  const method = options.method ?? 'REML';
  const test = options.test ?? 'knha';
  const level = options.level ?? 0.95;
  const out: [string, CappedSynthesis][] = [];
  let i = 0;
  for (const g of all.groups) {
    const measure = g.measure as Measure;
    const seen = new Set<string | number | bigint>();
    const yis: number[] = [];
    const vis: number[] = [];
    const rows: SynthesisRow[] = [];
    const poolIndex: number[] = [];
    for (const end = i + g.estimates; i < end; i++) {
      const study = all.study[i]!;
      let notPooled: string | null = null;
      let yi: number | null = null;
      let vi: number | null = null;
      const unit = all.unit(i);
      if (!all.included[i]) notPooled = 'not included'; // the drawn rows say why (their status)
      else if (all.needsReview[i]) notPooled = 'estimate needs review';
      else if (seen.has(study)) notPooled = 'second estimate from the same study (only the first is pooled)';
      else {
        const scaled = tryEffectFromCI({ measure, estimate: all.value[i]!, lower: all.ciLow[i] ?? null, upper: all.ciHigh[i] ?? null, unit: unit as Unit | null, level: all.ciLevel[i] ?? level });
        if (!scaled.ok) notPooled = scaled.error;
        else {
          ({ yi, vi } = scaled.effect);
          seen.add(study);
        }
      }
      if (rows.length < cap) {
        const e = all.input(i);
        if (e.value !== all.value[i] || e.outcome !== g.outcome || e.measure !== g.measure) throw new Error(`row ${i} is not an estimate of ${g.outcome} × ${g.measure}`);
        const div = e.unit === 'percent' && PROPORTION_MEASURES.has(measure) ? 100 : 1;
        if (e.status !== 'included') notPooled = `study is ${e.status}`;
        rows.push({ estimateId: e.estimate_id, slug: e.slug, title: e.title, label: e.label, value: e.value / div, ciLow: e.ci_low === null ? null : e.ci_low / div, ciHigh: e.ci_high === null ? null : e.ci_high / div, yi, vi, weight: null, notPooled });
        poolIndex.push(yi === null ? -1 : yis.length);
      }
      if (yi !== null) {
        yis.push(yi);
        vis.push(vi!);
      }
    }
    out.push([`${g.outcome}\u0000${g.measure}`, finish(g, rows, poolIndex, yis, vis, { method, test, level })]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b)).map(([, s]) => s);
}

function finish(g: PoolGroup, rows: SynthesisRow[], poolIndex: number[], yi: number[], vi: number[], { method, test, level }: Required<SynthesisOptions>): CappedSynthesis {
  const measure = g.measure as Measure;
  let pooled: PooledSummary | null = null;
  if (yi.length >= 2) {
    const scale = scaleFor(measure);
    const r = pool({ yi, vi }, { method, test, level });
    rows.forEach((row, i) => (row.weight = poolIndex[i]! < 0 ? null : (r.weights[poolIndex[i]!] ?? null)));
    const back = backTransformPooled(r, scale);
    pooled = { k: r.k, method, test: r.test, ...back, tau2: r.tau2, I2: r.I2, H2: r.H2, Q: r.Q, QPval: r.QPval, pval: r.pval, scale, yi: r.estimate, sei: r.se, warnings: r.warnings };
  }
  return { outcome: g.outcome, measure, rows, pooled, studies: g.studies, estimates: g.estimates };
}
