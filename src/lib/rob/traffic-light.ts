/**
 * The robvis-style traffic-light plot as a pure layout: one row per study, one column per domain
 * and an overall column (the published rule), each cell a mark (marks.ts); a legend naming the
 * domains and the levels. Sized for a phone: about 330 px wide with short labels, text ≥ 11 px.
 */
import { levelLabel, ROB_LEVELS, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import { clamp, round2, safeHref, shorten, textWidth } from '../forest/text.ts';
import { padLevels, overallOfLevels } from './levels.ts';
import type { RobMark } from './marks.ts';
import type { RobLegendItem, RobStudyInput, TrafficLightLayout, TrafficLightOptions, TrafficLightRow } from './types.ts';

const FONT = 12;
const MARGIN = 8;
const HEADER = 26;
const ROW = 28;
const PITCH = 30;
const RADIUS = 10;
const OVERALL_PITCH = 56;
const LEGEND_R = 9;
const MAX_LABEL = 150;

function counts(levels: readonly RobLevel[]): string {
  return ROB_LEVELS.map((l) => [l, levels.filter((x) => x === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n} ${levelLabel(l).toLowerCase()}`)
    .join(', ');
}

/** Breaks text into lines of at most `maxChars` characters at spaces (a longer word is shortened). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (Array.from(next).length <= maxChars || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => shorten(l, maxChars));
}

/** Places legend items left to right, wrapping at `x1`; returns the items and the y below the last line. */
export function flowLegend(texts: { level: RobLevel; text: string }[], x0: number, x1: number, y: number, r: number, title: (level: RobLevel) => string): { items: RobLegendItem[]; bottom: number } {
  const items: RobLegendItem[] = [];
  let x = x0;
  let line = y;
  for (const t of texts) {
    const w = 2 * r + 6 + textWidth(t.text, FONT) + 14;
    if (x > x0 && x + w > x1) {
      x = x0;
      line = round2(line + 2 * r + 8);
    }
    const mark: RobMark = { cx: round2(x + r), cy: line, r, level: t.level, title: title(t.level) };
    items.push({ mark, x: round2(x + 2 * r + 6), y: round2(line + FONT * 0.35), text: t.text });
    x += w;
  }
  return { items, bottom: round2(line + r) };
}

/** What every row is laid out with: the columns, whether there is an overall column, and the label length. */
interface RowFrame {
  domains: TrafficLightOptions['domains'];
  withOverall: boolean;
  subject: string;
  maxChars: number;
  colX: (i: number) => number;
  overallX: number;
}

/** One study's row at height `y`: a mark per domain (and overall), its label and text alternative. */
function studyRow(s: RobStudyInput, y: number, f: RowFrame): TrafficLightRow {
  const { domains, withOverall, subject, maxChars, colX, overallX } = f;
  const n = domains.length;
  const levels = padLevels(s.levels, n);
  const overall = withOverall ? overallOfLevels(levels) : null;
  const labelFull = String(s.label).replace(/\s+/g, ' ').trim();
  const marks: RobMark[] = levels.map((level, j) => ({ cx: colX(j), cy: y, r: RADIUS, level, title: `${labelFull}, ${domains[j]!.label}: ${levelLabel(level).toLowerCase()}` }));
  if (overall) marks.push({ cx: overallX, cy: y, r: RADIUS, level: overall, title: `${labelFull}, overall ${subject}: ${levelLabel(overall).toLowerCase()}` });
  const parts = levels.map((l, j) => `${domains[j]!.label} ${levelLabel(l).toLowerCase()}`);
  const row: TrafficLightRow = {
    id: String(s.id),
    label: shorten(labelFull, maxChars),
    labelFull,
    y,
    textY: round2(y + FONT * 0.35),
    marks,
    overall,
    textAlt: `${labelFull}: ${parts.join('; ')}${overall ? `; overall ${levelLabel(overall).toLowerCase()}` : ''}`,
  };
  const href = safeHref(s.href);
  if (href !== undefined) row.href = href;
  return row;
}

/** The legend below the grid: the domain names (wrapped), then the levels with their marks. */
function domainLegend(domains: TrafficLightOptions['domains'], withOverall: boolean, subject: string, width: number, gridBottom: number) {
  let y = gridBottom + 20;
  const heading = { x: MARGIN, y: round2(y), text: 'Domains' };
  const domainLines = [...domains.map((d) => `${d.short}: ${d.label}`), ...(withOverall ? ["Overall: low only if all domains are low, high if any is high"] : [])];
  const chars = Math.floor((width - 2 * MARGIN - 12) / (FONT * 0.56));
  const domainTexts = domainLines.flatMap((t) => wrapWords(t, chars).map((text, k) => ({ text, indent: k > 0 }))).map(({ text, indent }) => {
    y += FONT + 6;
    return { x: indent ? MARGIN + 12 : MARGIN, y: round2(y), text };
  });
  const judgement = subject === 'quality' ? 'concern about quality' : subject;
  const legend = flowLegend(
    ROB_LEVELS.map((level) => ({ level, text: levelLabel(level) })),
    MARGIN,
    width - MARGIN,
    round2(y + 12 + LEGEND_R),
    LEGEND_R,
    (level) => (level === 'not-assessed' ? 'Not yet assessed' : `${levelLabel(level)} ${judgement}`),
  );
  return { heading, domainTexts, legend };
}

/** Turns studies and options into a deterministic traffic-light layout. */
export function layoutTrafficLight(studies: readonly RobStudyInput[], options: TrafficLightOptions): TrafficLightLayout {
  const domains = options.domains;
  const n = domains.length;
  const withOverall = options.overall !== false && n > 0;
  const subject = options.subject ?? 'risk of bias';
  const maxWidth = clamp(Number.isFinite(options.maxWidth) ? options.maxWidth! : 640, 300, 4000);
  const cellsWidth = n * PITCH + (withOverall ? OVERALL_PITCH : 0);
  const longest = Math.max(0, ...studies.map((s) => textWidth(String(s.label), FONT)));
  const labelWidth = round2(clamp(longest + 12, 60, Math.max(60, Math.min(MAX_LABEL, maxWidth - 2 * MARGIN - cellsWidth))));
  const maxChars = Math.max(4, Math.floor((labelWidth - 12) / (FONT * 0.56)));
  const width = round2(clamp(2 * MARGIN + labelWidth + cellsWidth, 300, maxWidth));
  const x0 = round2(MARGIN + labelWidth);
  const colX = (i: number) => round2(x0 + PITCH * (i + 0.5));
  const overallX = round2(x0 + n * PITCH + OVERALL_PITCH / 2);

  const header = {
    y: round2(MARGIN + FONT + 4),
    cells: [
      ...domains.map((d, i) => ({ x: colX(i), text: shorten(String(d.short), 4), full: String(d.label) })),
      ...(withOverall ? [{ x: overallX, text: 'Overall', full: `Overall ${subject}` }] : []),
    ],
  };
  const top = MARGIN + HEADER;
  const rows = studies.map((s, i) => studyRow(s, round2(top + ROW * (i + 0.5)), { domains, withOverall, subject, maxChars, colX, overallX }));
  const gridBottom = round2(top + ROW * Math.max(1, rows.length));
  const message = rows.length === 0 ? { text: 'No studies', x: MARGIN, y: round2(top + ROW / 2 + FONT * 0.35) } : null;

  const { heading, domainTexts, legend } = domainLegend(domains, withOverall, subject, width, gridBottom);
  const height = round2(legend.bottom + MARGIN + 4);

  const all = rows.map((r) => r.overall).filter((l): l is RobLevel => l !== null);
  const tool = options.tool ? ` (${options.tool})` : '';
  const description =
    options.description ??
    (rows.length === 0
      ? `Traffic-light plot of ${subject}${tool}: no studies.`
      : `Traffic-light plot of ${subject}${tool} for ${rows.length} stud${rows.length === 1 ? 'y' : 'ies'} across ${n} domain${n === 1 ? '' : 's'}${withOverall ? ` and overall; overall: ${counts(all)}` : ''}. Each mark is a coloured circle with a symbol: + low, − high, ? unclear; a dashed square marked NA is not yet assessed.`);
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: String(options.title),
    description,
    header,
    rows,
    grid: { x0, x1: round2(x0 + cellsWidth), y0: top, y1: gridBottom, separatorX: withOverall ? round2(x0 + n * PITCH + 4) : null },
    legend: { heading, domains: domainTexts, levels: legend.items },
    message,
  };
}
