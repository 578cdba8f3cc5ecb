/** /figures/<id>.svg: every forest plot as a standalone SVG file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFigures, type Figure } from '../../site/figures.ts';
import { standaloneSvg } from '../../lib/figures/standalone.ts';

export const getStaticPaths = (async () => (await loadFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(standaloneSvg((props as { figure: Figure }).figure).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
