/** /figures/<id>.svg: every forest plot as a standalone SVG file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFigures, type Figure } from '../../site/figures.ts';
import { figureSvg } from '../../site/figure-files.ts';

export const getStaticPaths = (async () => (await loadFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(figureSvg((props as { figure: Figure }).figure).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
