/**
 * The robvis-style weighted summary bar plot as a pure layout: one stacked bar per domain (and
 * overall), the share of studies — or of total weight when every study has one — at each level.
 * Segments carry the level's symbol and percentage when wide enough, so they read in greyscale.
 */
import { levelLabel, ROB_LEVELS, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import { clamp, round2, shorten, textWidth } from '../forest/text.ts';
import { ROB_STYLES } from './marks.ts';
import { overallOfLevels, padLevels } from './levels.ts';
import { flowLegend } from './traffic-light.ts';
import type { RobStudyInput, RobSummaryBar, RobSummaryLayout, RobSummaryOptions, RobSummarySegment } from './types.ts';

const FONT = 12;
const MARGIN = 8;
const BAR = 22;
const GAP = 10;

/** Shares (percent, summing to 100) of each level among `levels`, weighted by `weights`. */
export function levelShares(levels: readonly RobLevel[], weights: readonly number[]): Record<RobLevel, number> {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = { low: 0, unclear: 0, high: 0, 'not-assessed': 0 } as Record<RobLevel, number>;
  if (total <= 0) return out;
  levels.forEach((l, i) => {
    out[l] += (100 * weights[i]!) / total;
  });
  return out;
}

/** Whether a weight can be used: finite and not negative. */
function usable(w: number | null | undefined): w is number {
  return typeof w === 'number' && Number.isFinite(w) && w >= 0;
}

/** Whether the bars are weighted (every study has a usable weight, summing to > 0), the note when some weights are missing, and the weights used. */
function summaryWeights(studies: readonly RobStudyInput[]): { weighted: boolean; note: string | null; weights: number[] } {
  const given = studies.filter((s) => s.weight !== undefined && s.weight !== null);
  const weighted = studies.length > 0 && studies.every((s) => usable(s.weight)) && studies.reduce((a, s) => a + (s.weight as number), 0) > 0;
  const note = !weighted && given.length > 0 ? `weights missing or invalid for ${studies.length - given.filter((s) => usable(s.weight)).length} of ${studies.length} studies, so percentages are of studies` : null;
  const weights = studies.map((s) => (weighted ? (s.weight as number) : 1));
  return { weighted, note, weights };
}

/** One bar (a domain, or overall): a segment per level with its share, and the text alternative. */
function summaryBar(r: { short: string; label: string; levels: RobLevel[] }, y: number, weights: readonly number[], f: { x0: number; span: number; maxChars: number }): RobSummaryBar {
  const { x0, span, maxChars } = f;
  const shares = levelShares(r.levels, weights);
  let x = x0;
  const segments: RobSummarySegment[] = [];
  for (const level of ROB_LEVELS) {
    const percent = shares[level];
    if (percent <= 0) continue;
    const w = round2((span * percent) / 100);
    const text = `${ROB_STYLES[level].symbol} ${Math.round(percent)}%`;
    const fits = textWidth(text, 11) + 6 <= w;
    segments.push({ level, percent, x: round2(x), width: w, text: fits ? text : null, textX: round2(x + w / 2) });
    x += w;
  }
  const parts = segments.map((s) => `${levelLabel(s.level).toLowerCase()} ${Math.round(s.percent)}%`).join(', ');
  return {
    short: r.short,
    label: shorten(r.label, maxChars),
    labelFull: r.label,
    y,
    height: BAR,
    textY: round2(y + BAR / 2 + FONT * 0.35),
    segments,
    textAlt: `${r.label}: ${parts || 'no studies'}`,
  };
}

/** Turns studies and options into a deterministic summary bar layout. */
export function layoutRobSummary(studies: readonly RobStudyInput[], options: RobSummaryOptions): RobSummaryLayout {
  const n = options.domains.length;
  const withOverall = options.overall !== false && n > 0;
  const subject = options.subject ?? 'risk of bias';
  const width = round2(clamp(Number.isFinite(options.width) ? options.width! : 600, 320, 4000));
  const { weighted, note, weights } = summaryWeights(studies);
  const levelsOf = studies.map((s) => padLevels(s.levels, n));

  const rowsIn = [
    ...options.domains.map((d, j) => ({ short: String(d.short), label: String(d.label), levels: levelsOf.map((ls) => ls[j]!) })),
    ...(withOverall ? [{ short: 'Overall', label: `Overall ${subject}`, levels: levelsOf.map(overallOfLevels) }] : []),
  ];
  const labelWidth = round2(clamp(Math.max(0, ...rowsIn.map((r) => textWidth(r.label, FONT))) + 12, 60, width * 0.4));
  const maxChars = Math.max(4, Math.floor((labelWidth - 12) / (FONT * 0.56)));
  const x0 = round2(MARGIN + labelWidth);
  const x1 = round2(width - MARGIN - 12);
  const span = x1 - x0;
  const top = MARGIN + 4;

  const bars = rowsIn.map((r, i) => summaryBar(r, round2(top + i * (BAR + GAP)), weights, { x0, span, maxChars }));
  const plotBottom = round2(top + Math.max(1, bars.length) * (BAR + GAP) - GAP);
  const axisY = round2(plotBottom + 6);
  const ticks = [0, 25, 50, 75, 100].map((p) => ({ x: round2(x0 + (span * p) / 100), label: `${p}%` }));
  const axisLabel = weighted ? 'Share of total weight' : 'Share of studies';
  const legend = flowLegend(
    ROB_LEVELS.map((level) => ({ level, text: levelLabel(level) })),
    MARGIN,
    width - MARGIN,
    round2(axisY + 54),
    9,
    (level) => levelLabel(level),
  );
  const message = studies.length === 0 ? { text: 'No studies', x: x0, y: round2(top + BAR / 2 + FONT * 0.35) } : null;
  const tool = options.tool ? ` (${options.tool})` : '';
  const description =
    options.description ??
    `Summary of ${subject}${tool}: for each of ${n} domain${n === 1 ? '' : 's'}${withOverall ? ' and overall' : ''}, the share of ${weighted ? 'total meta-analytic weight' : 'studies'} (${studies.length} stud${studies.length === 1 ? 'y' : 'ies'}) judged low, unclear or high, or not yet assessed.`;
  return {
    width,
    height: round2(legend.bottom + MARGIN + 4),
    viewBox: `0 0 ${width} ${round2(legend.bottom + MARGIN + 4)}`,
    title: String(options.title),
    description,
    weighted,
    note,
    bars: studies.length === 0 ? [] : bars,
    axis: { x0, x1, y: axisY, ticks, label: axisLabel, labelY: round2(axisY + 36) },
    legend: legend.items,
    message,
  };
}
