/** /figures/<id>.csv: the rows each forest plot shows, with yi/sei, study and quote. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadFileFigures, type SiteFigure } from '../../build/figures.ts';
import { figureCsvFile } from '../../build/figure-files.ts';

export const getStaticPaths = (async () => (await loadFileFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(figureCsvFile((props as { figure: SiteFigure }).figure), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
