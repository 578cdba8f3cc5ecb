/** /figures/<id>.R: "Reproduce in R" — metafor code with the exact yi/sei and pooling options. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFileFigures, type SiteFigure } from '../../build/figures.ts';
import { figureRFile } from '../../build/figure-files.ts';

export const getStaticPaths = (async () => (await loadFileFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(figureRFile((props as { figure: SiteFigure }).figure, site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
