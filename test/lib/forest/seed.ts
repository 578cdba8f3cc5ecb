/** The first seed record's five AUCs (echocardiography deep learning vs CMR labels), as forest rows. */
import type { ForestOptions, ForestRow } from '../../../src/lib/forest/layout.ts';

/** Rows for WMA, LGE, native T1, T2 and ECV, in the order the abstract reports them. */
export const seedAucRows: ForestRow[] = [
  { id: 'wma', label: 'Wall motion abnormality (WMA)', value: 0.873, ciLow: 0.816, ciHigh: 0.922 },
  { id: 'lge', label: 'Late gadolinium enhancement (LGE)', value: 0.699, ciLow: 0.613, ciHigh: 0.78 },
  { id: 'native-t1', label: 'Native T1', value: 0.614, ciLow: 0.5, ciHigh: 0.715 },
  { id: 't2', label: 'T2', value: 0.553, ciLow: 0.42, ciHigh: 0.692 },
  { id: 'ecv', label: 'Extracellular volume (ECV)', value: 0.564, ciLow: 0.455, ciHigh: 0.691 },
];

/** Options for the seed plot: AUC against the 0.5 line. */
export const seedAucOptions: ForestOptions = {
  measure: 'AUC',
  title: 'Echocardiography deep learning: AUC for CMR-derived labels',
};
