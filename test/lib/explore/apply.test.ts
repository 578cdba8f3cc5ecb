import { describe, expect, it } from 'vitest';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { EMPTY_STATE } from '../../../src/lib/explore/state.ts';
import { DATA } from './fixture.ts';

const slugs = (r: { slug: string }[]) => r.map((x) => x.slug);

describe('applyFilters', () => {
  it('lists every study newest first (undated last) and every estimate in page order, joined to its study', () => {
    const r = applyFilters(DATA, EMPTY_STATE);
    expect(slugs(r.studies)).toEqual(['c', 'b', 'a', 'd']);
    expect(r.estimates.map((e) => e.estimate_id)).toEqual(['c#2', 'c#10', 'b#1', 'a#1']);
    expect(r.estimates[0]).toMatchObject({ title: DATA.studies[1]!.title, status: 'included' });
  });

  it('keeps a study for an estimate filter only when one of its estimates matches', () => {
    const r = applyFilters(DATA, { ...EMPTY_STATE, outcome: 'lge' });
    expect(slugs(r.studies)).toEqual(['c']);
    expect(r.estimates.map((e) => e.estimate_id)).toEqual(['c#2']);
  });

  it('compares estimate ranges on the plotted scale (percent proportions divided by 100)', () => {
    const r = applyFilters(DATA, { ...EMPTY_STATE, valueMin: 0.6, valueMax: 0.7 });
    expect(r.estimates.map((e) => e.estimate_id)).toEqual(['c#2', 'a#1']);
  });

  it('applies study filters: years, journal, status, sample size (unknown fails) and title text in any case', () => {
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, yearFrom: 2024 }).studies)).toEqual(['c', 'b']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, yearTo: 2024 }).studies)).toEqual(['b', 'a']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, journal: 'J Two' }).studies)).toEqual(['c']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, status: 'excluded' }).studies)).toEqual(['b']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, minN: 60 }).studies)).toEqual(['b', 'd']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, q: 'DEEP' }).studies)).toEqual(['c']);
    expect(applyFilters(DATA, { ...EMPTY_STATE, status: 'excluded' }).estimates.map((e) => e.estimate_id)).toEqual(['b#1']);
  });

  it('filters by overall risk of bias, and "exclude high risk of bias" leaves out only the high ones and re-pools the rest', () => {
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, rob: 'low' }).studies)).toEqual(['a']);
    expect(slugs(applyFilters(DATA, { ...EMPTY_STATE, rob: 'not-assessed' }).studies)).toEqual(['b']);
    const without = applyFilters(DATA, { ...EMPTY_STATE, excludeHighRob: 1 });
    expect(slugs(without.studies)).toEqual(['b', 'a', 'd']);
    expect(without.estimates.map((e) => e.estimate_id)).toEqual(['b#1', 'a#1']);
  });
});
