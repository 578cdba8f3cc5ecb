/**
 * Subgroup forest plots: per outcome × measure × categorical characteristic with a subgroup analysis,
 * the studies under one header per subgroup, each subgroup's pooled diamond, the overall diamond and
 * the test for subgroup differences, with a stable id (`subgroup-<outcome>-<measure>-<characteristic>`).
 * They are forest-plot `Figure`s of kind 'subgroup' (same layout, SVG, PNG, PDF and embed) that also
 * carry the analysis for their CSV and R script. Pure.
 */
import { scaleFor } from '../stats/index.ts';
import type { ForestOptions, ForestRow } from '../forest/types.ts';
import type { SubgroupSection, UnivariateAnalyses } from '../site/analyses.ts';
import { fmt } from '../site/format.ts';
import { SYNTHESIS_LEVEL, type Figure } from './registry.ts';
import type { FigureDatum } from './types.ts';
import { figureId, normalBase } from './urls.ts';

/** The analysis behind a subgroup figure (what its CSV and R script reproduce). */
export interface SubgroupFigureAnalysis {
  characteristic: { id: string; label: string };
  /** Levels in display order (the first is the moderator test's reference), as keys and labels. */
  levels: { level: string; label: string; k: number; estimate: number; se: number; tau2: number }[];
  /** The subgroup key of each datum (same order as `data`). */
  group: string[];
  overall: { k: number; estimate: number; se: number; tau2: number };
  Qb: number;
  df: number;
  QbPval: number;
  moderator: { QM: number; QMdf: number[]; QMp: number; tau2: number } | null;
  test: 'z' | 'knha';
  level: number;
}

/** A subgroup forest plot. */
export interface SubgroupFigure extends Figure {
  kind: 'subgroup';
  subgroup: SubgroupFigureAnalysis;
}

/** Whether a figure is a subgroup forest plot. */
export function isSubgroupFigure(f: { kind: string }): f is SubgroupFigure {
  return f.kind === 'subgroup';
}

/** The figure id of a subgroup plot. */
export function subgroupFigureId(outcome: string, measure: string, characteristic: string): string {
  return figureId('subgroup', outcome, measure, characteristic);
}

/** "p = 0.034" or "p < 0.001". */
export function pText(p: number): string {
  return !Number.isFinite(p) ? 'p not available' : p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`;
}

/** The tests for subgroup differences, one line each: Qb from the separate fits, then the mixed-effects moderator test. */
export function subgroupTestLines(s: Extract<SubgroupSection, { status: 'ok' }>): [string, string] {
  const qb = `Test for subgroup differences: Q = ${fmt(s.between.Qb, 2)}, df = ${s.between.df}, ${pText(s.between.pval)}`;
  const m = s.moderator;
  if (!m) return [qb, 'Mixed-effects moderator test: not available (no more studies than subgroups)'];
  const stat = m.QMdf.length === 2 ? `F(${m.QMdf[0]}, ${m.QMdf[1]}) = ${fmt(m.QM, 2)}` : `QM = ${fmt(m.QM, 2)}, df = ${m.QMdf[0]}`;
  return [qb, `Mixed-effects moderator test (common τ²): ${stat}, ${pText(m.QMp)}`];
}

/** Both tests in one sentence. */
export function subgroupTestText(s: Extract<SubgroupSection, { status: 'ok' }>): string {
  const [qb, qm] = subgroupTestLines(s);
  return `${qb}; ${qm[0]!.toLowerCase()}${qm.slice(1)}`;
}

/** What the registry needs from the site. */
export interface SubgroupFigureContext {
  base: string;
  outcomeLabel(id: string): string;
}

/** The figure's rows (subgroup by subgroup), its data rows, and each row's subgroup. */
function studyRows(a: UnivariateAnalyses, s: Extract<SubgroupSection, { status: 'ok' }>, base: string): { rows: ForestRow[]; data: FigureDatum[]; group: string[] } {
  const rows: ForestRow[] = [];
  const data: FigureDatum[] = [];
  const group: string[] = [];
  for (const g of s.levels) {
    g.studies.forEach((st, i) => {
      rows.push({
        id: `${g.level}-${st.estimateId}`,
        label: st.title.length > 48 ? `${st.title.slice(0, 46)}…` : st.title,
        sublabel: st.label,
        value: st.value,
        ciLow: st.ciLow,
        ciHigh: st.ciHigh,
        weight: g.estimate.weights[i] ?? null,
        href: `${base}studies/${st.slug}/#q-${st.estimateId.split('#')[1]}`,
        measure: a.measure,
        subgroup: g.level,
      });
      data.push({
        label: `${st.title}: ${st.label}`, measure: a.measure, value: st.value, ci_low: st.ciLow, ci_high: st.ciHigh, ci_level: null,
        weight: g.estimate.weights[i] ?? null, yi: st.yi, sei: Math.sqrt(st.vi), scale: scaleFor(a.measure), slug: st.slug, estimate_id: st.estimateId,
        quote: null, pooled: true, note: `subgroup ${g.label}`,
      });
      group.push(g.level);
    });
  }
  return { rows, data, group };
}

