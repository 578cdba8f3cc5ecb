/** Where a figure's files and embed page live, relative to the site's base path. */

/** The take-away files of a figure, by format. */
export interface FigureLinks {
  svg: string;
  /** Null for plots too tall for a raster (see hasPng in png.ts). */
  png: string | null;
  /** One-page vector PDF at the SVG's size (scripts/build-pdf.ts writes it for every figure). */
  pdf: string;
  csv: string;
  r: string;
  embed: string;
}

/** Base path normalised to end in "/" ("/" or "/review/"). */
export function normalBase(base: string): string {
  return base.replace(/\/?$/, '/');
}

/** The figure id for a kind and its parts: lower case, letters, digits and "-" only ("study-2024-x-auc"). */
export function figureId(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Paths (under `base`) of a figure's SVG, PNG (unless `png` is false), PDF, CSV, R script and embed page. */
export function figureLinks(id: string, base: string, png = true): FigureLinks {
  const b = normalBase(base);
  return { svg: `${b}figures/${id}.svg`, png: png ? `${b}figures/${id}.png` : null, pdf: `${b}figures/${id}.pdf`, csv: `${b}figures/${id}.csv`, r: `${b}figures/${id}.R`, embed: `${b}embed/${id}/` };
}

/** An absolute URL for a site path, given the configured site (falls back to the path alone). */
export function absoluteUrl(path: string, site: string | URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** Escapes text for an HTML attribute value or text in a copy-paste snippet. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Height (CSS px) the embed page's caption needs below the plot, added to the snippet's iframe height. */
export const EMBED_CAPTION_PX = 72;

/** The copy-paste iframe snippet for a figure's embed page. */
export function iframeSnippet(embedUrl: string, title: string, width: number, height: number): string {
  return (
    `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(title)}" width="${Math.round(width)}" height="${Math.round(height)}"` +
    ` style="border:0;max-width:100%" loading="lazy" sandbox="allow-popups allow-top-navigation-by-user-activation"></iframe>`
  );
}
