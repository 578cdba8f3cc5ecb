import { describe, expect, it } from 'vitest';
import { formatCount, perThousand } from '../../../src/lib/grade/per-thousand.ts';

describe('numbers per 1,000 tested', () => {
  it('match a hand calculation at 20% prevalence, with ranges from the CIs', () => {
    // 200 of 1,000 have the condition: TP 0.9·200 = 180 (0.8·200 = 160 to 0.95·200 = 190), FN 200 − TP;
    // 800 do not: TN 0.85·800 = 680 (640 to 720), FP 800 − TN.
    const r = perThousand({ estimate: 0.9, ciLow: 0.8, ciHigh: 0.95 }, { estimate: 0.85, ciLow: 0.8, ciHigh: 0.9 }, 0.2);
    expect(r.withCondition).toBeCloseTo(200, 12);
    expect(r.withoutCondition).toBeCloseTo(800, 12);
    const round = (c: { value: number; low: number; high: number }) => [c.value, c.low, c.high].map((x) => Math.round(x * 1e9) / 1e9);
    expect(round(r.tp)).toEqual([180, 160, 190]);
    expect(round(r.fn)).toEqual([20, 10, 40]);
    expect(round(r.tn)).toEqual([680, 640, 720]);
    expect(round(r.fp)).toEqual([120, 80, 160]);
    expect(formatCount(r.fn)).toBe('20 (10 to 40)');
  });

  it('keep exact values at 5% prevalence and round only for display', () => {
    const r = perThousand({ estimate: 0.873, ciLow: 0.81, ciHigh: 0.92 }, { estimate: 0.777, ciLow: 0.7, ciHigh: 0.84 }, 0.05);
    expect(r.tp.value).toBeCloseTo(43.65, 10);
    expect(r.fn.value).toBeCloseTo(6.35, 10);
    expect(r.tn.value).toBeCloseTo(738.15, 10);
    expect(r.fp.value).toBeCloseTo(211.85, 10);
    expect(r.tp.value + r.fn.value + r.tn.value + r.fp.value).toBeCloseTo(1000, 10);
    expect(formatCount(r.tp)).toBe('44 (41 to 46)');
    expect(formatCount(r.fp)).toBe('212 (152 to 285)');
  });

  it('refuse a prevalence outside (0, 1) and an estimate outside its interval', () => {
    const a = { estimate: 0.9, ciLow: 0.8, ciHigh: 0.95 };
    expect(() => perThousand(a, a, 0)).toThrow(/strictly between 0 and 1/);
    expect(() => perThousand(a, a, 1)).toThrow(RangeError);
    expect(() => perThousand({ estimate: 0.7, ciLow: 0.8, ciHigh: 0.95 }, a, 0.1)).toThrow(/sensitivity/);
  });
});
