/**
 * A DTA figure drawn: the SROC or paired forest input built from its data (with links into the
 * site for its page, without them for take-away files and embeds) and the standalone SVG document.
 */
import { layoutPairedForest } from '../forest/paired.ts';
import { pairedForestSvg } from '../forest/paired-svg.ts';
import type { PairedForestInput, PairedForestLayout, PairedForestOptions, PairedForestSummary } from '../forest/paired-types.ts';
import { layoutSroc } from '../sroc/layout.ts';
import { srocSvg } from '../sroc/svg.ts';
import type { SrocInput, SrocLayout } from '../sroc/types.ts';
import type { DtaFigure, DtaSummaryDatum } from './dta-types.ts';

type Portable = { portable?: boolean };

/** The fallback note of an SROC plot without a bivariate summary: why, and what the summary row holds instead. */
export function srocFallbackNote(summary: DtaSummaryDatum | null): string {
  if (summary === null) return 'No summary: too few studies to pool.';
  return `No bivariate summary${summary.reason ? `: ${summary.reason}` : ''}. Sensitivity and specificity were pooled separately (univariate random effects), which gives no joint regions or SROC curve.`;
}

/** The SROC plot's input (`portable`: without links into the site, for files and embeds). */
export function srocInput(f: DtaFigure, { portable = false }: Portable = {}): SrocInput {
  const s = f.summary;
  return {
    title: portable ? f.longTitle : f.title,
    studies: f.studies.map((d) => ({ id: d.id, label: d.label, tp: d.tp, fp: d.fp, fn: d.fn, tn: d.tn, ...(d.href && !portable ? { href: d.href } : {}) })),
    summary:
      s && s.method === 'bivariate'
        ? { sens: s.sens, spec: s.spec, confidenceRegion: s.confidenceRegion, predictionRegion: s.predictionRegion, curve: s.curve }
        : null,
  };
}

/** The summary row of a paired forest plot: the bivariate summary or the univariate fallback, labelled as such. */
export function pairedSummaryRow(s: DtaSummaryDatum): PairedForestSummary {
  return {
    label: s.label,
    sens: [s.sens, s.sensCi[0], s.sensCi[1]],
    spec: [s.spec, s.specCi[0], s.specCi[1]],
    sublabel: s.method === 'bivariate' ? `bivariate model, k = ${s.k}` : `univariate (fallback), k = ${s.k}`,
  };
}

/** The paired forest plot's input (`portable`: without links into the site). */
export function pairedInput(f: DtaFigure, { portable = false }: Portable = {}): PairedForestInput {
  return {
    title: portable ? f.longTitle : f.title,
    studies: f.studies.map((d) => ({ id: d.id, label: d.label, tp: d.tp, fp: d.fp, fn: d.fn, tn: d.tn, ...(d.href && !portable ? { href: d.href } : {}), ...(d.rob ? { rob: d.rob } : {}) })),
    summaries: f.summary ? [pairedSummaryRow(f.summary)] : [],
  };
}

/** The paired forest plot's options: the summary's level, and the risk-of-bias column's headers when the figure has one. */
export function pairedOptions(f: DtaFigure): PairedForestOptions {
  return { level: f.summary?.level ?? 0.95, ...(f.robLabels ? { robLabels: f.robLabels } : {}) };
}

/** The figure's layout as drawn on its page (`portable`: as in files and embeds). */
export function dtaLayout(f: DtaFigure, opts: Portable = {}): { kind: 'sroc'; layout: SrocLayout } | { kind: 'paired-forest'; layout: PairedForestLayout } {
  if (f.kind === 'sroc') return { kind: 'sroc', layout: layoutSroc(srocInput(f, opts), { fallbackNote: srocFallbackNote(f.summary) }) };
  return { kind: 'paired-forest', layout: layoutPairedForest(pairedInput(f, opts), pairedOptions(f)) };
}

/** The standalone SVG document of a DTA figure (XML declaration, xmlns, size, its own styles), with its width and height. */
export function dtaStandaloneSvg(f: DtaFigure): { svg: string; width: number; height: number } {
  const d = dtaLayout(f, { portable: true });
  const body = d.kind === 'sroc' ? srocSvg(d.layout, { idPrefix: f.id, standalone: true }) : pairedForestSvg(d.layout, { idPrefix: f.id, standalone: true });
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, width: d.layout.width, height: d.layout.height };
}
