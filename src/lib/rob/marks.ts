/**
 * The risk-of-bias mark shared by the traffic-light plot, the summary bar plot's legend and the
 * forest plot's risk-of-bias column: a coloured circle AND a symbol (+ low, − high, ? unclear),
 * so it reads in greyscale and for colour-blind readers. "Not yet assessed"
 * is a white rounded square with a dashed grey outline and "NA": never anything that could pass for low.
 */
import { escapeXml } from '../forest/escape.ts';
import { el, txt } from '../forest/markup.ts';
import { round2 } from '../forest/text.ts';
import { levelLabel, type RobLevel } from '../schema/risk-of-bias-tools.ts';

/** How one level is drawn. */
export interface RobStyle {
  fill: string;
  stroke: string;
  dash: string | null;
  symbol: string;
  symbolFill: string;
  /** How the level is written for readers ("Not yet assessed"). */
  label: string;
}

/**
 * The style of each level: Okabe–Ito bluish green and yellow, and a dark vermilion for high, so the
 * four fills are also four distinct greys (high darkest, then low, unclear, white for not assessed);
 * every symbol contrasts ≥ 6:1 with its fill.
 */
export const ROB_STYLES: Record<RobLevel, RobStyle> = {
  low: { fill: '#009E73', stroke: '#00573f', dash: null, symbol: '+', symbolFill: '#000000', label: levelLabel('low') },
  unclear: { fill: '#F0E442', stroke: '#8a8200', dash: null, symbol: '?', symbolFill: '#000000', label: levelLabel('unclear') },
  high: { fill: '#A8341A', stroke: '#5c1c0e', dash: null, symbol: '\u2212', symbolFill: '#ffffff', label: levelLabel('high') },
  'not-assessed': { fill: '#ffffff', stroke: '#6e6e6e', dash: '2 2', symbol: 'NA', symbolFill: '#555555', label: levelLabel('not-assessed') },
};

/** A mark placed at (cx, cy) with radius r; `title` is its text alternative. */
export interface RobMark {
  cx: number;
  cy: number;
  r: number;
  level: RobLevel;
  title: string;
}

/** Coerces anything that is not a known judgement to `not-assessed` (so bad input is never drawn as low). */
export function asLevel(x: unknown): RobLevel {
  return x === 'low' || x === 'high' || x === 'unclear' ? x : 'not-assessed';
}

/** Font size of the symbol inside a circle of radius r (never below 11 px). */
export function symbolSize(level: RobLevel, r: number): number {
  return round2(Math.max(11, level === 'not-assessed' ? r * 1.05 : r * 1.5));
}

/** Renders one mark: circle, symbol and a <title>. */
export function renderRobMark(m: RobMark, cls = 'rob-mark'): string {
  const s = ROB_STYLES[m.level];
  const size = symbolSize(m.level, m.r);
  let inner = el('title', {}, escapeXml(m.title));
  const paint = { fill: s.fill, stroke: s.stroke, 'stroke-width': 1, 'stroke-dasharray': s.dash ?? undefined };
  // Not assessed is a different shape too (a rounded square), which also gives "NA" room.
  inner += m.level === 'not-assessed'
    ? el('rect', { x: round2(m.cx - m.r), y: round2(m.cy - m.r), width: round2(2 * m.r), height: round2(2 * m.r), rx: round2(m.r * 0.3), ...paint })
    : el('circle', { cx: m.cx, cy: m.cy, r: m.r, ...paint });
  inner += txt(m.cx, round2(m.cy + size * 0.36), s.symbol, {
    class: 'rob-symbol',
    fill: s.symbolFill,
    'text-anchor': 'middle',
    'font-size': size,
    'font-weight': m.level === 'not-assessed' ? undefined : 'bold',
    'aria-hidden': 'true',
  });
  return el('g', { class: `${cls} rob-${m.level}`, 'data-level': m.level }, inner);
}
