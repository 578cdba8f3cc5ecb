/** Build-time rendering of a registry figure into its take-away files: CSV and R (the SVG: src/lib/figures/standalone.ts). */
import { figureCsv } from '../lib/figures/csv.ts';
import { figureRScript } from '../lib/figures/r-script.ts';
import { absoluteUrl, figureLinks } from '../lib/figures/urls.ts';
import type { Figure } from './figures.ts';
import { review } from './load.ts';
import { readManifest } from './manifest.ts';

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
