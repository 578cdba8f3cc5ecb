/** Layout of the pooled row: a diamond spanning the pooled CI, the prediction-interval line, text. */
import type { Measure } from '../schema/index.ts';
import { clipInterval, placeX, type Axis } from './axis.ts';
import { formatCompact, round2, shorten } from './text.ts';
import type { ForestLayoutPooled, ForestPooled } from './types.ts';
import { intervalOf } from './validate.ts';

/** What the pooled row needs from the plot around it. */
export interface PooledContext {
  /** Top edge of the pooled row. */
  top: number;
  rowHeight: number;
  fontSize: number;
  axis: Axis;
  fmt: (x: number) => string;
  measure: Measure;
  maxChars: number;
}

/** Heterogeneity summary, e.g. "k = 5, I² = 62%, τ² = 0.012" (I² in percent); "" when none given. */
export function statsText(p: ForestPooled): string {
  return [
    Number.isFinite(p.k) ? `k = ${p.k}` : '',
    Number.isFinite(p.I2) ? `I² = ${formatCompact(p.I2 as number)}%` : '',
    Number.isFinite(p.tau2) ? `τ² = ${formatCompact(p.tau2 as number)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Lays out a (validated) pooled estimate in the row starting at `ctx.top`. */
export function layoutPooled(p: ForestPooled, ctx: PooledContext): ForestLayoutPooled {
  const { axis, fmt, rowHeight } = ctx;
  const y = round2(ctx.top + rowHeight / 2);
  const half = Math.min(rowHeight * 0.35, 9);
  const [lo, hi] = intervalOf(p.ciLow, p.ciHigh) as [number, number];
  const points: [number, number][] = [
    [placeX(axis, lo), y],
    [placeX(axis, p.estimate), round2(y - half)],
    [placeX(axis, hi), y],
    [placeX(axis, p.estimate), round2(y + half)],
  ];
  const pi = intervalOf(p.piLow, p.piHigh);
  const piRange = pi ? `${fmt(pi[0])} to ${fmt(pi[1])}` : '';
  const stats = statsText(p);
  const ciText = `${fmt(lo)} to ${fmt(hi)}`;
  const label = String(p.label).replace(/\s+/g, ' ').trim();
  return {
    y,
    textY: round2(y + ctx.fontSize * 0.35),
    label: shorten(label, ctx.maxChars),
    labelFull: label,
    diamond: { points, pointsAttr: points.map(([x, yy]) => `${x},${yy}`).join(' ') },
    pi: pi ? clipInterval(axis, pi) : null,
    valueText: `${fmt(p.estimate)} [${fmt(lo)}, ${fmt(hi)}]`,
    estimateText: fmt(p.estimate),
    ciText,
    piText: pi ? `PI ${piRange}` : '',
    statsText: stats,
    subTextY: round2(y + rowHeight / 2 + ctx.fontSize * 0.35),
    textAlt: [`${label}: ${ctx.measure} ${fmt(p.estimate)} (${ciText})`, pi ? `prediction interval ${piRange}` : '', stats]
      .filter(Boolean)
      .join('; '),
  };
}
