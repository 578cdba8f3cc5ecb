/**
 * The figure registry at build time (src/lib/figures/registry.ts builds it): every forest plot on
 * the site (forest, DTA, risk-of-bias and funnel plots). Pages, /figures/<id>.* files and /embed/<id>/ pages all draw from this one list.
 */
import { loadModel, outcomeLabel } from './model.ts';
import { buildFigures, type Figure } from '../lib/figures/registry.ts';
import { buildDtaFigures } from '../lib/figures/dta-registry.ts';
import { buildAppraisalFigures } from '../lib/figures/appraisal-registry.ts';
import type { AppraisalFigure } from '../lib/figures/appraisal-types.ts';
import { hasPng } from '../lib/figures/png.ts';
import { figureLinks, type FigureLinks } from '../lib/figures/urls.ts';
import { figureRowCount, hasFigureFiles, isForestFigure, type SiteFigure } from '../lib/figures/site-figure.ts';
import type { DtaFigure } from '../lib/figures/dta-types.ts';
import { buildSubgroupFigures, type SubgroupFigure } from '../lib/figures/subgroup-registry.ts';
import { loadAnalyses } from './analyses.ts';
import { base } from '../base-path.ts';

export type { Figure } from '../lib/figures/registry.ts';
export type { SiteFigure } from '../lib/figures/site-figure.ts';

interface Registry {
  all: SiteFigure[];
  withFiles: SiteFigure[];
  byId: Map<string, SiteFigure>;
  byPage: Map<string, Figure[]>;
  dtaByPage: Map<string, DtaFigure[]>;
  subgroupByPage: Map<string, SubgroupFigure[]>;
  appraisalByPage: Map<string, AppraisalFigure[]>;
}

let cache: Promise<Registry> | null = null;

// Indexed once: with 10,000 studies, a scan of every figure for each of 20,000 pages is 400 million comparisons.
function registry(): Promise<Registry> {
  cache ??= Promise.all([loadModel(), loadAnalyses()]).then(([m, analyses]) => {
    const forest = buildFigures(m.studies, m.syntheses, { base: base, outcomeLabel });
    const dta = buildDtaFigures(m.dta, { base: base, outcomeLabel, studies: m.studies });
    const subgroups = buildSubgroupFigures(analyses.univariate, { base: base, outcomeLabel });
    const appraisal = buildAppraisalFigures(m.studies, m.syntheses, m.dta, { base: base, outcomeLabel });
    const group = <F extends SiteFigure>(list: F[]) => {
      const byPage = new Map<string, F[]>();
      for (const f of list) {
        const own = byPage.get(f.page);
        if (own) own.push(f);
        else byPage.set(f.page, [f]);
      }
      return byPage;
    };
    const all: SiteFigure[] = [...forest, ...dta, ...subgroups, ...appraisal];
    const byId = new Map<string, SiteFigure>();
    for (const f of all) {
      if (byId.has(f.id)) throw new Error(`two figures share the figure id ${f.id}: make their outcome ids differ`);
      byId.set(f.id, f);
    }
    return { all, withFiles: all.filter(hasFigureFiles), byId, byPage: group(forest), dtaByPage: group(dta), subgroupByPage: group(subgroups), appraisalByPage: group(appraisal) };
  });
  return cache;
}

/** Every figure of the site, forest plots, DTA figures, then appraisal figures (computed once per build). */
export async function loadFigures(): Promise<SiteFigure[]> {
  return (await registry()).all;
}

/** The figures the site writes files and an embed page for (all but the study figures, which the browser makes: hasFigureFiles). */
export async function loadFileFigures(): Promise<SiteFigure[]> {
  return (await registry()).withFiles;
}

/** The forest plots shown on one page (path relative to the base, e.g. "studies/<slug>/"), in page order. */
export async function figuresOn(page: string): Promise<Figure[]> {
  return (await registry()).byPage.get(page) ?? [];
}

/** The SROC and paired forest figures shown on one page, in page order. */
export async function dtaFiguresOn(page: string): Promise<DtaFigure[]> {
  return (await registry()).dtaByPage.get(page) ?? [];
}

/** The subgroup forest plots shown on one page, in page order. */
export async function subgroupFiguresOn(page: string): Promise<SubgroupFigure[]> {
  return (await registry()).subgroupByPage.get(page) ?? [];
}

/** The risk-of-bias and funnel figures shown on one page, in page order. */
export async function appraisalFiguresOn(page: string): Promise<AppraisalFigure[]> {
  return (await registry()).appraisalByPage.get(page) ?? [];
}

/** The figure with this id; throws when there is none (a page asked for a plot the registry lacks). */
export async function figureById(id: string): Promise<SiteFigure> {
  const f = (await registry()).byId.get(id);
  if (!f) throw new Error(`no figure with id ${id} in the registry (src/lib/figures/registry.ts, dta-registry.ts, appraisal-registry.ts)`);
  return f;
}

/** The forest plot with this id; throws when there is none or it is a DTA figure. */
export async function forestFigureById(id: string): Promise<Figure> {
  const f = await figureById(id);
  if (!isForestFigure(f)) throw new Error(`figure ${id} is a ${f.kind} figure, not a forest plot`);
  return f;
}

/** The figure's take-away files, for a figure with files (hasFigureFiles; no PNG for plots over PNG_MAX_ROWS rows; scripts/build-png.ts renders the rest, scripts/build-pdf.ts every PDF). */
export function figureFiles(f: SiteFigure): FigureLinks {
  return figureLinks(f.id, base, hasPng(figureRowCount(f)));
}