/** One subgroup forest plot: rows grouped by subgroup, each subgroup's pooled estimate, the overall one and both tests. */
function figure(a: UnivariateAnalyses, s: Extract<SubgroupSection, { status: 'ok' }>, ctx: SubgroupFigureContext): SubgroupFigure {
  const base = normalBase(ctx.base);
  const label = ctx.outcomeLabel(a.outcome);
  const c = s.characteristic;
  const id = subgroupFigureId(a.outcome, a.measure, c.id);
  const { rows, data, group } = studyRows(a, s, base);
  const e = (x: { k: number; estimate: number; ciLow: number; ciHigh: number; tau2: number; I2: number }, text: string) => ({ label: text, estimate: x.estimate, ciLow: x.ciLow, ciHigh: x.ciHigh, k: x.k, I2: x.I2, tau2: x.tau2 });
  const title = `${label}: ${a.measure} by ${c.label}`;
  const footnote = subgroupTestLines(s);
  const options: ForestOptions = {
    measure: a.measure,
    title,
    description: `${s.k} studies in ${s.levels.length} subgroups of ${c.label}, each subgroup pooled (REML${s.overall.test === 'knha' ? ', Knapp-Hartung' : ''}); ${subgroupTestText(s)}.`,
    subgroups: s.levels.map((g) => ({ id: g.level, label: `${g.label} (k = ${g.estimate.k})`, pooled: e(g.estimate, `Subgroup ${g.label}`) })),
    pooled: e(s.overall, `Overall (REML${s.overall.test === 'knha' ? ', Knapp-Hartung' : ''})`),
    footnote,
  };
  return {
    id,
    kind: 'subgroup',
    title,
    longTitle: title,
    measure: a.measure,
    rows,
    options,
    page: `outcomes/${a.outcome}/`,
    anchor: `subgroups-${a.outcome}-${a.measure}-${c.id}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
    data,
    pooling: { method: 'REML', test: s.overall.test, level: SYNTHESIS_LEVEL, scale: scaleFor(a.measure), k: s.overall.k, estimate: s.overall.estimate, ciLow: s.overall.ciLow, ciHigh: s.overall.ciHigh, piLow: s.overall.piLow, piHigh: s.overall.piHigh, tau2: s.overall.tau2, I2: s.overall.I2 },
    subgroup: {
      characteristic: { id: c.id, label: c.label },
      levels: s.levels.map((g) => ({ level: g.level, label: g.label, k: g.estimate.k, estimate: g.estimate.yi, se: g.estimate.sei, tau2: g.estimate.tau2 })),
      group,
      overall: { k: s.overall.k, estimate: s.overall.yi, se: s.overall.sei, tau2: s.overall.tau2 },
      Qb: s.between.Qb,
      df: s.between.df,
      QbPval: s.between.pval,
      moderator: s.moderator ? { QM: s.moderator.QM, QMdf: [...s.moderator.QMdf], QMp: s.moderator.QMp, tau2: s.moderator.tau2 } : null,
      test: s.overall.test,
      level: SYNTHESIS_LEVEL,
    },
  };
}

/** The subgroup forest plots of every analysed outcome × measure, in analysis order. */
export function buildSubgroupFigures(analyses: readonly UnivariateAnalyses[], ctx: SubgroupFigureContext): SubgroupFigure[] {
  return analyses.flatMap((a) => a.subgroups.flatMap((s) => (s.status === 'ok' ? [figure(a, s, ctx)] : [])));
}
