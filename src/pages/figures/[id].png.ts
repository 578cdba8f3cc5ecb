/** /figures/<id>.png: every forest plot rasterised at build time at 300 dpi (resvg, system fonts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFigures, type Figure } from '../../site/figures.ts';
import { figureSvg } from '../../site/figure-files.ts';
import { rasterizeSvg } from '../../../scripts/lib/rasterize.ts';

export const getStaticPaths = (async () => (await loadFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { svg, layout } = figureSvg((props as { figure: Figure }).figure);
  const { png } = rasterizeSvg(svg, layout.width, layout.height, 300);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
