/** Number formatting, rounding and label shortening for the forest plot (no escaping here). */
import { format } from 'd3-format';

/** Rounds a coordinate to 0.01 px (never -0) so layouts and snapshots are stable. */
export function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}

/** Clamps `x` into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Rounds half away from zero at `digits` decimals as the number is written in decimal, so
 * 0.715 gives 0.72 (binary floating point alone would give 0.71).
 */
export function roundDecimal(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const [mantissa, exp = '0'] = String(Math.abs(x)).split('e');
  const r = Number(`${Math.round(Number(`${mantissa}e${Number(exp) + digits}`))}e${-digits}`);
  return Number.isFinite(r) ? Math.sign(x) * r : x;
}

/** A fixed-decimals formatter ("0.87", "−1.20"; half away from zero, typographic minus, never "−0.00"). */
export function fixed(digits: number): (x: number) => string {
  const f = format(`.${digits}f`);
  return (x) => f(roundDecimal(x, digits));
}

/** Formats a weight in percent with one decimal, e.g. "23.4%". */
export const formatWeight: (x: number) => string = (x) => `${format('.1f')(x)}%`;

/** Formats a number compactly with up to 3 significant digits, e.g. "0.012" or "62". */
export const formatCompact: (x: number) => string = format('.3~g');

/** Formats a tick value without trailing zeros, e.g. "0.25" or "1". */
export const formatTick: (x: number) => string = format('~g');

/** Collapses whitespace and shortens text to `maxChars` characters with an ellipsis. */
export function shorten(text: string, maxChars: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= maxChars) return chars.join('');
  return `${chars.slice(0, Math.max(1, maxChars - 1)).join('').trimEnd()}…`;
}

/** Approximate width in px of `text` at `fontSize` in a system sans-serif font. */
export function textWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * 0.56;
}

/**
 * Returns the link if it is safe to put in an href (http, https, mailto, or a relative
 * path/fragment), otherwise undefined: `javascript:` and other schemes are dropped.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  if (h === '' || /[\u0000-\u001f\u007f]/.test(h)) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(h);
  if (!scheme) return h;
  return /^(https?|mailto)$/i.test(scheme[1] ?? '') ? h : undefined;
}
