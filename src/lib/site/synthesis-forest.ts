/** An outcome × measure synthesis as forest-plot rows and options (the same mapping the outcome pages draw). */
import type { ForestOptions, ForestRow } from '../forest/types.ts';
import type { OutcomeSynthesis } from './synthesis.ts';
import { fmt } from './format.ts';
import type { RobLevel } from '../schema/risk-of-bias-tools.ts';

/** The risk-of-bias column of a plot: the tool's column labels and each study's levels by slug (a study missing from the map is drawn not assessed). */
export interface ForestRobColumn {
  labels: { short: string; label: string }[];
  levels: ReadonlyMap<string, readonly RobLevel[]>;
}

/**
 * Rows and options for layoutForest: one row per estimate (linked to its quote), the pooled diamond
 * when k ≥ 2, and with `rob` (only when some study of the plot is assessed) a risk-of-bias column.
 */
export function synthesisForest(s: OutcomeSynthesis, title: string, base: string, rob: ForestRobColumn | null = null): { rows: ForestRow[]; options: ForestOptions } {
  const rows: ForestRow[] = s.rows.map((r) => ({
    id: r.estimateId,
    label: r.title.length > 48 ? `${r.title.slice(0, 46)}…` : r.title,
    sublabel: r.notPooled ? `${r.label} · not pooled: ${r.notPooled}` : r.label,
    value: r.value,
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    weight: r.weight,
    href: `${base}studies/${r.slug}/#q-${r.estimateId.split('#')[1]}`,
    measure: s.measure,
    ...(rob ? { rob: rob.levels.get(r.slug) ?? rob.labels.map((): RobLevel => 'not-assessed') } : {}),
  }));
  const p = s.pooled;
  const options: ForestOptions = {
    measure: s.measure,
    title: `${title}: ${s.measure}`,
    description: `${s.rows.length} estimate${s.rows.length === 1 ? '' : 's'} from ${s.studies} ${s.studies === 1 ? 'study' : 'studies'}${p ? `; pooled ${s.measure} ${fmt(p.estimate)} (${fmt(p.ciLow)} to ${fmt(p.ciHigh)})` : ''}`,
  };
  if (rob) options.robLabels = rob.labels;
  if (p) {
    options.pooled = { label: `Pooled (${p.method}${p.test === 'knha' ? ', Knapp-Hartung' : ''})`, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, k: p.k, I2: p.I2, tau2: p.tau2 };
  }
  return { rows, options };
}
