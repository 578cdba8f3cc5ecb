/** Build-time rendering of a registry figure into its take-away files (SVG, CSV, R) and embed markup. */
import { layoutForest } from '../lib/forest/layout.ts';
import { renderForestSvg } from '../lib/forest/svg.ts';
import { figureCsv } from '../lib/figures/csv.ts';
import { figureRScript } from '../lib/figures/r-script.ts';
import { absoluteUrl, figureLinks } from '../lib/figures/urls.ts';
import type { ForestLayout } from '../lib/forest/types.ts';
import { portableRows, type Figure } from './figures.ts';
import { review } from './load.ts';
import { readManifest } from './manifest.ts';

/** The figure's layout without links into the site and titled out of context (files and embeds). */
export function portableLayout(f: Figure): ForestLayout {
  return layoutForest(portableRows(f), { ...f.options, title: f.longTitle });
}

/** The standalone SVG document (XML declaration, xmlns, size, its own styles). */
export function figureSvg(f: Figure): { svg: string; layout: ForestLayout } {
  const layout = portableLayout(f);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${renderForestSvg(layout, { idPrefix: f.id, standalone: true })}\n`, layout };
}

/** The CSV of the plotted rows. */
export function figureCsvFile(f: Figure): string {
  return figureCsv(f.data);
}

/** The absolute URL of the page a figure appears on (with its anchor). */
export function figurePageUrl(f: Figure, site: URL | undefined): string {
  return absoluteUrl(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${f.page}#${f.anchor}`, site);
}

/** The "Reproduce in R" script. */
export function figureRFile(f: Figure, site: URL | undefined): string {
  return figureRScript({
    id: f.id,
    kind: f.kind,
    title: f.longTitle,
    measure: f.measure,
    pageUrl: figurePageUrl(f, site),
    csvUrl: absoluteUrl(figureLinks(f.id, import.meta.env.BASE_URL).csv, site),
    reviewTitle: review.title,
    dataVersion: readManifest().version,
    data: f.data,
    pooling: f.pooling,
  });
}
