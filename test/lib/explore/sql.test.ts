import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawnQuery, groupsQuery, poolQuery, studiesQuery, totalQuery } from '../../../src/lib/explore/sql.ts';
import { ESTIMATE_FILTERS, STUDY_FILTERS } from '../../../src/lib/explore/filters.ts';
import { EMPTY_STATE, type FilterState } from '../../../src/lib/explore/state.ts';

const HOSTILE = ["1; DROP TABLE studies", "x' OR '1'='1", '<script>alert(1)</script>', '"; DETACH review; --', "Robert'); DROP TABLE estimates;--", '\\', '%_'];

const anyState = fc.record<FilterState>({
  outcome: fc.option(fc.string(), { nil: null }),
  measure: fc.option(fc.string(), { nil: null }),
  yearFrom: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
  yearTo: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
  journal: fc.option(fc.string(), { nil: null }),
  status: fc.option(fc.string(), { nil: null }),
  minN: fc.option(fc.nat(), { nil: null }),
  valueMin: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  valueMax: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  q: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  rob: fc.option(fc.string(), { nil: null }),
  excludeHighRob: fc.option(fc.constant(1), { nil: null }),
});

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('the SQL builder', () => {
  it('selects everything, in display order, for the empty state, with the page size and offset bound', () => {
    expect(studiesQuery(EMPTY_STATE, 50, 100)).toEqual({
      sql: 'SELECT s.slug, s.title, s.journal, s.published, s.published_year, s.status, s.n_participants, s.outcomes, s.rob_overall, count(*) OVER () AS matching FROM review.studies AS s ORDER BY s.published DESC NULLS LAST, s.slug LIMIT ? OFFSET ?',
      params: [50, 100],
    });
    expect(groupsQuery(EMPTY_STATE).sql).toBe('SELECT e.outcome, e.measure, count(*) AS estimates, count(DISTINCT e.slug) AS studies FROM review.estimates AS e JOIN review.studies AS s ON s.slug = e.slug GROUP BY e.outcome, e.measure ORDER BY e.outcome, e.measure');
    expect(poolQuery(EMPTY_STATE).sql).toMatch(/^SELECT e\.rowid AS estimate_row, s\.rowid AS study, .* FROM review\.estimates AS e JOIN review\.studies AS s ON s\.slug = e\.slug ORDER BY e\.outcome, e\.measure, s\.published DESC NULLS LAST, s\.slug, CAST\(split_part\(e\.estimate_id, '#', 2\) AS INTEGER\)$/);
    expect(totalQuery()).toEqual({ sql: 'SELECT count(*) AS n FROM review.studies', params: [] });
  });

  it('puts study filters on the study and estimate filters in a semi-join on the slugs of its matching estimates', () => {
    const q = studiesQuery({ ...EMPTY_STATE, outcome: 'wall-motion-abnormality', yearFrom: 2024, q: 'Deep' }, 50);
    expect(q.sql).toContain('WHERE s.published_year >= ? AND contains(lower(s.title), ?) AND s.slug IN (SELECT e.slug FROM review.estimates AS e WHERE e.outcome = ?)');
    expect(q.params).toEqual([2024, 'deep', 'wall-motion-abnormality', 50, 0]);
  });

  it('binds every hostile value as a parameter and never writes it into the SQL text', () => {
    for (const bad of HOSTILE) {
      const state: FilterState = { ...EMPTY_STATE, outcome: bad, measure: bad, journal: bad, status: bad, q: bad, rob: bad };
      for (const query of [studiesQuery(state, 50, 50), groupsQuery(state), poolQuery(state)]) {
        expect(query.sql).not.toContain(bad);
        expect(query.sql.toLowerCase()).not.toContain(bad.toLowerCase());
        expect(query.params).toContain(bad);
        expect(placeholders(query.sql)).toBe(query.params.length);
      }
    }
  });

  it('asks for the drawn rows by integer row ids bound as one parameter, and refuses anything but integers', () => {
    const q = drawnQuery([3, 10n, 0]);
    expect(q.params).toEqual(['3,10,0']);
    expect(placeholders(q.sql)).toBe(1);
    expect(drawnQuery([]).sql).toBe(q.sql);
    expect(() => drawnQuery([1.5])).toThrow();
    expect(() => drawnQuery([Number.NaN])).toThrow();
  });

  it('builds its text only from the fixed fragments, with one placeholder per bound value, for any state', () => {
    const queries = (state: FilterState) => [studiesQuery(state, 50, 150), groupsQuery(state), poolQuery(state)];
    const empty = queries(EMPTY_STATE).map((q) => q.sql);
    const fragments = [...STUDY_FILTERS, ...ESTIMATE_FILTERS].map((f) => f.sql);
    fc.assert(
      fc.property(anyState, (state) => {
        for (const [i, query] of queries(state).entries()) {
          expect(placeholders(query.sql)).toBe(query.params.length);
          // Removing the fixed fragments and the glue leaves exactly the unfiltered statement.
          let rest = query.sql;
          for (const f of fragments) rest = rest.split(` AND ${f}`).join('').split(`WHERE ${f}`).join('WHERE');
          rest = rest.replace(/ WHERE( AND)?/, '').replace(/ s\.slug IN \(SELECT e\.slug FROM review\.estimates AS e WHERE\)/, '').replace(' WHERE', '');
          expect(rest.replace(/ +/g, ' ')).toBe(empty[i]);
        }
      }),
    );
  });
});
