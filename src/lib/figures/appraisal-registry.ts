/**
 * The appraisal figures of the site, from the studies' risk-of-bias assessments and the outcomes'
 * syntheses: per outcome with at least one assessed study, a traffic-light plot and a summary bar
 * plot (ids `outcome-<id>-rob-traffic-light`, `outcome-<id>-rob-summary`); per outcome × measure
 * with k ≥ 3 pooled estimates a funnel plot (`outcome-<id>-<measure>-funnel`), and per DTA
 * outcome with k ≥ 3 pooled 2×2 tables a Deeks funnel (`outcome-<id>-dor-funnel`). Pure.
 */
import { domainColumns, dominantTool, robFigureInput } from '../rob/input.ts';
import { judgementSubject, type AssessmentLike } from '../schema/risk-of-bias-tools.ts';
import { overallOfLevels } from '../rob/levels.ts';
import { MEASURE_TABLE, isMeasure } from '../schema/measures.ts';
import { DTA_CORRECTION } from '../stats/dta-input.ts';
import { scaleFor, type Scale } from '../stats/index.ts';
import type { DtaSynthesis } from '../site/dta-synthesis.ts';
import type { OutcomeSynthesis } from '../site/synthesis.ts';
import type { AppraisalFigure, FunnelFigure, FunnelFigurePoint, RobFigure, RobFigureStudy } from './appraisal-types.ts';
import { figureId, normalBase } from './urls.ts';

/** Fewest pooled studies for a funnel plot. */
export const FUNNEL_MIN_K = 3;

/** What the appraisal registry needs from the site: base path, outcome labels, and each study's title and assessment. */
export interface AppraisalContext {
  base: string;
  outcomeLabel(id: string): string;
}

/** A study as the appraisal figures read it. */
export interface AppraisalStudy {
  slug: string;
  study: { title: string; risk_of_bias: AssessmentLike & { part?: string } };
}

/** Whether an assessment names a tool (QUADAS-2 or PROBAST+AI) rather than `not-assessed`. */
export function assessed(rob: AssessmentLike | null | undefined): boolean {
  return rob !== null && rob !== undefined && rob.tool !== 'not-assessed';
}

/** The studies of an outcome in page order: those of its forest plots, then those of its 2×2 tables. */
export function outcomeSlugs(outcome: string, syntheses: readonly OutcomeSynthesis[], dta: readonly DtaSynthesis[]): string[] {
  const own = syntheses.filter((s) => s.outcome === outcome).flatMap((s) => s.rows.map((r) => r.slug));
  const tables = dta.filter((s) => s.outcome === outcome).flatMap((s) => s.rows.map((r) => r.slug));
  return [...new Set([...own, ...tables])];
}

/** The pooled synthesis the summary plot is weighted by: the outcome's with the largest k (first on a tie), or null. */
export function weightingSynthesis(outcome: string, syntheses: readonly OutcomeSynthesis[]): OutcomeSynthesis | null {
  let best: OutcomeSynthesis | null = null;
  for (const s of syntheses) if (s.outcome === outcome && s.pooled && (!best || s.pooled.k > best.pooled!.k)) best = s;
  return best;
}

