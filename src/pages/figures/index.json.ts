/** /figures/index.json: the figure registry as data — every figure the site has files for (forest, SROC, paired forest, risk of bias, funnel; a study's own plots are made by the browser on its page), its page and its files (scripts/build-png.ts and build-pdf.ts render the PNGs and PDFs it lists). */
import type { APIRoute } from 'astro';
import { figureFiles, loadFileFigures } from '../../build/figures.ts';
import { figureMeasure, figureRowCount, isAppraisalFigure, isDtaFigure } from '../../lib/figures/site-figure.ts';
import { base } from '../../base-path.ts';

export const GET: APIRoute = async () => {
  const figures = (await loadFileFigures()).map((f) => ({
    id: f.id,
    kind: f.kind,
    title: f.title,
    measure: figureMeasure(f),
    page: `${base}${f.page}`,
    anchor: f.anchor,
    rows: isDtaFigure(f) || isAppraisalFigure(f) ? figureRowCount(f) : f.data.length,
    pooled: isDtaFigure(f) ? f.summary !== null : isAppraisalFigure(f) ? (f.kind === 'funnel' ? f.pooled !== null : f.weightSource !== null) : f.pooling !== null,
    ...(isDtaFigure(f) ? { model: f.summary?.method ?? null } : {}),
    files: figureFiles(f),
  }));
  return new Response(`${JSON.stringify({ figures }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
