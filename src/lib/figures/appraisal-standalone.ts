/**
 * An appraisal figure drawn: the traffic-light, summary or funnel layout built from its data (with
 * links into the site for its page, without them for take-away files and embeds), the inline SVG
 * and the standalone SVG document. Sized for a 390 px phone (about 340 px wide, text ≥ 11 px).
 */
import { layoutTrafficLight } from '../rob/traffic-light.ts';
import { layoutRobSummary } from '../rob/summary.ts';
import { renderRobSummarySvg, renderTrafficLightSvg } from '../rob/svg.ts';
import type { RobSummaryLayout, RobStudyInput, TrafficLightLayout } from '../rob/types.ts';
import { layoutFunnel } from '../funnel/layout.ts';
import { renderFunnelSvg } from '../funnel/svg.ts';
import type { FunnelLayout } from '../funnel/types.ts';
import type { AppraisalFigure, FunnelFigure, RobFigure } from './appraisal-types.ts';

/** Width in px of the summary bar and funnel plots (fits a 390 px phone's column). */
export const APPRAISAL_WIDTH = 340;
/** Height in px of the funnel plot. */
export const FUNNEL_HEIGHT = 300;

type Portable = { portable?: boolean };

/** The figure's studies as layout input (`portable`: without links). */
export function robStudyInputs(f: RobFigure, { portable = false }: Portable = {}): RobStudyInput[] {
  return f.studies.map((s) => ({ id: s.id, label: s.label, levels: s.levels, weight: s.weight, ...(s.href && !portable ? { href: s.href } : {}) }));
}

/** The traffic-light layout of a figure. */
export function trafficLightLayout(f: RobFigure, opts: Portable = {}): TrafficLightLayout {
  return layoutTrafficLight(robStudyInputs(f, opts), { title: opts.portable ? f.longTitle : f.title, domains: f.domains, subject: f.subject, tool: f.tool });
}

/** The summary bar layout of a figure: weighted when every study has a weight. */
export function robSummaryLayout(f: RobFigure, opts: Portable = {}): RobSummaryLayout {
  return layoutRobSummary(robStudyInputs(f, opts), { title: opts.portable ? f.longTitle : f.title, domains: f.domains, subject: f.subject, tool: f.tool, width: APPRAISAL_WIDTH });
}

/** The funnel layout of a figure. */
export function funnelLayout(f: FunnelFigure, { portable = false }: Portable = {}): FunnelLayout {
  return layoutFunnel(
    f.points.map((p) => ({ id: p.id, label: p.label, effect: p.effect, se: p.se, ...(p.href && !portable ? { href: p.href } : {}) })),
    {
      title: portable ? f.longTitle : f.title,
      pooled: f.pooled,
      transform: f.transform,
      xLabel: f.xLabel,
      yLabel: f.yLabel,
      limits: f.limits,
      nullValue: f.nullValue,
      width: APPRAISAL_WIDTH,
      height: FUNNEL_HEIGHT,
      ...(f.variant === 'deeks'
        ? { description: `Deeks' funnel plot of ${f.points.length} studies: the diagnostic odds ratio (log scale) against 1/√ESS, the inverse root of the effective sample size (inverted, largest studies at the top)${f.pooled === null ? '' : `, with a line at the summary DOR ${Math.exp(f.pooled).toPrecision(3)}`}. Asymmetry can suggest small-study effects.` }
        : {}),
    },
  );
}

/** The SVG of an appraisal figure (inline on a page by default; `standalone` for files), with its size. */
export function appraisalSvg(f: AppraisalFigure, opts: Portable & { standalone?: boolean; idPrefix?: string } = {}): { svg: string; width: number; height: number } {
  const idPrefix = opts.idPrefix ?? f.id;
  const standalone = opts.standalone === true;
  if (f.kind === 'funnel') {
    const L = funnelLayout(f, opts);
    return { svg: renderFunnelSvg(L, { idPrefix, standalone }), width: L.width, height: L.height };
  }
  if (f.kind === 'rob-traffic-light') {
    const L = trafficLightLayout(f, opts);
    return { svg: renderTrafficLightSvg(L, { idPrefix, standalone }), width: L.width, height: L.height };
  }
  const L = robSummaryLayout(f, opts);
  return { svg: renderRobSummarySvg(L, { idPrefix, standalone }), width: L.width, height: L.height };
}

/** The standalone SVG document of an appraisal figure (XML declaration, xmlns, size, its own styles), with its size. */
export function appraisalStandaloneSvg(f: AppraisalFigure): { svg: string; width: number; height: number } {
  const d = appraisalSvg(f, { portable: true, standalone: true });
  return { ...d, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${d.svg}\n` };
}
