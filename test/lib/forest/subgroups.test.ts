/**
 * The subgroup forest plot: rows grouped under a header per subgroup, each closed by its diamond,
 * then the overall diamond and the footnote; every other plot's layout is untouched.
 */
import { describe, expect, it } from 'vitest';
import { layoutForest, type ForestOptions, type ForestRow } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import { forestTableRows } from '../../../src/lib/forest/table.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';
import { parseXml } from './xml.ts';

const rows: ForestRow[] = [
  { id: 'a', label: 'Alpha 2020', value: 0.6, ciLow: 0.3, ciHigh: 1.2, weight: 40, subgroup: 'mri' },
  { id: 'b', label: 'Beta 2021', value: 1.8, ciLow: 0.9, ciHigh: 3.6, weight: 70, subgroup: 'echo' },
  { id: 'c', label: 'Gamma 2022', value: 0.9, ciLow: 0.5, ciHigh: 1.6, weight: 60, subgroup: 'mri' },
  { id: 'd', label: 'Delta 2023', value: 1.1, ciLow: 0.6, ciHigh: 2.0, weight: 30, subgroup: 'echo' },
];
const diamond = (label: string, estimate: number, ciLow: number, ciHigh: number) => ({ label, estimate, ciLow, ciHigh, k: 2, I2: 10, tau2: 0.01 });
const options: ForestOptions = {
  measure: 'OR',
  title: 'Odds ratios by modality',
  subgroups: [
    { id: 'mri', label: 'MRI <b> (k = 2)', pooled: diamond('Subgroup MRI', 0.75, 0.45, 1.25) },
    { id: 'echo', label: 'Echo (k = 2)', pooled: diamond('Subgroup echo', 1.4, 0.8, 2.4) },
  ],
  pooled: diamond('Overall', 1.0, 0.7, 1.4),
  footnote: ['Test for subgroup differences: Q = 2.10, df = 1, p = 0.147', 'Mixed-effects moderator test: F(1, 2) = 2.00, p = 0.29'],
};
const L = layoutForest(rows, options);

describe('layoutForest with subgroups', () => {
  it('draws each subgroup as a header, its rows in order, then its diamond, before the overall diamond and the footnote', () => {
    expect(L.rows.map((r) => [r.id, r.subgroup])).toEqual([['a', 'mri'], ['c', 'mri'], ['b', 'echo'], ['d', 'echo']]);
    const [mri, echo] = L.subgroups!;
    const ys = [mri!.y, L.rows[0]!.y, L.rows[1]!.y, mri!.pooled!.y, echo!.y, L.rows[2]!.y, L.rows[3]!.y, echo!.pooled!.y, L.pooled!.y, L.footnote![0]!.y, L.footnote![1]!.y, L.axis.y];
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
    expect(new Set(ys).size).toBe(ys.length);
    expect(L.footnote!.map((f) => f.text)).toEqual(options.footnote);
    expect(L.nullLine!.y2).toBeLessThan(L.footnote![0]!.y - 12);
    expect(mri!.labelFull).toBe('MRI <b> (k = 2)');
  });

  it('keeps rows of no declared subgroup and invalid subgroup diamonds out, with a reason', () => {
    const odd = layoutForest([...rows, { id: 'e', label: 'Epsilon', value: 1, ciLow: 0.5, ciHigh: 2, subgroup: 'ct' }], {
      ...options,
      subgroups: [options.subgroups![0]!, { id: 'echo', label: 'Echo', pooled: { label: 'bad', estimate: -1, ciLow: -2, ciHigh: 0 } }],
    });
    expect(odd.skipped.map((s) => s.id)).toEqual(['e', 'pooled-echo']);
    expect(odd.subgroups!.map((g) => [g.id, g.pooled === null])).toEqual([['mri', false], ['echo', true]]);
    expect(odd.rows).toHaveLength(4);
  });

  it('covers the subgroup diamonds on the axis', () => {
    const wide = layoutForest(rows, { ...options, subgroups: [{ id: 'mri', label: 'MRI', pooled: diamond('MRI', 0.2, 0.05, 0.9) }, options.subgroups![1]!] });
    expect(wide.axis.domain[0]).toBeLessThanOrEqual(0.05);
  });

  it('renders headers, diamonds and the footnote as escaped, well-formed SVG, and tabulates rows by subgroup', () => {
    for (const standalone of [false, true]) {
      const svg = renderForestSvg(L, { idPrefix: 'sg', standalone });
      expect(parseXml(svg).errors).toEqual([]);
      expect(svg).toContain('MRI &lt;b&gt; (k = 2)');
      expect(svg).not.toContain('<b>');
      expect(svg.match(/class="forest-subgroup"/g)).toHaveLength(2);
      expect(svg.match(/class="forest-diamond"/g)).toHaveLength(3);
      expect(svg.match(/class="forest-footnote"/g)).toHaveLength(2);
    }
    expect(renderForestSvg(L, { standalone: true })).toContain('.forest-plot .forest-footnote{font-size:11px}');
    expect(forestTableRows(L).map((r) => [r.label.split(' (')[0], r.subgroup ?? null, r.pooled])).toEqual([
      ['Alpha 2020', 'MRI <b> (k = 2)', false],
      ['Gamma 2022', 'MRI <b> (k = 2)', false],
      ['Subgroup MRI', 'MRI <b> (k = 2)', true],
      ['Beta 2021', 'Echo (k = 2)', false],
      ['Delta 2023', 'Echo (k = 2)', false],
      ['Subgroup echo', 'Echo (k = 2)', true],
      ['Overall', null, true],
    ]);
  });

  it('leaves a plot without subgroups exactly as before: no subgroup fields, same SVG with rows that carry a subgroup id', () => {
    const plain = layoutForest(seedAucRows, seedAucOptions);
    expect(plain.subgroups).toBeUndefined();
    expect(plain.footnote).toBeUndefined();
    expect(plain.rows.some((r) => 'subgroup' in r)).toBe(false);
    const tagged = layoutForest(seedAucRows.map((r) => ({ ...r, subgroup: 'x' })), seedAucOptions);
    expect(renderForestSvg(tagged, { standalone: true })).toBe(renderForestSvg(plain, { standalone: true }));
  });
});
