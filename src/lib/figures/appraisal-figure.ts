/**
 * An appraisal figure of an outcome (risk-of-bias traffic light or summary, funnel plot) as a
 * figure frame (frame.ts): the inline SVG at its own size (about 340 px; its box scrolls sideways
 * on a narrower column), the caption, the plotted values as a table and what was left out.
 * AppraisalPlot.astro draws it and adds "Take this figure".
 */
import { fmt } from '../site/format.ts';
import { renderFunnelSvg } from '../funnel/svg.ts';
import { renderRobSummarySvg, renderTrafficLightSvg } from '../rob/svg.ts';
import { robSummaryTableRows, trafficLightTableRows } from '../rob/table.ts';
import { funnelLayout, robSummaryLayout, trafficLightLayout } from './appraisal-standalone.ts';
import type { AppraisalFigure, FunnelFigure, RobFigure } from './appraisal-types.ts';
import type { FigureFrame, FrameRow, FrameSkipped, FrameTable } from './frame.ts';

type Drawn = { svg: string; caption: string; table: FrameTable; skipped: readonly FrameSkipped[] };

function trafficLight(f: RobFigure): Drawn {
  const L = trafficLightLayout(f);
  const t = trafficLightTableRows(L);
  const caption = `${f.tool}: one row per study, one column per domain and the overall judgement by the published rule. Studies not yet assessed are marked NA, never as low.`;
  return { svg: renderTrafficLightSvg(L, { idPrefix: f.anchor }), caption, table: { head: t.header, rows: t.rows }, skipped: f.skipped };
}

function robSummary(f: RobFigure): Drawn {
  const L = robSummaryLayout(f);
  const t = robSummaryTableRows(L);
  const caption = L.weighted ? `Share of the total weight in ${f.weightSource} at each level, per domain and overall.` : `Share of studies at each level, per domain and overall${L.note ? ` (${L.note})` : ''}.`;
  return { svg: renderRobSummarySvg(L, { idPrefix: f.anchor }), caption, table: { head: t.header, rows: t.rows }, skipped: f.skipped };
}

function funnel(f: FunnelFigure): Drawn {
  const L = funnelLayout(f);
  const deeks = f.variant === 'deeks';
  const back = (x: number) => (f.transform === 'exp' ? Math.exp(x) : x);
  const caption = deeks
    ? 'Each circle is a 2×2 table: its diagnostic odds ratio against 1/√ESS (effective sample size), as in Deeks’ test; the vertical line is the summary DOR.'
    : `Each circle is a pooled estimate, against its standard error; the solid line is the pooled ${f.measure} and the dashed lines its pseudo 95% limits.`;
  const rows: FrameRow[] = f.points.map((p) => ({ label: p.label, href: p.href, cells: [fmt(back(p.effect), 3), fmt(p.se, 3)] }));
  if (f.pooled !== null) rows.push({ label: deeks ? 'Summary' : 'Pooled', cells: [fmt(back(f.pooled), 3), ''], className: 'pooled' });
  const head = ['Study', f.xLabel, deeks ? '1/√ESS' : `Standard error (${f.scale} scale)`];
  return { svg: renderFunnelSvg(L, { idPrefix: f.anchor }), caption, table: { head, rows }, skipped: L.skipped };
}

/** The appraisal figure `f` as a figure frame (put "Take this figure" in its slot). */
export function appraisalFigure(f: AppraisalFigure): FigureFrame {
  const d = f.kind === 'funnel' ? funnel(f) : f.kind === 'rob-traffic-light' ? trafficLight(f) : robSummary(f);
  return {
    kind: 'appraisal',
    place: { id: f.anchor, figureId: f.id, attrs: { 'data-kind': f.kind } },
    svg: d.svg,
    scrolls: true,
    title: f.title,
    caption: d.caption,
    table: d.table,
    skipped: d.skipped,
    skippedHeading: 'Not shown:',
  };
}
