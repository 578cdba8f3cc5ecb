import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimatesTableQuery, matchQuery, studiesTableQuery, tablesTableQuery } from '../../../src/lib/explore/sql.ts';
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
  it('reads every study, estimate and 2×2 table once, in display order, with no parameter', () => {
    expect(studiesTableQuery()).toEqual({
      sql: 'SELECT s.rowid AS study_row, s.slug, s.title, s.journal, s.published, s.published_year, s.status, s.n_participants, s.outcomes, s.rob_overall FROM review.studies AS s ORDER BY s.published DESC NULLS LAST, s.slug',
      params: [],
    });
    expect(estimatesTableQuery().sql).toMatch(/^SELECT e\.rowid AS estimate_row, s\.rowid AS study_row, .* FROM review\.estimates AS e JOIN review\.studies AS s ON s\.slug = e\.slug ORDER BY e\.outcome, e\.measure, s\.published DESC NULLS LAST, s\.slug, CAST\(split_part\(e\.estimate_id, '#', 2\) AS INTEGER\)$/);
    expect(tablesTableQuery().sql).toMatch(/ FROM review\.diagnostic_tables AS t JOIN review\.studies AS s ON s\.slug = t\.slug ORDER BY t\.outcome, s\.published DESC NULLS LAST, s\.slug, /);
    for (const q of [studiesTableQuery(), estimatesTableQuery(), tablesTableQuery()]) expect(placeholders(q.sql)).toBe(0);
  });

  it('runs no statement for the empty state, and one side per level of filter set', () => {
    expect(matchQuery(EMPTY_STATE)).toBeNull();
    expect(matchQuery({ ...EMPTY_STATE, outcome: 'wall-motion-abnormality' })).toEqual({ sql: 'SELECT 0 AS side, e.rowid AS row_id FROM review.estimates AS e WHERE e.outcome = ?', params: ['wall-motion-abnormality'] });
    expect(matchQuery({ ...EMPTY_STATE, yearFrom: 2024, q: 'Deep' })).toEqual({ sql: 'SELECT 1 AS side, s.rowid AS row_id FROM review.studies AS s WHERE s.published_year >= ? AND contains(lower(s.title), ?)', params: [2024, 'deep'] });
    const both = matchQuery({ ...EMPTY_STATE, outcome: 'wall-motion-abnormality', yearFrom: 2024, q: 'Deep' })!;
    expect(both.sql).toBe('SELECT 0 AS side, e.rowid AS row_id FROM review.estimates AS e WHERE e.outcome = ? UNION ALL SELECT 1 AS side, s.rowid AS row_id FROM review.studies AS s WHERE s.published_year >= ? AND contains(lower(s.title), ?)');
    expect(both.params).toEqual(['wall-motion-abnormality', 2024, 'deep']);
  });

  it('binds every hostile value as a parameter and never writes it into the SQL text', () => {
    for (const bad of HOSTILE) {
      const state: FilterState = { ...EMPTY_STATE, outcome: bad, measure: bad, journal: bad, status: bad, q: bad, rob: bad };
      const query = matchQuery(state)!;
      expect(query.sql).not.toContain(bad);
      expect(query.sql.toLowerCase()).not.toContain(bad.toLowerCase());
      expect(query.params).toContain(bad);
      expect(placeholders(query.sql)).toBe(query.params.length);
    }
  });

  it('builds its text only from the fixed fragments, with one placeholder per bound value, for any state', () => {
    const fragments = [...STUDY_FILTERS, ...ESTIMATE_FILTERS].map((f) => f.sql);
    fc.assert(
      fc.property(anyState, (state) => {
        const query = matchQuery(state);
        if (!query) return;
        expect(placeholders(query.sql)).toBe(query.params.length);
        // Removing the fixed fragments and the glue leaves only the fixed sides.
        let rest = query.sql;
        for (const f of fragments) rest = rest.split(` AND ${f}`).join('').split(`WHERE ${f}`).join('WHERE');
        const sides = rest.split(' UNION ALL ');
        expect(sides.every((side) => ['SELECT 0 AS side, e.rowid AS row_id FROM review.estimates AS e WHERE', 'SELECT 1 AS side, s.rowid AS row_id FROM review.studies AS s WHERE'].includes(side)), rest).toBe(true);
      }),
    );
  });
});
