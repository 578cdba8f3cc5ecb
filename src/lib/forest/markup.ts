/**
 * The few SVG-markup builders the figure renderers share (forest, paired forest, SROC): every
 * attribute value and text goes through escapeXml, so labels from abstracts cannot inject markup.
 */
import { escapeXml } from './escape.ts';

/** Font stack used for all text in the plots. */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Attribute values; undefined, null and false leave the attribute out. */
export type Attrs = Record<string, string | number | undefined | null | false>;

/** Renders attributes as ` name="value"` pairs, escaped. */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${escapeXml(v)}"`;
  }
  return out;
}

/** An element; `inner` is already-rendered markup (use `txt` for text). */
export function el(name: string, a: Attrs, inner?: string): string {
  return inner === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** A <text> element at (x, y) holding `content`, escaped. */
export function txt(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, escapeXml(content));
}

/** A <line> from (x1, y1) to (x2, y2). */
export function line(x1: number, y1: number, x2: number, y2: number, a: Attrs): string {
  return el('line', { x1, y1, x2, y2, ...a });
}

/** Makes a string safe to use as an XML id (letters, digits, "-" and "_", starting with a letter). */
export function safeId(prefix: string, fallback = 'forest'): string {
  const s = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(s) ? s : `${fallback}-${s}`;
}
