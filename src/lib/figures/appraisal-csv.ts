/**
 * An appraisal figure's data as CSV (RFC 4180 quoting by d3-dsv; text cells neutralised against
 * spreadsheet formulas): the traffic-light plot one line per study with its judgement per domain;
 * the summary plot one line per domain with the percentage at each level; the funnel plot one line
 * per study with its effect and precision, then the pooled line. Numbers keep full precision.
 */
import { csvFormat } from 'd3-dsv';
import { csvCell } from '../data/csv-cell.ts';
import { robSummaryLayout } from './appraisal-standalone.ts';
import type { AppraisalFigure, FunnelFigure, RobFigure } from './appraisal-types.ts';

function format(rows: Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvCell(v ?? null)])));
  return `${csvFormat(safe as Record<string, string>[], [...columns])}\n`;
}

/** The traffic-light CSV's columns for a figure: label, slug, tool, one column per domain (d1…), overall, weight. */
export function trafficLightColumns(f: RobFigure): string[] {
  return ['label', 'study_slug', 'tool', ...f.domains.map((_, i) => `d${i + 1}`), 'overall', 'weight'];
}

function trafficLightCsv(f: RobFigure): string {
  const rows = f.studies.map((s) => ({
    label: s.label,
    study_slug: s.slug,
    tool: s.tool,
    ...Object.fromEntries(s.levels.map((l, i) => [`d${i + 1}`, l])),
    overall: s.overall,
    weight: s.weight,
  }));
  return format(rows, trafficLightColumns(f));
}

/** The summary CSV's columns. */
export const ROB_SUMMARY_CSV_COLUMNS = ['domain', 'short', 'low', 'unclear', 'high', 'not_assessed', 'basis'] as const;

function summaryCsv(f: RobFigure): string {
  const L = robSummaryLayout(f, { portable: true });
  const basis = L.weighted ? `percent of total weight in ${f.weightSource ?? 'the pooled estimate'}` : 'percent of studies';
  const rows = L.bars.map((b) => {
    const pct = (level: string) => b.segments.find((s) => s.level === level)?.percent ?? 0;
    return { domain: b.labelFull, short: b.short, low: pct('low'), unclear: pct('unclear'), high: pct('high'), not_assessed: pct('not-assessed'), basis };
  });
  return format(rows, ROB_SUMMARY_CSV_COLUMNS);
}

/** The funnel CSV's columns (`sei` holds 1/√ESS for the Deeks funnel). */
export const FUNNEL_CSV_COLUMNS = ['row_type', 'label', 'study_slug', 'id', 'yi', 'sei', 'scale', 'note'] as const;

function funnelCsv(f: FunnelFigure): string {
  const deeks = f.variant === 'deeks';
  const rows: Record<string, unknown>[] = f.points.map((p) => ({
    row_type: 'study',
    label: p.label,
    study_slug: p.slug,
    id: p.id,
    yi: p.effect,
    sei: p.se,
    scale: f.scale,
    note: deeks ? 'yi = ln DOR (0.5 added to every cell of a table with a zero cell); sei column = 1/sqrt(ESS), ESS = 4 n1 n0 / (n1 + n0)' : null,
  }));
  if (f.pooled !== null) rows.push({ row_type: 'pooled', label: 'Pooled estimate', yi: f.pooled, scale: f.scale, note: f.pooledMethod });
  return format(rows, FUNNEL_CSV_COLUMNS);
}

/** The CSV of an appraisal figure. */
export function appraisalCsv(f: AppraisalFigure): string {
  if (f.kind === 'funnel') return funnelCsv(f);
  return f.kind === 'rob-traffic-light' ? trafficLightCsv(f) : summaryCsv(f);
}
