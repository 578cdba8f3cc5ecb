import { describe, expect, it } from 'vitest';
import { layoutForest, type ForestLayout, type ForestRow } from '../../../src/lib/forest/layout.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';

const tickValues = (l: ForestLayout) => l.axis.ticks.map((t) => t.value);
const xOf = (l: ForestLayout, v: number) => {
  const { x0, x1, domain, scale } = l.axis;
  const f = scale === 'log' ? (u: number) => Math.log(u) : (u: number) => u;
  return x0 + ((f(v) - f(domain[0])) / (f(domain[1]) - f(domain[0]))) * (x1 - x0);
};

describe('layoutForest on the seed record (five AUCs against 0.5)', () => {
  const l = layoutForest(seedAucRows, seedAucOptions);
  const row = (id: string) => l.rows.find((r) => r.id === id)!;

  it('draws the dashed line of no effect at 0.5, and 0.5 is one of the ticks', () => {
    expect(l.nullLine?.value).toBe(0.5);
    expect(tickValues(l)).toContain(0.5);
    expect(l.axis.ticks.find((t) => t.value === 0.5)?.x).toBe(l.nullLine?.x);
  });

  it('draws a regular grid of ticks that contains 0.5 rather than squeezing it in', () => {
    expect(tickValues(l)).toEqual([0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('uses a linear axis whose domain stays inside [0, 1]', () => {
    expect(l.axis.scale).toBe('linear');
    expect(l.axis.domain[0]).toBeGreaterThanOrEqual(0);
    expect(l.axis.domain[1]).toBeLessThanOrEqual(1);
  });

  // The brief expected WMA alone here, but LGE's reported CI [0.613, 0.780] also excludes 0.5;
  // the plot must show the numbers as reported.
  it('puts the WMA and LGE confidence intervals entirely right of the 0.5 line and no others', () => {
    const nullX = l.nullLine!.x;
    const rightOfNull = l.rows.filter((r) => r.ci!.x1 > nullX).map((r) => r.id);
    expect(rightOfNull).toEqual(['wma', 'lge']);
  });

  it('lets the T2 and ECV confidence intervals cross the 0.5 line', () => {
    const nullX = l.nullLine!.x;
    const crossing = l.rows.filter((r) => r.ci!.x1 < nullX && r.ci!.x2 > nullX).map((r) => r.id);
    expect(crossing).toEqual(['t2', 'ecv']);
  });

  it('lets the native T1 confidence interval touch the 0.5 line exactly', () => {
    expect(row('native-t1').ci!.x1).toBe(l.nullLine!.x);
  });

  it('writes "value [CI]" and a text alternative with two decimals by default', () => {
    expect(row('wma').valueText).toBe('0.87 [0.82, 0.92]');
    expect(row('wma').textAlt).toBe('Wall motion abnormality (WMA): AUC 0.87 (0.82 to 0.92)');
    expect(row('wma').weightText).toBe('');
    expect(row('native-t1').valueText).toBe('0.61 [0.50, 0.72]');
  });

  it('writes three decimals when asked', () => {
    const l3 = layoutForest(seedAucRows, { ...seedAucOptions, digits: 3 });
    expect(l3.rows[0]!.valueText).toBe('0.873 [0.816, 0.922]');
  });

  it('draws equal squares when no row has a weight', () => {
    expect(new Set(l.rows.map((r) => r.square.size)).size).toBe(1);
  });

  it('keeps every confidence interval inside the axis without arrows', () => {
    for (const r of l.rows) {
      expect(r.ci!.x1).toBeGreaterThanOrEqual(l.axis.x0);
      expect(r.ci!.x2).toBeLessThanOrEqual(l.axis.x1);
      expect(r.ci!.arrowLeft || r.ci!.arrowRight).toBe(false);
    }
  });

  it('is deterministic and rounds every coordinate to 0.01 px', () => {
    expect(layoutForest(seedAucRows, seedAucOptions)).toEqual(l);
    const coords = [...l.rows.flatMap((r) => [r.y, r.point.x, r.ci!.x1, r.ci!.x2, r.square.size]), ...l.axis.ticks.map((t) => t.x)];
    for (const c of coords) expect(Math.abs(c * 100 - Math.round(c * 100))).toBeLessThan(1e-6);
  });
});

describe('layoutForest axes and lines of no effect', () => {
  const ors: ForestRow[] = [
    { id: 'a', label: 'A', value: 0.6, ciLow: 0.3, ciHigh: 1.2 },
    { id: 'b', label: 'B', value: 1.8, ciLow: 0.9, ciHigh: 3.5 },
  ];

  it('uses a log axis with doubling ticks (0.25, 0.5, 1, 2, 4) and the null at 1 for odds ratios', () => {
    const l = layoutForest(ors, { measure: 'OR', title: 'OR' });
    expect(l.axis.scale).toBe('log');
    expect(tickValues(l)).toEqual([0.25, 0.5, 1, 2, 4]);
    expect(l.nullLine?.value).toBe(1);
    expect(l.axis.label).toBe('OR (log scale)');
  });

  it('uses log axes for hazard and risk ratios too', () => {
    expect(layoutForest(ors, { measure: 'HR', title: 'HR' }).axis.scale).toBe('log');
    expect(layoutForest(ors, { measure: 'RR', title: 'RR' }).axis.scale).toBe('log');
  });

  it('uses powers of ten on a log axis spanning many orders of magnitude, still including 1', () => {
    const l = layoutForest([{ id: 'a', label: 'A', value: 3, ciLow: 0.002, ciHigh: 900 }], { measure: 'OR', title: 'OR' });
    expect(tickValues(l)).toContain(1);
    for (const v of tickValues(l)) expect(Math.log10(v) % 1).toBeCloseTo(0, 9);
  });

  it('draws the null at 0 among the ticks of a linear axis for mean differences', () => {
    const l = layoutForest(
      [
        { id: 'a', label: 'A', value: -2.3, ciLow: -4.1, ciHigh: -0.5 },
        { id: 'b', label: 'B', value: 1.2, ciLow: 0.4, ciHigh: 2.8 },
      ],
      { measure: 'MD', title: 'MD' },
    );
    expect(l.axis.scale).toBe('linear');
    expect(l.nullLine?.value).toBe(0);
    expect(tickValues(l)).toContain(0);
  });

  it('includes the null among the ticks even when it is not a round tick value', () => {
    const l = layoutForest(seedAucRows, { ...seedAucOptions, nullValue: 0.55 });
    expect(tickValues(l)).toContain(0.55);
    expect(l.nullLine?.x).toBe(l.axis.ticks.find((t) => t.value === 0.55)?.x);
  });

  it('draws no line of no effect for sensitivity unless one is given', () => {
    const rows: ForestRow[] = [{ id: 's', label: 'S', value: 0.91, ciLow: 0.85, ciHigh: 0.95 }];
    expect(layoutForest(rows, { measure: 'sensitivity', title: 'Se' }).nullLine).toBeNull();
    const given = layoutForest(rows, { measure: 'sensitivity', title: 'Se', nullValue: 0.8 });
    expect(given.nullLine?.value).toBe(0.8);
    expect(tickValues(given)).toContain(0.8);
  });

  it('draws no line of no effect when nullValue is null', () => {
    expect(layoutForest(seedAucRows, { ...seedAucOptions, nullValue: null }).nullLine).toBeNull();
  });

  it('treats AUCs written as percentages as percentages: null at 50, domain inside [0, 100]', () => {
    const l = layoutForest([{ id: 'a', label: 'A', value: 87, ciLow: 81, ciHigh: 92 }], { measure: 'AUC', title: 'AUC %' });
    expect(l.nullLine?.value).toBe(50);
    expect(l.axis.domain[0]).toBeGreaterThanOrEqual(0);
    expect(l.axis.domain[1]).toBeLessThanOrEqual(100);
  });

  it('honours a linear scale asked for on a ratio measure', () => {
    expect(layoutForest(ors, { measure: 'OR', title: 'OR', scale: 'linear' }).axis.scale).toBe('linear');
  });
});

describe('layoutForest intervals, squares and the pooled row', () => {
  it('clips a confidence interval that runs off the axis and marks arrows on the clipped sides', () => {
    const l = layoutForest([{ id: 'a', label: 'A', value: 1.2, ciLow: 0.3, ciHigh: 5 }], { measure: 'OR', title: 'OR', domain: [0.5, 2] });
    const ci = l.rows[0]!.ci!;
    expect(ci).toEqual({ x1: l.axis.x0, x2: l.axis.x1, arrowLeft: true, arrowRight: true });
  });

  it('keeps the point on the axis and flags it when the estimate itself is off the axis', () => {
    const l = layoutForest([{ id: 'a', label: 'A', value: 3, ciLow: 1.5, ciHigh: 6 }], { measure: 'OR', title: 'OR', domain: [0.5, 2] });
    expect(l.rows[0]!.point).toEqual({ x: l.axis.x1, inDomain: false });
    expect(l.rows[0]!.ci!.arrowLeft).toBe(false);
  });

  it('sizes squares so that their area is proportional to the weight', () => {
    const rows: ForestRow[] = [10, 40, 50].map((w, i) => ({ id: `r${i}`, label: `R${i}`, value: 1, ciLow: 0.5, ciHigh: 2, weight: w }));
    const l = layoutForest(rows, { measure: 'OR', title: 'OR' });
    const ratios = l.rows.map((r, i) => r.square.size ** 2 / [10, 40, 50][i]!);
    for (const q of ratios) expect(q / ratios[0]!).toBeCloseTo(1, 2);
    expect(l.rows.map((r) => r.weightText)).toEqual(['10.0%', '40.0%', '50.0%']);
    expect(l.rows[2]!.square.size).toBeGreaterThan(l.rows[1]!.square.size);
  });

  it('spans the pooled diamond over the pooled CI with its apex at the estimate', () => {
    const pooled = { label: 'Pooled', estimate: 0.66, ciLow: 0.56, ciHigh: 0.76, piLow: 0.4, piHigh: 0.93, k: 5, I2: 72.3, tau2: 0.0123 };
    const l = layoutForest(seedAucRows, { ...seedAucOptions, pooled });
    const xs = l.pooled!.diamond.points.map(([x]) => x);
    expect(Math.min(...xs)).toBeCloseTo(xOf(l, 0.56), 1);
    expect(Math.max(...xs)).toBeCloseTo(xOf(l, 0.76), 1);
    expect(l.pooled!.diamond.points[1]![0]).toBeCloseTo(xOf(l, 0.66), 1);
    expect(l.pooled!.diamond.pointsAttr).toBe(l.pooled!.diamond.points.map((p) => p.join(',')).join(' '));
    expect(l.pooled!.valueText).toBe('0.66 [0.56, 0.76]');
    expect(l.pooled!.statsText).toBe('k = 5, I² = 72.3%, τ² = 0.0123');
  });

  it('draws the prediction interval as a line, arrowed where it runs off the axis', () => {
    const pooled = { label: 'Pooled', estimate: 0.95, ciLow: 0.7, ciHigh: 1.3, piLow: 0.2, piHigh: 1.9 };
    const l = layoutForest([{ id: 'a', label: 'A', value: 1, ciLow: 0.6, ciHigh: 1.6 }], { measure: 'OR', title: 'OR', domain: [0.25, 4], pooled });
    expect(l.pooled!.pi).toEqual({ x1: l.axis.x0, x2: expect.closeTo(xOf(l, 1.9), 1), arrowLeft: true, arrowRight: false });
    expect(l.pooled!.piText).toBe('PI 0.20 to 1.90');
  });

  it('widens the automatic domain to hold the pooled diamond and prediction interval', () => {
    const pooled = { label: 'Pooled', estimate: 0.66, ciLow: 0.56, ciHigh: 0.76, piLow: 0.25, piHigh: 0.99 };
    const l = layoutForest(seedAucRows, { ...seedAucOptions, pooled });
    expect(l.axis.domain[0]).toBeLessThanOrEqual(0.25);
    expect(l.axis.domain[1]).toBeGreaterThanOrEqual(0.99);
    expect(l.pooled!.pi!.arrowLeft || l.pooled!.pi!.arrowRight).toBe(false);
  });
});

describe('layoutForest guards against bad input', () => {
  it('returns a "No estimates" layout for no rows instead of throwing', () => {
    const l = layoutForest([], { measure: 'AUC', title: 'Nothing yet' });
    expect(l.rows).toEqual([]);
    expect(l.message?.text).toBe('No estimates');
    expect(l.height).toBeGreaterThan(0);
  });

  it('skips rows with NaN or infinite numbers and says why', () => {
    const l = layoutForest(
      [
        ...seedAucRows.slice(0, 1),
        { id: 'nan', label: 'NaN value', value: Number.NaN, ciLow: 0.1, ciHigh: 0.2 },
        { id: 'inf', label: 'Infinite CI', value: 0.5, ciLow: 0.1, ciHigh: Number.POSITIVE_INFINITY },
        { id: 'w', label: 'NaN weight', value: 0.5, ciLow: 0.1, ciHigh: 0.9, weight: Number.NaN },
      ],
      seedAucOptions,
    );
    expect(l.rows.map((r) => r.id)).toEqual(['wma']);
    expect(l.skipped).toEqual([
      { id: 'nan', label: 'NaN value', reason: 'value is not a finite number' },
      { id: 'inf', label: 'Infinite CI', reason: 'upper confidence limit is not a finite number' },
      { id: 'w', label: 'NaN weight', reason: 'weight is not a finite number' },
    ]);
  });

  it('skips non-positive values on a log scale with a reason', () => {
    const l = layoutForest(
      [
        { id: 'zero', label: 'Zero', value: 0, ciLow: 0, ciHigh: 2 },
        { id: 'neg-ci', label: 'Negative CI', value: 1.1, ciLow: -0.2, ciHigh: 2 },
        { id: 'ok', label: 'OK', value: 1.1, ciLow: 0.8, ciHigh: 1.5 },
      ],
      { measure: 'HR', title: 'HR' },
    );
    expect(l.rows.map((r) => r.id)).toEqual(['ok']);
    expect(l.skipped.map((s) => s.id)).toEqual(['zero', 'neg-ci']);
    expect(l.skipped[0]!.reason).toMatch(/log scale/);
  });

  it('shows "No estimates" when every row was skipped', () => {
    const l = layoutForest([{ id: 'nan', label: 'x', value: Number.NaN, ciLow: null, ciHigh: null }], seedAucOptions);
    expect(l.message?.text).toBe('No estimates');
    expect(l.skipped).toHaveLength(1);
  });

  it('skips a pooled estimate with a non-finite number and reports it', () => {
    const l = layoutForest(seedAucRows, { ...seedAucOptions, pooled: { label: 'Pooled', estimate: Number.NaN, ciLow: 0.5, ciHigh: 0.7 } });
    expect(l.pooled).toBeNull();
    expect(l.skipped).toEqual([{ id: 'pooled', label: 'Pooled', reason: 'pooled estimate is not a finite number' }]);
  });

  it('draws a row without a confidence interval as a point only', () => {
    const l = layoutForest([{ id: 'p', label: 'Point', value: 0.8, ciLow: null, ciHigh: null }], seedAucOptions);
    expect(l.rows[0]!.ci).toBeNull();
    expect(l.rows[0]!.valueText).toBe('0.80');
    expect(l.rows[0]!.textAlt).toBe('Point: AUC 0.80 (no confidence interval reported)');
  });

  it('ignores an unusable domain and falls back to the automatic one', () => {
    const l = layoutForest(seedAucRows, { ...seedAucOptions, domain: [1, 0] });
    expect(l.axis.domain[0]).toBeLessThan(l.axis.domain[1]);
  });

  it('drops javascript: links but keeps http(s) and site-relative ones', () => {
    const rows: ForestRow[] = [
      { id: 'a', label: 'A', value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: 'javascript:alert(1)' },
      { id: 'b', label: 'B', value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: '/studies/b/#auc' },
      { id: 'c', label: 'C', value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: 'https://doi.org/10.1101/2024.04.16.24305936' },
      { id: 'd', label: 'D', value: 0.7, ciLow: 0.6, ciHigh: 0.8, href: ' JaVaScRiPt:alert(1)' },
    ];
    expect(layoutForest(rows, seedAucOptions).rows.map((r) => r.href)).toEqual([
      undefined,
      '/studies/b/#auc',
      'https://doi.org/10.1101/2024.04.16.24305936',
      undefined,
    ]);
  });

  it('shortens very long labels for display but keeps the full label for the text alternative', () => {
    const label = 'A very long outcome label taken from an abstract that goes on and on and on and on';
    const l = layoutForest([{ id: 'a', label, value: 0.7, ciLow: 0.6, ciHigh: 0.8 }], seedAucOptions);
    expect(l.rows[0]!.label.endsWith('…')).toBe(true);
    expect(l.rows[0]!.labelFull).toBe(label);
    expect(l.rows[0]!.textAlt.startsWith(label)).toBe(true);
  });
});

describe('layoutForest log ticks on narrow ratio axes', () => {
  it('keeps doubling ticks 0.5, 1, 2 when there is nothing to plot', () => {
    const l = layoutForest([], { measure: 'OR', title: 'OR' });
    expect(tickValues(l)).toEqual([0.5, 1, 2]);
  });

  it('keeps doubling ticks for a single hazard ratio close to 1', () => {
    const l = layoutForest([{ id: 'a', label: 'A', value: 1.05, ciLow: 0.92, ciHigh: 1.2 }], { measure: 'HR', title: 'HR' });
    expect(tickValues(l)).toEqual([0.5, 1, 2]);
  });
});
