/**
 * A figure's plotted rows as CSV (RFC 4180 quoting by d3-dsv: fields with commas, quotes or line
 * breaks are quoted, quotes doubled). Numbers keep full precision; missing values are empty. Text
 * cells that a spreadsheet would run as a formula (= + - @ tab CR) get a leading single quote.
 */
import { csvFormat } from 'd3-dsv';
import { csvCell } from '../data/csv-cell.ts';
import type { FigureDatum } from './types.ts';

/** The CSV's columns, in order. */
export const FIGURE_CSV_COLUMNS = [
  'label',
  'measure',
  'value',
  'ci_low',
  'ci_high',
  'ci_level',
  'weight',
  'yi',
  'sei',
  'scale',
  'study_slug',
  'estimate_id',
  'pooled',
  'note',
  'quote',
] as const;

/** One CSV line per plotted row, with a header line. */
export function figureCsv(data: readonly FigureDatum[]): string {
  const rows = data.map((d) => ({
    label: d.label,
    measure: d.measure,
    value: d.value,
    ci_low: d.ci_low,
    ci_high: d.ci_high,
    ci_level: d.ci_level,
    weight: d.weight,
    yi: d.yi,
    sei: d.sei,
    scale: d.scale,
    study_slug: d.slug,
    estimate_id: d.estimate_id,
    pooled: d.pooled ? 'TRUE' : 'FALSE',
    note: d.note,
    quote: d.quote,
  }));
  const safe = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvCell(v)])));
  return `${csvFormat(safe, [...FIGURE_CSV_COLUMNS])}\n`;
}
