import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_STATE, MAX_NOTICES, MAX_QUERY_LENGTH, formValues, isEmptyState, parseState, serializeState, type FilterState, type Vocabulary } from '../../../src/lib/explore/state.ts';

const vocab: Vocabulary = {
  outcomes: ['wall-motion-abnormality', 'late-gadolinium-enhancement'],
  measures: ['AUC', 'sensitivity'],
  journals: ['medRxiv', 'BMC Oral Health', 'Journal of Cancer Research & Clinical Oncology'],
  statuses: ['included', 'excluded', 'pending'],
};

const full: FilterState = {
  outcome: 'wall-motion-abnormality',
  measure: 'AUC',
  yearFrom: 2020,
  yearTo: 2025,
  journal: 'Journal of Cancer Research & Clinical Oncology',
  status: 'included',
  minN: 100,
  valueMin: 0.5,
  valueMax: 0.95,
  q: 'deep learning & "echo" <b>',
  rob: 'not-assessed',
  excludeHighRob: 1,
};

describe('the filter state in the URL', () => {
  it('round-trips a state with every filter set', () => {
    const query = serializeState(full);
    expect(parseState(query, vocab)).toEqual({ state: full, notices: [] });
    expect(parseState(`?${query}`, vocab).state).toEqual(full);
  });

  it('writes only the filters that are set, in a fixed order', () => {
    expect(serializeState(EMPTY_STATE)).toBe('');
    expect(serializeState({ ...EMPTY_STATE, q: 'a b', outcome: 'wall-motion-abnormality' })).toBe('outcome=wall-motion-abnormality&q=a+b');
  });

  it('round-trips any state built from the vocabulary, numbers and text', () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const state = fc.record<FilterState>({
      outcome: opt(fc.constantFrom(...vocab.outcomes)),
      measure: opt(fc.constantFrom(...vocab.measures)),
      yearFrom: opt(fc.integer({ min: 1000, max: 9999 })),
      yearTo: opt(fc.integer({ min: 1000, max: 9999 })),
      journal: opt(fc.constantFrom(...vocab.journals)),
      status: opt(fc.constantFrom(...vocab.statuses)),
      minN: opt(fc.integer({ min: 0, max: 999_999_999 })),
      valueMin: opt(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
      valueMax: opt(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
      q: opt(fc.string({ minLength: 1, maxLength: MAX_QUERY_LENGTH }).map((s) => s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim() || 'x')),
      rob: opt(fc.constantFrom('low', 'unclear', 'high', 'not-assessed')),
      excludeHighRob: opt(fc.constant(1)),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(parseState(serializeState(s), vocab)).toEqual({ state: s, notices: [] });
      }),
    );
  });

  it('treats empty form fields as unset, without notices (what a GET form submits)', () => {
    const submitted = 'outcome=&measure=AUC&value_min=&value_max=&q=&year_from=&year_to=&journal=&status=&min_n=';
    expect(parseState(submitted, vocab)).toEqual({ state: { ...EMPTY_STATE, measure: 'AUC' }, notices: [] });
  });

  it('gives the form its fields back', () => {
    expect(formValues({ ...EMPTY_STATE, yearFrom: 2024, q: 'x' })).toMatchObject({ year_from: '2024', q: 'x', outcome: '', min_n: '' });
    expect(isEmptyState(EMPTY_STATE)).toBe(true);
    expect(isEmptyState({ ...EMPTY_STATE, minN: 0 })).toBe(false);
  });
});

