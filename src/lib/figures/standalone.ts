/**
 * A registry figure as a take-away file: its rows without links into the site, titled out of
 * context, and the standalone SVG document. The site's /figures/<id>.svg and embed pages and the
 * PNG and PDF steps (scripts/build-png.ts, build-pdf.ts) all draw it with these functions, so
 * their SVGs are the same text.
 */
import { layoutForest } from '../forest/layout.ts';
import { renderForestSvg } from '../forest/svg.ts';
import type { ForestLayout, ForestRow } from '../forest/types.ts';
import type { Figure } from './registry.ts';

/** The rows as drawn in take-away files and embeds: same data, without links into the site. */
export function portableRows(f: Figure): ForestRow[] {
  return f.rows.map(({ href: _href, ...r }) => r);
}

/** The figure's layout without links into the site and titled out of context (files and embeds). */
export function portableLayout(f: Figure): ForestLayout {
  return layoutForest(portableRows(f), { ...f.options, title: f.longTitle });
}

/** The standalone SVG document (XML declaration, xmlns, size, its own styles). */
export function standaloneSvg(f: Figure): { svg: string; layout: ForestLayout } {
  const layout = portableLayout(f);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${renderForestSvg(layout, { idPrefix: f.id, standalone: true })}\n`, layout };
}
