/**
 * The figure registry, built from the studies and their syntheses: every forest plot of the site
 * with a stable id, its title, the rows and options for layoutForest, the page it appears on and
 * the data behind it (yi/sei, quotes, pooling). Pure; src/build/figures.ts loads it at build time.
 */
import { scaleFor } from '../stats/index.ts';
import type { OutcomeSynthesis } from '../site/synthesis.ts';
import { SYNTHESIS_LEVEL } from './synthesis-level.ts';
import { studyFigures } from './study-figures.ts';
import { figureId, normalBase } from './urls.ts';
import type { Figure, FigureDatum, FigurePooling } from './types.ts';
import type { ForestOptions, ForestRow } from '../forest/types.ts';
import type { Measure } from '../schema/index.ts';
import type { StudyRecord } from '../data/tables.ts';
import { synthesisForest } from '../site/synthesis-forest.ts';
import { forestRob } from './appraisal-registry.ts';
import type { AssessmentLike } from '../schema/risk-of-bias-tools.ts';

export { SYNTHESIS_LEVEL } from './synthesis-level.ts';

/** One forest plot of the site (declared in types.ts, so study-figures.ts and r-script.ts need no import of the registry). */
export type { Figure } from './types.ts';

function outcomeFigure(s: OutcomeSynthesis, ctx: FigureContext, quoteOf: (id: string) => { quote: string; level: number | null } | undefined, robOf: (slug: string) => AssessmentLike | undefined): Figure {
  const base = normalBase(ctx.base);
  const label = ctx.outcomeLabel(s.outcome);
  const title = `${label}: ${s.measure}`;
  // The risk-of-bias column only when a study of this plot is assessed: otherwise the plot is as before.
  const { rows, options } = synthesisForest(s, label, base, forestRob(s.rows.map((r) => r.slug), robOf));
  const p = s.pooled;
  const data: FigureDatum[] = s.rows.map((r) => {
    const src = quoteOf(r.estimateId);
    return {
      label: `${r.title}: ${r.label}`,
      measure: s.measure,
      value: r.value,
      ci_low: r.ciLow,
      ci_high: r.ciHigh,
      ci_level: src?.level ?? null,
      weight: r.weight,
      yi: r.yi,
      sei: r.vi === null ? null : Math.sqrt(r.vi),
      scale: scaleFor(s.measure),
      slug: r.slug,
      estimate_id: r.estimateId,
      quote: src?.quote ?? null,
      pooled: p !== null && r.notPooled === null && r.yi !== null,
      note: r.notPooled ? `not pooled: ${r.notPooled}` : null,
    };
  });
  return {
    id: figureId('outcome', s.outcome, s.measure),
    kind: 'outcome',
    title,
    longTitle: title,
    measure: s.measure,
    rows,
    options,
    page: `outcomes/${s.outcome}/`,
    anchor: `forest-${s.outcome}-${s.measure}`,
    data,
    pooling: p ? { method: p.method, test: p.test, level: SYNTHESIS_LEVEL, scale: p.scale, k: p.k, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, tau2: p.tau2, I2: p.I2 } : null,
  };
}

function headlineFigure(measure: Measure, syntheses: readonly OutcomeSynthesis[], outcomeFigures: Figure[], ctx: FigureContext): Figure {
  const base = normalBase(ctx.base);
  const rows: ForestRow[] = [];
  const data: FigureDatum[] = [];
  for (const s of syntheses.filter((x) => x.measure === measure)) {
    const label = ctx.outcomeLabel(s.outcome);
    const href = `${base}outcomes/${s.outcome}/`;
    const own = outcomeFigures.find((f) => f.id === figureId('outcome', s.outcome, s.measure))!;
    if (s.pooled) {
      const p = s.pooled;
      rows.push({ id: `${s.outcome}-pooled`, label, sublabel: `pooled, k = ${p.k}`, value: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, href, measure });
      data.push({ label, measure, value: p.estimate, ci_low: p.ciLow, ci_high: p.ciHigh, ci_level: SYNTHESIS_LEVEL, weight: null, yi: p.yi, sei: p.sei, scale: p.scale, slug: null, estimate_id: null, quote: null, pooled: false, note: `pooled estimate of k = ${p.k} studies (figure ${own.id})` });
      continue;
    }
    s.rows.forEach((r, i) => {
      if (r.notPooled !== null) return;
      rows.push({ id: r.estimateId, label, sublabel: `${r.label} · 1 study`, value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh, href, measure });
      data.push({ ...own.data[i]!, label: `${label}: ${r.label}`, weight: null, pooled: false, note: '1 study' });
    });
  }
  const title = `${measure} by outcome`;
  return {
    id: figureId('headline', measure),
    kind: 'headline',
    title,
    longTitle: title,
    measure,
    rows,
    options: { measure, title, description: `${measure} for each outcome: pooled where two or more studies report it, otherwise the single study's estimate.` },
    page: '',
    anchor: `headline-${measure}`,
    data,
    pooling: null,
  };
}

/** What the registry needs from the site: its base path and the outcomes' display labels. */
export interface FigureContext {
  base: string;
  outcomeLabel(id: string): string;
}

/** Builds the registry from the studies and their syntheses (studies, then outcomes, then headlines); ids are unique. */
export function buildFigures(studies: readonly Pick<StudyRecord, 'slug' | 'study'>[], syntheses: readonly OutcomeSynthesis[], ctx: FigureContext): Figure[] {
  const quotes = new Map<string, { quote: string; level: number | null }>(
    studies.flatMap(({ slug, study }) => study.estimates.map((e, i) => [`${slug}#${i + 1}`, { quote: e.quote, level: e.ci_level }] as const)),
  );
  const rob = new Map<string, AssessmentLike>(studies.map(({ slug, study }) => [slug, study.risk_of_bias] as const));
  const outcomes = syntheses.map((s) => outcomeFigure(s, ctx, (id) => quotes.get(id), (slug) => rob.get(slug)));
  const measures = [...new Set(syntheses.map((s) => s.measure))];
  const headlines = measures.map((m) => headlineFigure(m, syntheses, outcomes, ctx)).filter((f) => f.rows.length > 0);
  const all = [...studies.flatMap(studyFigures), ...outcomes, ...headlines];
  const seen = new Set<string>();
  for (const f of all) {
    if (seen.has(f.id)) throw new Error(`two forest plots share the figure id ${f.id}: make their study slugs, outcome ids or measures differ`);
    seen.add(f.id);
  }
  return all;
}
