/**
 * Legibility of scaled figures. An inline SVG scales with its viewBox, text included, so a figure
 * shrunk to a phone's width shrinks its text too. Each layout records its smallest font and the
 * narrowest rendered width at which that font is still MIN_TEXT_PX; the page CSS never lets the
 * figure render narrower (below it the figure scrolls sideways inside its own container).
 */

/** Smallest text size, in CSS px, a figure may render at. */
export const MIN_TEXT_PX = 11;

/** The narrowest rendered width (CSS px) at which text of `smallestFont` user units in a viewBox `width` wide is still MIN_TEXT_PX. */
export function minRenderedWidth(width: number, smallestFont: number): number {
  return Math.ceil((width * MIN_TEXT_PX) / smallestFont - 1e-9);
}

/** The smallest font (user units) that renders at MIN_TEXT_PX or more when a viewBox `width` wide is shown `renderedWidth` CSS px wide. */
export function legibleFont(width: number, renderedWidth: number): number {
  return Math.ceil(((MIN_TEXT_PX * width) / renderedWidth) * 100) / 100;
}

/** Lines of at most `maxWidth` px (at `fontSize`, by textWidth's estimate), broken at spaces. */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: (s: string, f: number) => number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const w of words) {
    const next = current ? `${current} ${w}` : w;
    if (current && measure(next, fontSize) > maxWidth) {
      lines.push(current);
      current = w;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}
