/**
 * The document every figure SVG shares: the root <svg> (class, viewBox, width; height when
 * standalone or fixed; role; aria-labelledby its title and description; font) and its head (title,
 * desc and, standalone, the style block and a white background). Inline, the SVG has no style
 * attribute: the Content-Security-Policy allows no inline styles.
 */
import { escapeXml } from '../forest/escape.ts';
import { el, FONT_STACK } from '../forest/markup.ts';

/** What the root and head say. */
export interface SvgDocument {
  /** Class of the root (e.g. "forest-plot", "rob-plot rob-summary"). */
  className: string;
  /** Prefix of the title and desc ids (already safe, forest/markup.ts safeId). */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  viewBox: string;
  /** A file of its own: xmlns, the height, the style block and the white background. */
  standalone: boolean;
  /** Inline too the height attribute holds (a plot that scrolls rather than shrinks). */
  fixedHeight?: boolean;
  /** The standalone style block's CSS (escaped here). */
  css: string;
  /** Class of the standalone white background rect. */
  background: string;
  /** "group" when the plot holds links (an image may hold none: axe nested-interactive). */
  role: 'img' | 'group';
  fontSize: number;
}

/** The SVG document around `body` (the plot's marks, drawn after the head). */
export function svgDocument(d: SvgDocument, body: string): string {
  let head = el('title', { id: `${d.id}-title` }, escapeXml(d.title));
  head += el('desc', { id: `${d.id}-desc` }, escapeXml(d.description));
  if (d.standalone) {
    head += el('style', {}, escapeXml(d.css));
    head += el('rect', { class: d.background, x: 0, y: 0, width: d.width, height: d.height, fill: '#fff' });
  }
  const attrs = {
    xmlns: d.standalone ? 'http://www.w3.org/2000/svg' : undefined,
    class: d.className,
    viewBox: d.viewBox,
    // Inline the width is a ceiling (figures.css sizes the SVG); the height follows the viewBox.
    width: d.width,
    height: d.standalone || d.fixedHeight ? d.height : undefined,
    role: d.role,
    'aria-labelledby': `${d.id}-title ${d.id}-desc`,
    'font-family': FONT_STACK,
    'font-size': d.fontSize,
  };
  return el('svg', attrs, head + body);
}
