import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvSafeRow, neutraliseCsvText } from '../../../src/lib/data/csv-cell.ts';
import { ESTIMATE_COLUMNS, STUDY_COLUMNS, type EstimateRow } from '../../../src/lib/schema/tables.ts';

describe('neutralising CSV cells against formula injection', () => {
  for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-foo', '@SUM(A1:A9)', '\tcmd', '\r=1', '-0.08', '==']) {
    it(`prefixes the text ${JSON.stringify(text)} with a single quote`, () => {
      expect(neutraliseCsvText(text)).toBe(`'${text}`);
    });
  }

  for (const text of ['Using deep learning', "'=already quoted", ' =leading space', '', '0.5 (95% CI 0.4-0.6)', 'a=b', '\n=1']) {
    it(`leaves the text ${JSON.stringify(text)} unchanged`, () => {
      expect(neutraliseCsvText(text)).toBe(text);
    });
  }

  it('leaves numbers, booleans and missing values as they are (a negative number stays a number)', () => {
    expect(csvCell(-0.08)).toBe(-0.08);
    expect(csvCell(-12)).toBe(-12);
    expect(csvCell(true)).toBe(true);
    expect(csvCell(null)).toBe(null);
    expect(csvCell('-foo')).toBe("'-foo");
  });

  it('never leaves a text cell starting with a formula character, and only ever adds one quote in front', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCsvText(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('a table row for CSV', () => {
  const row: EstimateRow = {
    estimate_id: 's#1',
    study_id: 'doi:10.1/x',
    slug: 's',
    outcome: 'o',
    label: '=HYPERLINK("http://x","y")',
    measure: 'MD',
    value: -0.08,
    ci_low: -0.2,
    ci_high: 0.04,
    ci_level: 0.95,
    unit: 'difference',
    events: null,
    total: null,
    quote: '-0.08 (95% CI -0.20 to 0.04)',
    needs_review: false,
    review_reason: null,
    source: 'curated',
  };

  it('neutralises text columns and keeps numeric columns numbers', () => {
    expect(csvSafeRow(ESTIMATE_COLUMNS, row)).toEqual({ ...row, label: `'=HYPERLINK("http://x","y")`, quote: "'-0.08 (95% CI -0.20 to 0.04)" });
  });

  it('does not change the row it is given', () => {
    csvSafeRow(ESTIMATE_COLUMNS, row);
    expect(row.label).toBe('=HYPERLINK("http://x","y")');
  });

  it('knows which columns are text from the column definitions', () => {
    const text = STUDY_COLUMNS.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
    expect(text).toContain('title');
    expect(text).not.toContain('published_year');
  });
});
