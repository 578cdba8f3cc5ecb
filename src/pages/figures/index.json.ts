/** /figures/index.json: the figure registry as data — every forest plot, its page and its files (scripts/build-png.ts and build-pdf.ts render the PNGs and PDFs it lists). */
import type { APIRoute } from 'astro';
import { figureFiles, loadFigures } from '../../site/figures.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const figures = (await loadFigures()).map((f) => ({ id: f.id, kind: f.kind, title: f.title, measure: f.measure, page: `${base}${f.page}`, anchor: f.anchor, rows: f.data.length, pooled: f.pooling !== null, files: figureFiles(f) }));
  return new Response(`${JSON.stringify({ figures }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
