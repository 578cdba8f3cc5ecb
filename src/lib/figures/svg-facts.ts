/**
 * What a standalone SVG says about itself on its root element: its size in CSS px and its first
 * <title> and <desc>. Read from the text (no XML parser, no DOM) by the PNG and PDF steps, which
 * work from each figure's SVG whatever kind of plot drew it.
 */

/** The CSS-pixel size a standalone SVG declares on its root element (width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? NaN);
  const size = { width: attr('width'), height: attr('height') };
  if (!(size.width > 0 && size.height > 0)) throw new Error(`the SVG's root element has no positive width and height: ${root.slice(0, 120)}`);
  return size;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data with its entity and character references resolved ("&amp;" → "&", "&#964;" → "τ"). */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of the first `<name>` element in the SVG (its root's title or desc), unescaped and with runs of white space collapsed; null when there is none. */
export function svgElementText(svg: string, name: 'title' | 'desc'): string | null {
  const m = new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(svg);
  return m ? unescapeXml(m[1]!).replace(/\s+/g, ' ').trim() : null;
}
