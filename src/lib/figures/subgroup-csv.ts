/** A subgroup forest plot's data as CSV: one line per study (with its subgroup), then one per subgroup and the overall estimate. */
import { csvFormat } from 'd3-dsv';
import { csvCell } from '../data/csv-cell.ts';
import type { SubgroupFigure } from './subgroup-registry.ts';

/** The CSV's columns, in order. */
export const SUBGROUP_CSV_COLUMNS = ['row_type', 'characteristic', 'subgroup', 'label', 'measure', 'value', 'ci_low', 'ci_high', 'weight', 'yi', 'sei', 'scale', 'k', 'tau2', 'study_slug', 'estimate_id'] as const;

/** Study rows (yi, sei on the pooling scale, within-subgroup weight), then subgroup and overall rows (estimate and SE on the pooling scale). */
export function subgroupFigureCsv(f: SubgroupFigure): string {
  const a = f.subgroup;
  const labelOf = new Map(a.levels.map((l) => [l.level, l.label]));
  const scale = f.data[0]?.scale ?? null;
  const rows: Record<string, unknown>[] = f.data.map((d, i) => ({
    row_type: 'study', characteristic: a.characteristic.id, subgroup: labelOf.get(a.group[i]!) ?? a.group[i], label: d.label, measure: d.measure,
    value: d.value, ci_low: d.ci_low, ci_high: d.ci_high, weight: d.weight, yi: d.yi, sei: d.sei, scale: d.scale, k: 1, tau2: null, study_slug: d.slug, estimate_id: d.estimate_id,
  }));
  for (const l of a.levels) rows.push({ row_type: 'subgroup', characteristic: a.characteristic.id, subgroup: l.label, label: `Subgroup ${l.label}`, measure: f.measure, yi: l.estimate, sei: l.se, scale, k: l.k, tau2: l.tau2 });
  rows.push({ row_type: 'overall', characteristic: a.characteristic.id, subgroup: null, label: 'Overall', measure: f.measure, yi: a.overall.estimate, sei: a.overall.se, scale, k: a.overall.k, tau2: a.overall.tau2 });
  const safe = rows.map((r) => Object.fromEntries(SUBGROUP_CSV_COLUMNS.map((c) => [c, csvCell((r[c] ?? null) as string | number | boolean | null)])));
  return `${csvFormat(safe, [...SUBGROUP_CSV_COLUMNS])}\n`;
}
