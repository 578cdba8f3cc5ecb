import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, median, quantile, ratio } from '../../../../scripts/bench/lib/stats.ts';

describe('benchmark statistics', () => {
  it('interpolates quantiles between order statistics and gives null for no values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('gives no ratio when a side is missing or the baseline is zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });

  it('formats times, sizes and ratios for the table', () => {
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(12_340)).toBe('12.3 s');
    expect(formatMs(245_000)).toBe('4 min 05 s');
    expect(formatMs(null)).toBe('–');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(60 * 1024)).toBe('60.0 KB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4.00 GB');
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(null)).toBe('–');
  });
});
