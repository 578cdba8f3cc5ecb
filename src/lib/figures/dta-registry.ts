/**
 * The DTA figures of the site, from the outcomes' diagnostic-accuracy syntheses: per outcome with
 * 2×2 tables, an SROC plot and a paired forest plot of sensitivity and specificity, with stable ids
 * (`outcome-<id>-sroc`, `outcome-<id>-paired-forest`), the page they appear on and their data. Pure.
 */
import type { DtaSummary, DtaSynthesis } from '../site/dta-synthesis.ts';
import type { DtaFigure, DtaStudyDatum, DtaSummaryDatum } from './dta-types.ts';
import { figureId, normalBase } from './urls.ts';
import { forestRob } from './appraisal-registry.ts';
import type { AssessmentLike } from '../schema/risk-of-bias-tools.ts';

/** What the DTA registry needs from the site; with `studies`, the paired forest plot gets a risk-of-bias column when a study is assessed. */
export interface DtaFigureContext {
  base: string;
  outcomeLabel(id: string): string;
  studies?: readonly { slug: string; study: { risk_of_bias: AssessmentLike } }[];
}

/** The figure id of an outcome's DTA figure of `kind`. */
export function dtaFigureId(outcome: string, kind: DtaFigure['kind']): string {
  return figureId('outcome', outcome, kind);
}

/** The summary datum of a synthesis summary (logits only for the bivariate model). */
export function summaryDatum(s: DtaSummary, logits: { logitSens: number; logitSpec: number } | null): DtaSummaryDatum {
  return {
    method: s.model,
    label: s.model === 'bivariate' ? 'Summary (bivariate model)' : 'Summary (univariate, fallback)',
    k: s.k,
    level: s.level,
    sens: s.sens,
    sensCi: s.sensCi,
    spec: s.spec,
    specCi: s.specCi,
    logitSens: logits?.logitSens ?? null,
    logitSpec: logits?.logitSpec ?? null,
    tau2Sens: s.tau2Sens,
    tau2Spec: s.tau2Spec,
    rho: s.rho,
    confidenceRegion: s.confidenceRegion,
    predictionRegion: s.predictionRegion,
    curve: s.curve,
    reason: s.fallback,
  };
}

/** The SROC and paired forest figures of each synthesis, in synthesis order. */
export function buildDtaFigures(syntheses: readonly DtaSynthesis[], ctx: DtaFigureContext): DtaFigure[] {
  const base = normalBase(ctx.base);
  const robBySlug = new Map((ctx.studies ?? []).map((r) => [r.slug, r.study.risk_of_bias] as const));
  return syntheses.flatMap((s) => {
    const label = ctx.outcomeLabel(s.outcome);
    const studies: DtaStudyDatum[] = s.rows.map((r) => ({
      id: r.tableId,
      label: `${r.title}: ${r.label}${r.threshold ? ` (${r.threshold})` : ''}`,
      slug: r.slug,
      tp: r.tp,
      fp: r.fp,
      fn: r.fn,
      tn: r.tn,
      href: `${base}studies/${r.slug}/`,
      note: r.notPooled ? `not pooled: ${r.notPooled}` : null,
    }));
    const rob = forestRob(s.rows.map((r) => r.slug), (slug) => robBySlug.get(slug));
    const logits = s.pooled?.model === 'bivariate' ? s.pooled.result : null;
    const summary = s.summary ? summaryDatum(s.summary, logits) : null;
    const page = `outcomes/${s.outcome}/`;
    const make = (kind: DtaFigure['kind'], what: string): DtaFigure => ({
      id: dtaFigureId(s.outcome, kind),
      kind,
      title: `${label}: ${what}`,
      longTitle: `${label}: ${what} (${s.rows.length} ${s.rows.length === 1 ? 'table' : 'tables'})`,
      page,
      anchor: `${kind}-${s.outcome}`,
      studies,
      summary,
      correction: 'study-only0',
    });
    const paired = make('paired-forest', 'sensitivity and specificity');
    // The risk-of-bias column only when a study of this outcome is assessed: otherwise the figure is as before.
    if (rob) {
      paired.studies = studies.map((d) => ({ ...d, rob: [...(rob.levels.get(d.slug ?? '') ?? rob.labels.map(() => 'not-assessed' as const))] }));
      paired.robLabels = rob.labels;
    }
    return [make('sroc', 'summary ROC plot'), paired];
  });
}
