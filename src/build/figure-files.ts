/** Build-time rendering of a registry figure into its take-away files: CSV and R (the SVG: src/lib/figures/standalone.ts). */
import { forestFigureRScript } from '../lib/figures/r-script.ts';
import { dtaFigureRScript } from '../lib/figures/dta-r-script.ts';
import { isSubgroupFigure } from '../lib/figures/subgroup-registry.ts';
import { subgroupRScript } from '../lib/figures/subgroup-r-script.ts';
import { appraisalRScript } from '../lib/figures/appraisal-r-script.ts';
import { figureCsvText, isAppraisalFigure, isDtaFigure, type SiteFigure } from '../lib/figures/site-figure.ts';
import { absoluteUrl, figureLinks } from '../lib/figures/urls.ts';
import { review } from './load.ts';
import { readManifest } from './manifest-fs.ts';
import { base } from '../base-path.ts';

/** The CSV of the plotted rows. */
export function figureCsvFile(f: SiteFigure): string {
  return figureCsvText(f);
}

/** The absolute URL of the page a figure appears on (with its anchor). */
export function figurePageUrl(f: SiteFigure, site: URL | undefined): string {
  return absoluteUrl(`${base}${f.page}#${f.anchor}`, site);
}

/** What every R script generator needs besides the figure: where it is shown, its CSV, the review and the data version. */
function scriptContext(f: SiteFigure, site: URL | undefined) {
  return {
    pageUrl: figurePageUrl(f, site),
    csvUrl: absoluteUrl(figureLinks(f.id, base).csv, site),
    reviewTitle: review.title,
    dataVersion: readManifest().version,
  };
}

/** The "Reproduce in R" script. */
export function figureRFile(f: SiteFigure, site: URL | undefined): string {
  if (isAppraisalFigure(f)) return appraisalRScript(f, scriptContext(f, site));
  if (isDtaFigure(f)) return dtaFigureRScript(f, scriptContext(f, site));
  if (isSubgroupFigure(f)) return subgroupRScript(f, scriptContext(f, site));
  return forestFigureRScript(f, scriptContext(f, site));
}
