/**
 * Types of a diagnostic-accuracy (DTA) figure's data: the studies' 2×2 tables and the summary the
 * site computed (bivariate model, or the univariate fallback), as drawn by the SROC and paired
 * forest plots and published in their CSV and "Reproduce in R" script.
 */
import type { SrocPoint } from '../sroc/types.ts';
import type { DtaFigureKind } from './types.ts';
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';

/** One study's 2×2 table as a figure shows it. */
export interface DtaStudyDatum {
  /** Stable row id (e.g. the estimate or table id). */
  id: string;
  label: string;
  slug: string | null;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Link to the study's page (dropped in take-away files). */
  href?: string;
  /** Provenance or caveat of the row, e.g. "cells derived from sensitivity 0.90 and 50 with the condition"; null otherwise. */
  note: string | null;
  /** Risk of bias per domain and overall (the paired forest plot's column), only when a study of the figure is assessed. */
  rob?: RobLevel[];
}

/** The site's summary of sensitivity and specificity and how it was computed. */
export interface DtaSummaryDatum {
  /** 'bivariate': Reitsma model (REML); 'univariate': the fallback, each pooled separately. */
  method: 'bivariate' | 'univariate';
  /** e.g. "Summary (bivariate model)". */
  label: string;
  k: number;
  /** Confidence level of the intervals and regions (0.95). */
  level: number;
  sens: number;
  sensCi: [number, number];
  spec: number;
  specCi: [number, number];
  /** Bivariate fit on the logit scale (null for the fallback). */
  logitSens: number | null;
  logitSpec: number | null;
  tau2Sens: number | null;
  tau2Spec: number | null;
  rho: number | null;
  /** Outlines in ROC space (bivariate only; empty for the fallback). */
  confidenceRegion: SrocPoint[];
  predictionRegion: SrocPoint[];
  curve: SrocPoint[];
  /** Why the fallback was used (k < 4, non-convergence, ρ at ±1, …); null for the bivariate model. */
  reason: string | null;
}

/** One DTA figure of the site (one outcome × index test), drawn as an SROC or a paired forest plot. */
export interface DtaFigure {
  id: string;
  kind: DtaFigureKind;
  /** Title on its page, and out of context (embeds, files). */
  title: string;
  longTitle: string;
  /** The page it appears on, relative to the base path, and the id of its figure element. */
  page: string;
  anchor: string;
  studies: DtaStudyDatum[];
  summary: DtaSummaryDatum | null;
  /** The zero-cell correction the site applied before the logit transform (see dta-r-script.ts). */
  correction: DtaCorrection;
  /** Headers of the risk-of-bias column, only when a study of the figure is assessed. */
  robLabels?: { short: string; label: string }[];
}

/**
 * How zero cells were handled: 'study-only0' adds 0.5 to every cell of a study that has a zero
 * cell (the rule); 'row-only0' adds 0.5 only to the two cells of a proportion with a zero
 * (metafor escalc's add = 1/2, to = "only0" applied to each of logit sensitivity and specificity).
 */
export type DtaCorrection = 'study-only0' | 'row-only0';

/** What the DTA R-script generator needs besides the figure. */
export interface DtaScriptContext {
  /** Absolute URL of the page the figure appears on, and of its CSV. */
  pageUrl: string;
  csvUrl: string;
  reviewTitle: string;
  dataVersion: string;
}