describe('hostile or invalid parameters', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown outcome', 'outcome=not-an-outcome', /^Ignored outcome "not-an-outcome": not an outcome of this review\.$/],
    ['markup as outcome', 'outcome=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /^Ignored outcome "<script>alert\(1\)<\/script>"/],
    ['SQL as journal', 'journal=1%3B%20DROP%20TABLE%20studies', /^Ignored journal "1; DROP TABLE studies"/],
    ['SQL as measure', "measure=AUC'%20OR%20'1'%3D'1", /^Ignored measure "AUC' OR '1'='1"/],
    ['unknown status', 'status=included%20--', /^Ignored status "included --"/],
    ['SQL as year', 'year_from=2024%20OR%201%3D1', /^Ignored year_from "2024 OR 1=1": not a four-digit year\.$/],
    ['two-digit year', 'year_to=24', /^Ignored year_to "24"/],
    ['negative sample size', 'min_n=-5', /^Ignored min_n "-5"/],
    ['fractional sample size', 'min_n=1.5', /^Ignored min_n "1.5"/],
    ['infinite value', 'value_min=Infinity', /^Ignored value_min "Infinity": not a number\.$/],
    ['hex value', 'value_max=0x10', /^Ignored value_max "0x10"/],
    ['NaN value', 'value_max=NaN', /^Ignored value_max "NaN"/],
    ['unknown parameter', 'drop=table', /^Ignored unknown parameter "drop"\.$/],
    ['a judgement outside the vocabulary', 'rob=moderate', /^Ignored rob "moderate": not a risk-of-bias judgement \(low, unclear, high, not-assessed\)\.$/],
    ['low written in capitals', 'rob=LOW', /^Ignored rob "LOW"/],
    ['a checkbox value other than 1', 'exclude_high_rob=yes', /^Ignored exclude_high_rob "yes": use 1 to exclude the studies at high risk of bias\.$/],
    ['SQL as the exclude control', "exclude_high_rob=1%27%20OR%20%271", /^Ignored exclude_high_rob "1' OR '1"/],
    ['markup as parameter name', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1', /^Ignored unknown parameter "<img src=x onerror=alert\(1\)>"\.$/],
  ];
  for (const [name, query, notice] of cases) {
    it(`ignores ${name} with a notice quoting it as text`, () => {
      const { state, notices } = parseState(query, vocab);
      expect(state).toEqual(EMPTY_STATE);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(notice);
    });
  }

  it('keeps the valid filters next to ignored ones', () => {
    const { state, notices } = parseState('outcome=%3Cscript%3Ealert(1)%3C%2Fscript%3E&journal=1;%20DROP%20TABLE%20studies&measure=AUC', vocab);
    expect(state).toEqual({ ...EMPTY_STATE, measure: 'AUC' });
    expect(notices).toHaveLength(2);
  });

  it('keeps the first of repeated parameters', () => {
    const { state, notices } = parseState('measure=AUC&measure=sensitivity', vocab);
    expect(state.measure).toBe('AUC');
    expect(notices).toEqual(['Ignored a second value for measure.']);
  });

  it('accepts hostile text as a title search (it is only ever a bound parameter), without controls', () => {
    const { state, notices } = parseState(`q=${encodeURIComponent("x'); DROP TABLE studies; --\u0000<script>\u202E")}`, vocab);
    expect(notices).toEqual([]);
    expect(state.q).toBe("x'); DROP TABLE studies; -- <script>");
  });

  it('shortens an overlong title search, with a notice', () => {
    const { state, notices } = parseState(`q=${'a'.repeat(5000)}`, vocab);
    expect(state.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(notices).toEqual([`Shortened the title search to its first ${MAX_QUERY_LENGTH} characters.`]);
  });

  it('quotes at most 60 characters of an ignored value, without control characters', () => {
    const { notices } = parseState(`outcome=${encodeURIComponent('\u0007'.repeat(3) + 'x'.repeat(500))}`, vocab);
    expect(notices[0]).toBe(`Ignored outcome "${'x'.repeat(59)}…": not an outcome of this review.`);
  });

  it('gives one notice for a parameter repeated 3,000 times, counting the ignored values', () => {
    const { state, notices } = parseState(Array.from({ length: 3000 }, (_, i) => `q=term${i}`).join('&'), vocab);
    expect(state.q).toBe('term0');
    expect(notices).toEqual(['Ignored 2,999 further values for q: only the first is used.']);
  });

  it('counts one problem repeated many times in a single notice', () => {
    const { notices } = parseState(Array.from({ length: 500 }, () => 'drop=table').join('&'), vocab);
    expect(notices).toEqual(['Ignored unknown parameter "drop" (500 times).']);
  });

  it(`lists at most ${MAX_NOTICES} distinct problems and counts the rest in one closing notice`, () => {
    const query = [...Array.from({ length: 3000 }, (_, i) => `p${i}=1`), 'outcome=nope', 'measure=AUC', 'measure=PPV'].join('&');
    const { state, notices } = parseState(query, vocab);
    expect(state).toEqual({ ...EMPTY_STATE, measure: 'AUC' });
    expect(notices).toHaveLength(MAX_NOTICES + 1);
    expect(notices.slice(0, MAX_NOTICES)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `Ignored unknown parameter "p${i}".`));
    expect(notices[MAX_NOTICES]).toBe(`Ignored ${(3000 - MAX_NOTICES + 2).toLocaleString('en-US')} more problems in the address, not listed.`);
  });

  it('keeps notices in the order the problems first appear', () => {
    const { notices } = parseState('measure=AUC&measure=PPV&drop=1&measure=F1&outcome=nope', vocab);
    expect(notices).toEqual(['Ignored 2 further values for measure: only the first is used.', 'Ignored unknown parameter "drop".', 'Ignored outcome "nope": not an outcome of this review.']);
  });
});