function robFigures(outcome: string, slugs: readonly string[], byslug: ReadonlyMap<string, AppraisalStudy>, syntheses: readonly OutcomeSynthesis[], ctx: AppraisalContext): RobFigure[] {
  const base = normalBase(ctx.base);
  const entries = slugs.flatMap((slug) => {
    const r = byslug.get(slug);
    return r ? [{ id: slug, label: r.study.title, href: `${base}studies/${slug}/#risk-of-bias`, rob: r.study.risk_of_bias }] : [];
  });
  const tool = dominantTool(entries);
  if (tool === null) return [];
  const weighting = weightingSynthesis(outcome, syntheses);
  const weights = new Map<string, number>();
  for (const r of weighting?.rows ?? []) if (r.weight !== null) weights.set(r.slug, (weights.get(r.slug) ?? 0) + r.weight);
  const input = robFigureInput(tool, entries);
  const studies: RobFigureStudy[] = input.studies.map((s) => ({
    id: s.id,
    label: s.label,
    slug: s.id,
    href: s.href!,
    tool: byslug.get(s.id)!.study.risk_of_bias.tool,
    levels: [...s.levels],
    overall: overallOfLevels(s.levels),
    weight: weights.get(s.id) ?? null,
  }));
  const ofTool = entries.filter((e) => e.rob.tool === tool);
  const subject = ofTool.length > 0 && ofTool.every((e) => judgementSubject(e.rob as { tool: string; part?: string }) === 'quality') ? 'quality' : 'risk of bias';
  const label = ctx.outcomeLabel(outcome);
  const page = `outcomes/${outcome}/`;
  const n = studies.length;
  const make = (kind: RobFigure['kind'], what: string): RobFigure => ({
    id: figureId('outcome', outcome, kind),
    kind,
    title: `${label}: ${what}`,
    longTitle: `${label}: ${what} (${tool}, ${n} ${n === 1 ? 'study' : 'studies'})`,
    page,
    anchor: `${kind}-${outcome}`,
    outcome,
    tool,
    subject,
    domains: domainColumns(tool),
    studies,
    skipped: input.skipped,
    weightSource: weighting ? `the pooled ${weighting.measure} (k = ${weighting.pooled!.k})` : null,
  });
  return [make('rob-traffic-light', `${subject} by domain`), make('rob-summary', `summary of ${subject}`)];
}

/** The line of no effect of a measure on its analysis scale, or null. */
export function analysisNull(measure: string, scale: Scale): number | null {
  const v = isMeasure(measure) ? MEASURE_TABLE[measure].nullValue : null;
  if (v === null) return null;
  if (scale === 'log') return Math.log(v);
  if (scale === 'logit') return v > 0 && v < 1 ? Math.log(v / (1 - v)) : null;
  return v;
}

/** The axis title of a measure's funnel plot. */
export function funnelAxisLabel(measure: string, scale: Scale): string {
  return scale === 'log' ? `${measure} (log scale)` : scale === 'logit' ? `logit ${measure}` : measure;
}

function standardFunnel(s: OutcomeSynthesis, ctx: AppraisalContext): FunnelFigure | null {
  const p = s.pooled;
  if (!p || p.k < FUNNEL_MIN_K) return null;
  const base = normalBase(ctx.base);
  const points: FunnelFigurePoint[] = s.rows
    .filter((r) => r.notPooled === null && r.yi !== null && r.vi !== null)
    .map((r) => ({ id: r.estimateId, label: `${r.title}: ${r.label}`, slug: r.slug, effect: r.yi!, se: Math.sqrt(r.vi!), href: `${base}studies/${r.slug}/#q-${r.estimateId.split('#')[1]}` }));
  if (points.length < FUNNEL_MIN_K) return null;
  const scale = scaleFor(s.measure);
  const label = ctx.outcomeLabel(s.outcome);
  return {
    id: figureId('outcome', s.outcome, s.measure, 'funnel'),
    kind: 'funnel',
    variant: 'standard',
    title: `${label}: funnel plot of ${s.measure}`,
    longTitle: `${label}: funnel plot of ${s.measure} (k = ${points.length})`,
    page: `outcomes/${s.outcome}/`,
    anchor: `funnel-${s.outcome}-${s.measure}`,
    outcome: s.outcome,
    measure: s.measure,
    scale,
    points,
    pooled: p.yi,
    limits: true,
    xLabel: funnelAxisLabel(s.measure, scale),
    yLabel: 'Standard error',
    transform: scale === 'log' ? 'exp' : 'none',
    nullValue: analysisNull(s.measure, scale),
    pooledMethod: `${p.method}${p.test === 'knha' ? ' with the Knapp-Hartung adjustment' : ''}, on the ${p.scale} scale`,
    pool: { method: p.method, test: p.test },
  };
}

/** ln DOR of a 2×2 table (0.5 added to every cell of a table with a zero cell, as Deeks' test does) and 1/√ESS. */
export function deeksPoint(t: { tp: number; fp: number; fn: number; tn: number }): { lnDor: number; invSqrtEss: number } {
  const add = t.tp === 0 || t.fp === 0 || t.fn === 0 || t.tn === 0 ? DTA_CORRECTION : 0;
  const n1 = t.tp + t.fn;
  const n0 = t.fp + t.tn;
  const ess = (4 * n1 * n0) / (n1 + n0);
  return { lnDor: Math.log(((t.tp + add) * (t.tn + add)) / ((t.fp + add) * (t.fn + add))), invSqrtEss: 1 / Math.sqrt(ess) };
}

