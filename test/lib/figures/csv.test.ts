import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { FIGURE_CSV_COLUMNS, figureCsv } from '../../../src/lib/figures/csv.ts';
import { AUC_VALUES, HOSTILE, pooledFigure } from './fixtures.ts';

describe('the figure CSV', () => {
  it('has one header line with the documented columns and one record per plotted row', () => {
    const fig = pooledFigure('AUC', AUC_VALUES);
    const csv = figureCsv(fig.data);
    expect(csv.split('\n')[0]).toBe(FIGURE_CSV_COLUMNS.join(','));
    const rows = csvParse(csv);
    expect(rows).toHaveLength(fig.data.length);
    expect(rows.map((r) => Number(r.yi))).toEqual(fig.data.map((d) => d.yi));
    expect(rows.map((r) => Number(r.sei))).toEqual(fig.data.map((d) => d.sei));
    expect(rows[0]).toMatchObject({ measure: 'AUC', value: '0.81', ci_low: '0.75', ci_high: '0.86', ci_level: '0.95', scale: 'logit', study_slug: 's0', estimate_id: 's0#1', pooled: 'TRUE' });
  });

  it('quotes labels and quotes with commas, double quotes and line breaks, and reads them back unchanged', () => {
    const fig = pooledFigure('AUC', [...AUC_VALUES, [0.6, 0.5, 0.7]], HOSTILE);
    fig.data = fig.data.map((d, i) => ({ ...d, quote: `${HOSTILE[i]}, quoted "again"` }));
    const csv = figureCsv(fig.data);
    expect(csv).toContain('"Smith, ""J."" 2021"');
    expect(csv).toContain('"line one\nline two\r\nthree"');
    const rows = csvParse(csv);
    expect(rows.map((r) => r.label)).toEqual(HOSTILE);
    expect(rows.map((r) => r.quote)).toEqual(HOSTILE.map((h) => `${h}, quoted "again"`));
  });

  it('leaves missing values empty', () => {
    const fig = pooledFigure('AUC', AUC_VALUES.slice(0, 1));
    const csv = figureCsv([{ ...fig.data[0]!, ci_low: null, ci_high: null, yi: null, sei: null, weight: null, quote: null }]);
    const [row] = csvParse(csv);
    expect(row).toMatchObject({ ci_low: '', ci_high: '', yi: '', sei: '', weight: '', quote: '', pooled: 'FALSE' });
  });

  it('prefixes text cells a spreadsheet would run as a formula with a single quote, and keeps negative numbers numbers', () => {
    const fig = pooledFigure('AUC', AUC_VALUES.slice(0, 1));
    const hostile = { ...fig.data[0]!, label: '=HYPERLINK("http://x","y")', note: '@SUM(A1)', quote: '-foo', yi: -0.08, sei: 0.1 };
    const csv = figureCsv([hostile]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const [row] = csvParse(csv);
    expect(row).toMatchObject({ label: `'=HYPERLINK("http://x","y")`, note: "'@SUM(A1)", quote: "'-foo", yi: '-0.08', sei: '0.1' });
  });
});

