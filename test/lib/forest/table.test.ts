import { describe, expect, it } from 'vitest';
import { layoutForest } from '../../../src/lib/forest/layout.ts';
import { forestTableRows } from '../../../src/lib/forest/table.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';

describe('forestTableRows', () => {
  it('lists each plotted row with its full label, estimate, CI and weight', () => {
    const rows = forestTableRows(layoutForest(seedAucRows, seedAucOptions));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ label: 'Wall motion abnormality (WMA)', value: '0.87', ci: '0.82 to 0.92', weight: '', pooled: false });
  });

  it('ends with the pooled estimate, its prediction interval and heterogeneity', () => {
    const pooled = { label: 'Pooled', estimate: 0.66, ciLow: 0.56, ciHigh: 0.76, piLow: 0.4, piHigh: 0.93, k: 5, I2: 72 };
    const rows = forestTableRows(layoutForest(seedAucRows, { ...seedAucOptions, pooled }));
    expect(rows.at(-1)).toEqual({
      label: 'Pooled (prediction interval 0.40 to 0.93; k = 5, I² = 72%)',
      value: '0.66',
      ci: '0.56 to 0.76',
      weight: '',
      pooled: true,
    });
  });

  it('leaves out skipped rows and carries weights and links', () => {
    const rows = forestTableRows(
      layoutForest(
        [
          { id: 'a', label: 'A', value: 1.2, ciLow: 0.9, ciHigh: 1.6, weight: 62.5, href: '/studies/a/' },
          { id: 'b', label: 'B', value: -1, ciLow: 0.9, ciHigh: 1.6, weight: 37.5 },
        ],
        { measure: 'OR', title: 'OR' },
      ),
    );
    expect(rows).toEqual([{ label: 'A', value: '1.20', ci: '0.90 to 1.60', weight: '62.5%', href: '/studies/a/', pooled: false }]);
  });
});
