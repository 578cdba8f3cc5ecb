/**
 * A small HTML builder for the figure frames (frame.ts): `h()` makes an element whose text and
 * attribute values are escaped exactly as an Astro template escapes them (text: & < > ' ";
 * attribute values: & and "), so markup drawn here reads the same as the templates it replaced,
 * at build time and in the browser. `raw()` marks markup that is already safe, such as an SVG
 * from a figure renderer (every one escapes its own text and attributes).
 */

/** Markup that is safe to insert as it is. */
export interface Html {
  readonly html: string;
}

/** What an element may hold: markup, text (escaped), nothing (null, undefined, false), or a list of these. */
export type HtmlChild = Html | string | number | null | undefined | false | readonly HtmlChild[];

/** Attribute values: true or "" print the bare name; false, null and undefined leave the attribute out. */
export type HtmlAttrs = Record<string, string | number | boolean | null | undefined>;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Escapes text for HTML as Astro does (&, <, >, both quotes). */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>'"]/g, (c) => TEXT_ENTITIES[c]!);
}

function attrValue(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Marks `markup` as safe: it is inserted unescaped. */
export function raw(markup: string): Html {
  return { html: markup };
}

function serialise(child: HtmlChild): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string' || typeof child === 'number') return escapeHtml(child);
  if (Array.isArray(child)) return (child as readonly HtmlChild[]).map(serialise).join('');
  return (child as Html).html;
}

/** Attributes as ` name="value"` pairs, in their order (an opening tag's inside). */
export function attributes(attrs: HtmlAttrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true || value === '' ? ` ${name}` : ` ${name}="${attrValue(String(value))}"`;
  }
  return out;
}

/** An element with its attributes and children (always with a closing tag: no void elements here). */
export function h(tag: string, attrs: HtmlAttrs, ...children: HtmlChild[]): Html {
  return { html: `<${tag}${attributes(attrs)}>${serialise(children)}</${tag}>` };
}

/** The markup of `children` as one string. */
export function toHtml(...children: HtmlChild[]): string {
  return serialise(children);
}
