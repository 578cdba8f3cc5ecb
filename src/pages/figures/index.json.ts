/** /figures/index.json: the figure registry as data — every figure (forest, SROC, paired forest), its page and its files (scripts/build-png.ts and build-pdf.ts render the PNGs and PDFs it lists). */
import type { APIRoute } from 'astro';
import { figureFiles, loadFigures } from '../../site/figures.ts';
import { figureRowCount, isDtaFigure } from '../../lib/figures/site-figure.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const figures = (await loadFigures()).map((f) => ({
    id: f.id,
    kind: f.kind,
    title: f.title,
    measure: isDtaFigure(f) ? 'sensitivity+specificity' : f.measure,
    page: `${base}${f.page}`,
    anchor: f.anchor,
    rows: isDtaFigure(f) ? figureRowCount(f) : f.data.length,
    pooled: isDtaFigure(f) ? f.summary !== null : f.pooling !== null,
    ...(isDtaFigure(f) ? { model: f.summary?.method ?? null } : {}),
    files: figureFiles(f),
  }));
  return new Response(`${JSON.stringify({ figures }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
