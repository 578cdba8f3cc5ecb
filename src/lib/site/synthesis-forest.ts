/** An outcome × measure synthesis as forest-plot rows and options (the same mapping the outcome pages draw). */
import type { ForestOptions, ForestRow } from '../forest/types.ts';
import type { OutcomeSynthesis } from './synthesis.ts';
import { fmt } from './format.ts';

/** Rows and options for layoutForest: one row per estimate (linked to its quote), the pooled diamond when k ≥ 2. */
export function synthesisForest(s: OutcomeSynthesis, title: string, base: string): { rows: ForestRow[]; options: ForestOptions } {
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
  }));
  const p = s.pooled;
  const options: ForestOptions = {
    measure: s.measure,
    title: `${title}: ${s.measure}`,
    description: `${s.rows.length} estimate${s.rows.length === 1 ? '' : 's'} from ${s.studies} ${s.studies === 1 ? 'study' : 'studies'}${p ? `; pooled ${s.measure} ${fmt(p.estimate)} (${fmt(p.ciLow)} to ${fmt(p.ciHigh)})` : ''}`,
  };
  if (p) {
    options.pooled = { label: `Pooled (${p.method}${p.test === 'knha' ? ', Knapp-Hartung' : ''})`, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, k: p.k, I2: p.I2, tau2: p.tau2 };
  }
  return { rows, options };
}
