/** /figures/<id>.R: "Reproduce in R" — metafor code with the exact yi/sei and pooling options (and the data version, hence in its cache key). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pageKey } from '../../build/page-key-fs.ts';
import { readManifest } from '../../build/manifest-fs.ts';
import { loadFileFigures, type SiteFigure } from '../../build/figures.ts';
import { figureRFile } from '../../build/figure-files.ts';

export const getStaticPaths = (async () => {
  const version = readManifest().version;
  return (await loadFileFigures()).map((figure) => ({ params: { id: figure.id }, props: { figure }, cacheKey: pageKey('figure R', figure, version) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(figureRFile((props as { figure: SiteFigure }).figure, site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
