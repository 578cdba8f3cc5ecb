/**
 * The filters applied in TypeScript to the unfiltered tables: the build uses it for the
 * prerendered view, and tests check it returns exactly what the browser's SQL (sql.ts) returns.
 */
import { activeFilters, ESTIMATE_FILTERS, STUDY_FILTERS, tablesMatch } from './filters.ts';
import { compareStudies, dtaInputOf, estimateIndex, type ExploreData, type ExploreResult } from './rows.ts';
import type { FilterState } from './state.ts';

/** The studies and estimates a state selects, in display order (the same rows and order as sql.ts). */
export function applyFilters(data: ExploreData, state: FilterState): ExploreResult {
  const studyTests = activeFilters(STUDY_FILTERS, state);
  const estimateTests = activeFilters(ESTIMATE_FILTERS, state);
  const studies = data.studies.filter((s) => studyTests.every(({ filter, value }) => filter.test(s, value)));
  const bySlug = new Map(studies.map((s) => [s.slug, s]));
  const estimates = data.estimates.filter((e) => bySlug.has(e.slug) && estimateTests.every(({ filter, value }) => filter.test(e, value)));
  const withEstimate = new Set(estimates.map((e) => e.slug));
  const matching = estimateTests.length ? studies.filter((s) => withEstimate.has(s.slug)) : studies;
  const tables = tablesMatch(state)
    ? (data.tables ?? [])
        .filter((t) => bySlug.has(t.slug) && (state.outcome === null || t.outcome === state.outcome))
        .map((t) => ({ t, s: bySlug.get(t.slug)! }))
        .sort((a, b) => (a.t.outcome < b.t.outcome ? -1 : a.t.outcome > b.t.outcome ? 1 : 0) || compareStudies(a.s, b.s) || estimateIndex(a.t.table_id) - estimateIndex(b.t.table_id))
        .map(({ t, s }) => dtaInputOf({ ...t, title: s.title, status: s.status }))
    : [];
  return {
    tables,
    studies: [...matching].sort(compareStudies),
    estimates: estimates
      .map((e) => {
        const s = bySlug.get(e.slug)!;
        return { ...e, title: s.title, status: s.status, published: s.published };
      })
      .sort((a, b) => compareStudies(a, b) || estimateIndex(a.estimate_id) - estimateIndex(b.estimate_id))
      .map(({ published: _published, ...e }) => e),
  };
}
