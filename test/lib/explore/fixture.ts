/** Small explore tables for unit tests: three studies pooling on one outcome, one with hostile text. */
import type { ExploreData, ExploreEstimate, ExploreStudy } from '../../../src/lib/explore/rows.ts';

function study(slug: string, over: Partial<ExploreStudy> = {}): ExploreStudy {
  return { slug, title: `Study ${slug}`, journal: 'J One', published: '2024-05', published_year: 2024, status: 'included', n_participants: 100, outcomes: 'wma', rob_overall: 'not-assessed', ...over };
}

function estimate(slug: string, n: number, over: Partial<ExploreEstimate> = {}): ExploreEstimate {
  return { estimate_id: `${slug}#${n}`, slug, outcome: 'wma', label: 'WMA', measure: 'AUC', value: 0.8, ci_low: 0.7, ci_high: 0.9, ci_level: 0.95, unit: 'proportion', needs_review: false, ...over };
}

/** Tables with known values. */
export const DATA: ExploreData = {
  studies: [
    study('a', { published: '2023', published_year: 2023, n_participants: 50, rob_overall: 'low' }),
    study('c', { title: '<script>alert(1)</script> & "deep" learning', journal: 'J Two', published: '2025-01-02', published_year: 2025, n_participants: null, rob_overall: 'high' }),
    study('b', { status: 'excluded' }),
    study('d', { published: null, published_year: null, outcomes: null, rob_overall: 'unclear' }),
  ],
  estimates: [
    estimate('a', 1, { value: 0.7, ci_low: 0.6, ci_high: 0.8 }),
    estimate('c', 2, { outcome: 'lge', label: 'LGE', value: 65, ci_low: 55, ci_high: 75, unit: 'percent' }),
    estimate('c', 10, { value: 0.91, ci_low: 0.85, ci_high: 0.95 }),
    estimate('b', 1, { value: 0.85, ci_low: 0.8, ci_high: 0.9 }),
  ],
};
