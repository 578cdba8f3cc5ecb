import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_TEXT_PX } from '../../../src/lib/forest/legible.ts';
import { textWidth } from '../../../src/lib/forest/text.ts';
import { layoutSroc, restrictCurve, SROC_MIN_RENDERED_WIDTH, type SrocLayout, type SrocStudy } from '../../../src/lib/sroc/layout.ts';
import { srocTableRows } from '../../../src/lib/sroc/table.ts';
import { SEED_STUDIES, seedSroc } from './seed.ts';

const seed = layoutSroc(seedSroc());

function inPlot(L: SrocLayout, [x, y]: [number, number]): boolean {
  const { x0, y0, size } = L.plot;
  return x >= x0 - 1e-9 && x <= x0 + size + 1e-9 && y >= y0 - 1e-9 && y <= y0 + size + 1e-9;
}

describe('the SROC layout', () => {
  it('has a square plot area with false-positive rate 0 → 1 left to right and sensitivity 1 at the top', () => {
    const { x0, y0, size } = seed.plot;
    expect(size).toBeGreaterThan(250);
    expect(seed.xAxis.ticks.map((t) => t.pos)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => Math.round((x0 + v * size) * 100) / 100));
    expect(seed.yAxis.ticks[0]!.pos).toBeCloseTo(y0 + size, 2);
    expect(seed.yAxis.ticks.at(-1)!.pos).toBeCloseTo(y0, 2);
    expect(seed.diagonal).toEqual({ x1: x0, y1: Math.round((y0 + size) * 100) / 100, x2: Math.round((x0 + size) * 100) / 100, y2: y0 });
  });

  it("places each study at its raw false-positive rate and sensitivity, inside the plot", () => {
    const { x0, y0, size } = seed.plot;
    expect(seed.studies).toHaveLength(SEED_STUDIES.length);
    for (const s of seed.studies) {
      const src = SEED_STUDIES.find((x) => x.id === s.id)!;
      expect(s.sens).toBe(src.tp / (src.tp + src.fn));
      expect(s.fpr).toBeCloseTo(src.fp / (src.fp + src.tn), 12);
      expect(s.cx).toBeCloseTo(x0 + s.fpr * size, 1);
      expect(s.cy).toBeCloseTo(y0 + (1 - s.sens) * size, 1);
      expect(inPlot(seed, [s.cx, s.cy])).toBe(true);
    }
  });

  it('sizes circles by sample size: radius never decreases with n, and area is proportional to n above the minimum', () => {
    const byN = [...seed.studies].sort((a, b) => a.n - b.n);
    for (let i = 1; i < byN.length; i++) expect(byN[i]!.r).toBeGreaterThanOrEqual(byN[i - 1]!.r);
    const big = byN.at(-1)!;
    const mid = byN.find((s) => s.n === 1000)!;
    expect(mid.r ** 2 / big.r ** 2).toBeCloseTo(mid.n / big.n, 2);
    expect(byN[0]!.r).toBeGreaterThan(0);
    // Drawn largest first, so small circles stay on top.
    expect(seed.studies.map((s) => s.n)).toEqual([...seed.studies.map((s) => s.n)].sort((a, b) => b - a));
  });

  it('draws the confidence and prediction regions as closed paths inside the plot, the prediction region the wider', () => {
    for (const region of [seed.confidenceRegion, seed.predictionRegion]) {
      expect(region).not.toBeNull();
      expect(region!.points.length).toBeGreaterThanOrEqual(3);
      expect(region!.d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/);
      expect(region!.points.every((p) => inPlot(seed, p))).toBe(true);
    }
    const span = (pts: [number, number][]) => Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1]));
    expect(span(seed.predictionRegion!.points)).toBeGreaterThan(span(seed.confidenceRegion!.points));
  });

  it("restricts the SROC curve to the studies' range of false-positive rates, open and increasing", () => {
    const fprs = seed.studies.map((s) => s.fpr);
    expect(seed.curveFprRange![0]).toBeCloseTo(Math.min(...fprs), 12);
    expect(seed.curveFprRange![1]).toBeCloseTo(Math.max(...fprs), 12);
    const xs = seed.curve!.points.map((p) => p[0]);
    const cxs = seed.studies.map((s) => s.cx);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.min(...cxs) - 0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(Math.max(...cxs) + 0.01);
    expect(seed.curve!.d.endsWith('Z')).toBe(false);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it("draws the curve as given with curveRange 'given'", () => {
    const all = layoutSroc(seedSroc(), { curveRange: 'given' });
    expect(all.curve!.points).toHaveLength(seedSroc().summary!.curve.length);
    expect(all.curveFprRange![0]).toBeLessThan(seed.curveFprRange![0]);
  });

  it('puts the summary point at (1 − specificity, sensitivity) and describes it in the text alternative', () => {
    const s = seedSroc().summary!;
    expect(seed.summary!.cx).toBeCloseTo(seed.plot.x0 + (1 - s.spec) * seed.plot.size, 1);
    expect(seed.summary!.cy).toBeCloseTo(seed.plot.y0 + (1 - s.sens) * seed.plot.size, 1);
    expect(seed.description).toContain(`sensitivity ${s.sens.toFixed(2)}, specificity ${s.spec.toFixed(2)}`);
    expect(seed.description).toMatch(/confidence region \(dashed\) and 95% prediction region \(dotted\)/);
    expect(seed.legend.items.map((i) => i.kind)).toEqual(['study', 'summary', 'confidence', 'prediction', 'curve', 'chance']);
  });

  it('without a summary (the fallback) draws the studies only, with a note saying why', () => {
    const L = layoutSroc({ ...seedSroc(), summary: null }, { fallbackNote: 'Only 3 studies: pooled separately.' });
    expect(L.studies).toHaveLength(SEED_STUDIES.length);
    expect([L.summary, L.confidenceRegion, L.predictionRegion, L.curve]).toEqual([null, null, null, null]);
    expect(L.note!.lines.join(' ')).toBe('Only 3 studies: pooled separately.');
    expect(L.description).toContain('Only 3 studies');
    expect(L.legend.items.map((i) => i.kind)).toEqual(['study', 'chance']);
    expect(L.skipped).toEqual([]);
  });

  it('skips studies whose counts are negative, fractional, not numbers or leave sensitivity or specificity undefined, saying why', () => {
    const bad: SrocStudy[] = [
      { id: 'neg', label: 'Neg', tp: -1, fp: 2, fn: 3, tn: 4 },
      { id: 'frac', label: 'Frac', tp: 1.5, fp: 2, fn: 3, tn: 4 },
      { id: 'nan', label: 'NaN', tp: 1, fp: Number.NaN, fn: 3, tn: 4 },
      { id: 'nodis', label: 'No cases', tp: 0, fp: 2, fn: 0, tn: 4 },
      { id: 'nonon', label: 'No controls', tp: 3, fp: 0, fn: 1, tn: 0 },
    ];
    const L = layoutSroc({ title: 't', studies: [...SEED_STUDIES.slice(0, 2), ...bad], summary: null });
    expect(L.studies.map((s) => s.id).sort()).toEqual(['s1', 's2']);
    expect(Object.fromEntries(L.skipped.map((s) => [s.id, s.reason]))).toEqual({
      neg: 'TP = -1 is not a non-negative whole number',
      frac: 'TP = 1.5 is not a non-negative whole number',
      nan: 'FP = NaN is not a non-negative whole number',
      nodis: 'no participants with the target condition (TP + FN = 0), so sensitivity is undefined',
      nonon: 'no participants without the target condition (FP + TN = 0), so specificity is undefined',
    });
  });

  it('drops a summary outside [0, 1] and regions with fewer than 3 usable points, reporting each', () => {
    const input = seedSroc();
    const L1 = layoutSroc({ ...input, summary: { ...input.summary!, sens: 1.2 } });
    expect(L1.summary).toBeNull();
    expect(L1.skipped.map((s) => s.id)).toEqual(['summary']);
    expect(L1.note!.lines.join(' ')).toMatch(/could not be drawn/);
    const L2 = layoutSroc({ ...input, summary: { ...input.summary!, confidenceRegion: [{ fpr: 0.1, sens: 0.9 }, { fpr: Number.NaN, sens: 0.2 }] } });
    expect(L2.confidenceRegion).toBeNull();
    expect(L2.predictionRegion).not.toBeNull();
    expect(L2.skipped).toEqual([{ id: '95%-confidence-region', label: '95% confidence region', reason: 'fewer than 3 usable points (1)' }]);
    expect(L2.legend.items.map((i) => i.kind)).not.toContain('confidence');
  });

  it('keeps text at 11 px or more when scaled down to the narrowest width the page allows, for any width', () => {
    for (const width of [240, 320, 400, 560, 800, 1200]) {
      const L = layoutSroc(seedSroc(), { width });
      const smallest = Math.min(...Object.values(L.fonts));
      expect(smallest * (SROC_MIN_RENDERED_WIDTH / L.width)).toBeGreaterThanOrEqual(MIN_TEXT_PX - 1e-9);
      expect(L.minRenderedWidth).toBeLessThanOrEqual(SROC_MIN_RENDERED_WIDTH);
    }
    const print = layoutSroc(seedSroc(), { width: 800, responsive: false, fontSize: 12 });
    expect(print.fonts.tick).toBe(12);
    expect(print.minRenderedWidth).toBe(Math.ceil((800 * 11) / 12));
  });

  it('fits the legend and note inside the viewBox, one entry a line on a narrow plot', () => {
    for (const width of [240, 400, 900]) {
      const L = layoutSroc({ ...seedSroc(), summary: width === 900 ? null : seedSroc().summary }, { width });
      for (const item of L.legend.items) {
        expect(item.textX + textWidth(item.text, L.fonts.legend)).toBeLessThanOrEqual(L.width + 1e-9);
        expect(item.y).toBeLessThan(L.height);
      }
      for (const line of L.note?.lines ?? []) expect(L.note!.x + textWidth(line, L.fonts.note)).toBeLessThanOrEqual(L.width);
      if (L.note) expect(L.note.y + L.note.lineHeight * (L.note.lines.length - 1)).toBeLessThan(L.height);
    }
    const ys = layoutSroc(seedSroc(), { width: 240 }).legend.items.map((i) => i.y);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('says so when no study can be drawn', () => {
    const L = layoutSroc({ title: 't', studies: [], summary: null });
    expect(L.studies).toEqual([]);
    expect(L.note!.lines.join(' ')).toMatch(/^No study has counts that can be drawn\./);
  });

  it('tabulates the studies in input order with their counts, then the summary point', () => {
    const rows = srocTableRows(seed);
    expect(rows.map((r) => r.label)).toEqual([...SEED_STUDIES.map((s) => s.label), 'Summary point']);
    expect(rows[0]).toEqual({ label: 'Abdi 2019', tp: '45', fp: '12', fn: '5', tn: '88', n: '150', sensitivity: '0.90', specificity: '0.88', fpr: '0.12', summary: false });
    expect(rows[9]!.href).toBe('/studies/jensen-2024/');
    expect(rows.at(-1)!.summary).toBe(true);
  });
});

describe('restrictCurve', () => {
  it('cuts a curve to [lo, hi], interpolating the end points linearly', () => {
    const c = [{ fpr: 0, sens: 0 }, { fpr: 0.5, sens: 0.5 }, { fpr: 1, sens: 1 }];
    expect(restrictCurve(c, 0.25, 0.75)).toEqual([{ fpr: 0.25, sens: 0.25 }, { fpr: 0.5, sens: 0.5 }, { fpr: 0.75, sens: 0.75 }]);
    expect(restrictCurve([...c].reverse(), 0, 1)).toEqual(c);
  });
});

describe('the SROC layout on random input', () => {
  const count = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(-1, 0.5, Number.NaN, Infinity));
  const study = fc.record({ id: fc.string(), label: fc.string(), tp: count, fp: count, fn: count, tn: count });
  const point = fc.record({ fpr: fc.double(), sens: fc.double() });

  it('keeps every drawn circle, region point and curve point inside the plot and every number finite', () => {
    fc.assert(
      fc.property(fc.array(study, { maxLength: 30 }), fc.option(fc.record({ sens: fc.double(), spec: fc.double(), confidenceRegion: fc.array(point), predictionRegion: fc.array(point), curve: fc.array(point) }), { nil: null }), fc.integer({ min: 100, max: 2000 }), (studies, summary, width) => {
        const L = layoutSroc({ title: 'x', studies, summary }, { width });
        for (const s of L.studies) {
          expect(inPlot(L, [s.cx, s.cy])).toBe(true);
          expect(Number.isFinite(s.r) && s.r > 0).toBe(true);
        }
        for (const p of [L.confidenceRegion, L.predictionRegion, L.curve]) for (const pt of p?.points ?? []) expect(inPlot(L, pt)).toBe(true);
        expect(L.studies.length + L.skipped.filter((s) => !/region|summary|curve/.test(s.id)).length).toBe(studies.length);
        expect(Number.isFinite(L.height) && L.height > L.plot.size).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
