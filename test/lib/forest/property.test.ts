import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutForest, type ForestOptions, type ForestRow } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import { MEASURE_IDS } from '../../../src/lib/schema/measures.ts';
import { parseXml } from './xml.ts';

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e12, 1e-12, 1e300),
);
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<script>alert(1)</script>', '&amp;', '"\'<>'));

const row: fc.Arbitrary<ForestRow> = fc.record(
  {
    id: anyText,
    label: anyText,
    value: anyNumber,
    ciLow: fc.option(anyNumber, { nil: null }),
    ciHigh: fc.option(anyNumber, { nil: null }),
    weight: fc.option(fc.oneof(anyNumber, fc.double({ min: 0, max: 100, noNaN: true })), { nil: null }),
    href: anyText,
    measure: fc.constantFrom(...MEASURE_IDS),
    sublabel: anyText,
  },
  { requiredKeys: ['id', 'label', 'value', 'ciLow', 'ciHigh'] },
);

const options: fc.Arbitrary<ForestOptions> = fc.record(
  {
    measure: fc.constantFrom(...MEASURE_IDS),
    title: anyText,
    description: anyText,
    scale: fc.constantFrom('linear' as const, 'log' as const),
    nullValue: fc.option(anyNumber, { nil: null }),
    domain: fc.tuple(anyNumber, anyNumber),
    width: fc.oneof(anyNumber, fc.integer({ min: 200, max: 1600 })),
    rowHeight: anyNumber,
    digits: fc.oneof(anyNumber, fc.integer({ min: 0, max: 3 })),
    pooled: fc.record(
      {
        label: anyText,
        estimate: anyNumber,
        ciLow: anyNumber,
        ciHigh: anyNumber,
        piLow: fc.option(anyNumber, { nil: null }),
        piHigh: fc.option(anyNumber, { nil: null }),
        k: anyNumber,
        I2: anyNumber,
        tau2: anyNumber,
      },
      { requiredKeys: ['label', 'estimate', 'ciLow', 'ciHigh'] },
    ),
  },
  { requiredKeys: ['measure', 'title'] },
);

const X_ATTRS = ['x', 'x1', 'x2', 'width'];
const Y_ATTRS = ['y', 'y1', 'y2', 'height'];

/** Numbers in a points attribute or a path d (M/L/Z only), as [x, y] pairs. */
function pairs(s: string): [number, number][] {
  const nums = s.split(/[\s,MLZ]+/).filter(Boolean).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!]);
  return out;
}

describe('forest plot on random input', () => {
  it('never throws, always yields well-formed SVG, and draws every coordinate finite and inside the viewBox', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), options, fc.boolean(), (rows, opts, standalone) => {
        const layout = layoutForest(rows, opts);
        const svg = renderForestSvg(layout, { standalone, idPrefix: opts.title });
        const { errors, elements } = parseXml(svg);
        expect(errors).toEqual([]);
        const [, , w, h] = layout.viewBox.split(' ').map(Number) as [number, number, number, number];
        expect(Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0).toBe(true);
        const inX = (v: number) => Number.isFinite(v) && v >= 0 && v <= w;
        const inY = (v: number) => Number.isFinite(v) && v >= 0 && v <= h;
        for (const e of elements.slice(1)) {
          for (const a of X_ATTRS) if (a in e.attrs) expect(inX(Number(e.attrs[a])), `${e.name} ${a}=${e.attrs[a]}`).toBe(true);
          for (const a of Y_ATTRS) if (a in e.attrs) expect(inY(Number(e.attrs[a])), `${e.name} ${a}=${e.attrs[a]}`).toBe(true);
          for (const a of ['points', 'd']) {
            if (!(a in e.attrs)) continue;
            for (const [x, y] of pairs(e.attrs[a]!)) expect(inX(x) && inY(y), `${e.name} ${a}=${e.attrs[a]}`).toBe(true);
          }
        }
        expect(layout.rows.length + layout.skipped.length).toBe(rows.length + (opts.pooled && !layout.pooled ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });

  it('skips exactly the rows with a non-finite number', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const layout = layoutForest(rows, { measure: 'MD', title: 't' });
        const bad = (v: number | null | undefined) => typeof v === 'number' && !Number.isFinite(v);
        const expected = rows.filter((r) => bad(r.value) || bad(r.ciLow) || bad(r.ciHigh) || bad(r.weight));
        const beyond = rows.filter((r) => !expected.includes(r) && [r.value, r.ciLow, r.ciHigh].some((v) => typeof v === 'number' && Math.abs(v) > 1e12));
        const negativeWeight = rows.filter((r) => !expected.includes(r) && !beyond.includes(r) && typeof r.weight === 'number' && r.weight < 0);
        expect(layout.skipped).toHaveLength(expected.length + beyond.length + negativeWeight.length);
      }),
    );
  });
});
