/**
 * What the results region shows for a filter state: the counts of everything that matches, one
 * page of the matching studies, and per outcome × measure the first estimates (the ones drawn)
 * with the pooled estimate of all of them. The browser builds it from its queries (sql.ts); the
 * build from applyFilters, with viewOf.
 */
import { poolRows, synthesizeRows, type CappedSynthesis } from '../site/synthesis-rows.ts';
import type { ExploreResult, ExploreStudy } from './rows.ts';
import { synthesizeDta, type DtaSynthesis } from '../site/dta-synthesis.ts';

/** Studies listed per page ("Show more" adds as many). */
export const STUDY_PAGE = 50;

/** Estimates drawn per forest plot (the pooled estimate uses all of them). */
export const FOREST_ROWS = 30;

/** The results of a filter state as the page draws them. */
export interface ExploreView {
  /** Studies that match (all of them). */
  matching: number;
  /** Estimates that match (all of them). */
  estimates: number;
  /** The first page of the matching studies, in display order. */
  studies: ExploreStudy[];
  /** One synthesis per outcome × measure, pooled from all its estimates, rows capped. */
  syntheses: CappedSynthesis[];
  /** One diagnostic-accuracy synthesis per outcome with matching 2×2 tables (bivariate, or its fallback). */
  dta: DtaSynthesis[];
}

/** The view of a full result (the build's prerender): the first page of studies, `cap` rows per plot. */
export function viewOf(result: ExploreResult, page = STUDY_PAGE, cap = FOREST_ROWS): ExploreView {
  return {
    matching: result.studies.length,
    estimates: result.estimates.length,
    studies: result.studies.slice(0, page),
    syntheses: synthesizeRows(poolRows(result.estimates), cap),
    dta: synthesizeDta(result.tables),
  };
}