function deeksFunnel(s: DtaSynthesis, ctx: AppraisalContext): FunnelFigure | null {
  const base = normalBase(ctx.base);
  const points: FunnelFigurePoint[] = s.rows
    .filter((r) => r.notPooled === null && r.tp + r.fn > 0 && r.fp + r.tn > 0)
    .map((r) => {
      const d = deeksPoint(r);
      return { id: r.tableId, label: `${r.title}: ${r.label}${r.threshold ? ` (${r.threshold})` : ''}`, slug: r.slug, effect: d.lnDor, se: d.invSqrtEss, href: `${base}studies/${r.slug}/` };
    });
  if (points.length < FUNNEL_MIN_K || !s.summary) return null;
  const logit = (x: number) => Math.log(x / (1 - x));
  const m = s.summary;
  const pooled = m.sens > 0 && m.sens < 1 && m.spec > 0 && m.spec < 1 ? logit(m.sens) + logit(m.spec) : null;
  const label = ctx.outcomeLabel(s.outcome);
  return {
    id: figureId('outcome', s.outcome, 'dor', 'funnel'),
    kind: 'funnel',
    variant: 'deeks',
    title: `${label}: Deeks' funnel plot`,
    longTitle: `${label}: Deeks' funnel plot of the diagnostic odds ratio (k = ${points.length})`,
    page: `outcomes/${s.outcome}/`,
    anchor: `funnel-${s.outcome}-dor`,
    outcome: s.outcome,
    measure: 'DOR',
    scale: 'log',
    points,
    pooled,
    limits: false,
    xLabel: 'Diagnostic odds ratio (log scale)',
    yLabel: '1/√ESS',
    transform: 'exp',
    nullValue: 0,
    pooledMethod: `logit sensitivity + logit specificity of the ${m.model === 'bivariate' ? 'bivariate summary (REML)' : 'univariate summaries (fallback)'}`,
    pool: null,
  };
}

/** The appraisal figures per outcome (outcomes in synthesis order): traffic light, summary, funnels; ids are unique. */
export function buildAppraisalFigures(studies: readonly AppraisalStudy[], syntheses: readonly OutcomeSynthesis[], dta: readonly DtaSynthesis[], ctx: AppraisalContext): AppraisalFigure[] {
  const byslug = new Map(studies.map((s) => [s.slug, s]));
  const outcomes = [...new Set([...syntheses.map((s) => s.outcome), ...dta.map((s) => s.outcome)])];
  const all = outcomes.flatMap((outcome) => [
    ...robFigures(outcome, outcomeSlugs(outcome, syntheses, dta), byslug, syntheses, ctx),
    ...syntheses.filter((s) => s.outcome === outcome).flatMap((s) => standardFunnel(s, ctx) ?? []),
    ...dta.filter((s) => s.outcome === outcome).flatMap((s) => deeksFunnel(s, ctx) ?? []),
  ]);
  const seen = new Set<string>();
  for (const f of all) {
    if (seen.has(f.id)) throw new Error(`two appraisal figures share the figure id ${f.id}: make their outcome ids differ`);
    seen.add(f.id);
  }
  return all;
}

/** The risk-of-bias levels of each study (by slug) for the forest plots' column, with the tool's labels; null when nobody of `slugs` is assessed. */
export function forestRob(slugs: readonly string[], assessmentOf: (slug: string) => AssessmentLike | null | undefined): { labels: { short: string; label: string }[]; levels: Map<string, RobFigureStudy['levels']> } | null {
  const entries = [...new Set(slugs)].map((slug) => ({ id: slug, label: slug, rob: assessmentOf(slug) }));
  const tool = dominantTool(entries);
  if (tool === null) return null;
  const input = robFigureInput(tool, entries);
  const levels = new Map(input.studies.map((s) => [s.id, [...s.levels, overallOfLevels(s.levels)]]));
  return { labels: [...domainColumns(tool), { short: 'O', label: `Overall ${judgementSubject({ tool })}` }], levels };
}
