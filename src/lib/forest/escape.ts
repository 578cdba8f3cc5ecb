/** XML escaping for the SVG renderer: text and attribute values from abstracts are untrusted. */

// Characters XML 1.0 forbids (C0 controls except tab/newline/CR, unpaired surrogates, U+FFFE/U+FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text or an attribute value for XML (&, <, >, both quotes) and drops characters XML forbids. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(INVALID, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
