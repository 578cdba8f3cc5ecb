/**
 * Types of the appraisal figures of an outcome: the robvis-style risk-of-bias traffic-light and
 * summary plots (one each per outcome with an assessed study) and the funnel plot (one per
 * outcome × measure with k ≥ 3 pooled estimates, or per DTA outcome with k ≥ 3 pooled 2×2 tables,
 * Deeks-style). Built by appraisal-registry.ts, drawn by appraisal-standalone.ts.
 */
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { RobDomainColumn } from '../rob/types.ts';
import type { Scale } from '../stats/index.ts';

/** The kinds of risk-of-bias figures. */
export type RobFigureKind = 'rob-traffic-light' | 'rob-summary';

/** One study of a risk-of-bias figure. */
export interface RobFigureStudy {
  id: string;
  /** The study's title. */
  label: string;
  slug: string;
  /** Link to the study page's risk-of-bias section (dropped in take-away files). */
  href?: string;
  /** The tool of its assessment, or `not-assessed`. */
  tool: string;
  /** Judgement per domain column, in column order (`not-assessed` for a page not assessed yet). */
  levels: RobLevel[];
  /** Overall judgement by the published rule (`not-assessed` when any domain is). */
  overall: RobLevel;
  /** Percent weight in the pooled estimate the summary plot is weighted by, or null. */
  weight: number | null;
}

/** A traffic-light or summary plot of one outcome. */
export interface RobFigure {
  id: string;
  kind: RobFigureKind;
  title: string;
  longTitle: string;
  /** The page it appears on, relative to the base path, and the id of its figure element. */
  page: string;
  anchor: string;
  outcome: string;
  tool: 'QUADAS-2' | 'PROBAST+AI';
  /** What the judgements are about: "risk of bias", or "quality" when every assessment is of PROBAST+AI model development. */
  subject: 'risk of bias' | 'quality';
  domains: RobDomainColumn[];
  studies: RobFigureStudy[];
  /** Studies of the outcome left out because they were assessed with the other tool. */
  skipped: { id: string; label: string; reason: string }[];
  /** Where the summary plot's weights come from (e.g. "the pooled AUC"), or null when it counts studies. */
  weightSource: string | null;
}

/** One study point of a funnel plot. */
export interface FunnelFigurePoint {
  id: string;
  label: string;
  slug: string;
  /** Effect on the analysis scale (log ratio, logit, or ln DOR). */
  effect: number;
  /** Standard error (standard funnel) or 1/√ESS (Deeks). */
  se: number;
  href?: string;
}

/** A funnel plot of one outcome × measure, or the Deeks funnel of a DTA outcome. */
export interface FunnelFigure {
  id: string;
  kind: 'funnel';
  /** 'standard': effect against its standard error; 'deeks': ln DOR against 1/√ESS (Deeks et al. 2005). */
  variant: 'standard' | 'deeks';
  title: string;
  longTitle: string;
  page: string;
  anchor: string;
  outcome: string;
  /** The measure (e.g. "AUC"), or "DOR" for the Deeks funnel. */
  measure: string;
  /** The analysis scale of `effect`. */
  scale: Scale;
  points: FunnelFigurePoint[];
  /** Pooled estimate on the analysis scale (the funnel's centre), or null. */
  pooled: number | null;
  /** Draw pseudo 95% limits (standard funnel only). */
  limits: boolean;
  xLabel: string;
  yLabel: string;
  transform: 'exp' | 'none';
  /** Line of no effect on the analysis scale, or null. */
  nullValue: number | null;
  /** How the centre was computed, in words (CSV, R script). */
  pooledMethod: string;
  /** The estimator and test of the pooled centre (standard funnel), for the R refit; null for Deeks. */
  pool: { method: string; test: string } | null;
}

/** Any appraisal figure. */
export type AppraisalFigure = RobFigure | FunnelFigure;
