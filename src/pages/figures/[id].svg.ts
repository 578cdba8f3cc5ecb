/** /figures/<id>.svg: every figure with files (hasFigureFiles) as a standalone SVG file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFileFigures, type SiteFigure } from '../../build/figures.ts';
import { figureStandalone } from '../../lib/figures/site-figure.ts';

export const getStaticPaths = (async () => (await loadFileFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(figureStandalone((props as { figure: SiteFigure }).figure).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
