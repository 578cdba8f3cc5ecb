/** DTA figures for the figure-file tests, built from the SROC seed (made-up studies, fixed bivariate parameters). */
import type { DtaFigure, DtaSummaryDatum } from '../../../src/lib/figures/dta-types.ts';
import { SEED_FIT, SEED_STUDIES, seedSroc } from '../sroc/seed.ts';

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** A bivariate summary with the seed's regions and curve. */
export function seedSummary(): DtaSummaryDatum {
  const s = seedSroc().summary!;
  const f = SEED_FIT;
  const z = 1.959963984540054;
  return {
    method: 'bivariate',
    label: 'Summary',
    k: SEED_STUDIES.length,
    level: 0.95,
    sens: s.sens,
    sensCi: [expit(f.muSens - z * Math.sqrt(f.vSens)), expit(f.muSens + z * Math.sqrt(f.vSens))],
    spec: s.spec,
    specCi: [expit(f.muSpec - z * Math.sqrt(f.vSpec)), expit(f.muSpec + z * Math.sqrt(f.vSpec))],
    logitSens: f.muSens,
    logitSpec: f.muSpec,
    tau2Sens: f.tau2Sens,
    tau2Spec: f.tau2Spec,
    rho: f.rho,
    confidenceRegion: s.confidenceRegion,
    predictionRegion: s.predictionRegion,
    curve: s.curve,
    reason: null,
  };
}

/** The seed as a DTA figure of `kind` (studies link to their pages, one has a provenance note). */
export function seedDtaFigure(kind: DtaFigure['kind'], labels: string[] = []): DtaFigure {
  return {
    id: `dta-x-ai-${kind}`,
    kind,
    title: 'Nodules: AI',
    longTitle: 'Pulmonary nodules on CT: AI versus reference standard',
    page: 'outcomes/x/',
    anchor: `${kind}-x-ai`,
    studies: SEED_STUDIES.map((s, i) => ({ id: s.id, label: labels[i] ?? s.label, slug: `study-${i + 1}`, tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn, href: `/studies/study-${i + 1}/`, note: i === 2 ? 'cells derived from sensitivity 0.77 and 35 with the condition' : null })),
    summary: seedSummary(),
    correction: 'study-only0',
  };
}

/** The same studies with the univariate fallback (no regions, no curve) and its reason. */
export function fallbackDtaFigure(kind: DtaFigure['kind']): DtaFigure {
  const f = seedDtaFigure(kind);
  return {
    ...f,
    summary: { ...seedSummary(), method: 'univariate', label: 'Summary (univariate fallback)', logitSens: null, logitSpec: null, tau2Sens: null, tau2Spec: null, rho: null, confidenceRegion: [], predictionRegion: [], curve: [], reason: 'the between-study correlation is at -1 (boundary)' },
  };
}

/** The context of the scripts (URLs, review, version). */
export const DTA_CONTEXT = { pageUrl: 'https://example.org/review/outcomes/x/#sroc-x-ai', csvUrl: 'https://example.org/review/figures/dta-x-ai-sroc.csv', reviewTitle: 'AI review', dataVersion: 'abc123' };
