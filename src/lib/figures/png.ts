/**
 * Print resolution of a rasterised figure: the zoom from SVG user units (CSS px, 96 per inch) to
 * pixels at a given dpi, and a PNG `pHYs` chunk so image software reads the figure at that size.
 */

/** CSS pixels per inch: an SVG `width="720"` is 720/96 = 7.5 inches wide. */
export const CSS_PX_PER_INCH = 96;

/**
 * Plots with more rows than this get no PNG: at 24 px a row, 100 rows print 25 inches tall,
 * taller than any journal page, and rasterising thousands of rows took 17 s and 37,000 px per
 * figure at 10,000 studies. Their SVG (vector, any size) is still there.
 */
export const PNG_MAX_ROWS = 100;

/** Whether a plot of `rows` rows gets a PNG (see PNG_MAX_ROWS). */
export function hasPng(rows: number): boolean {
  return rows <= PNG_MAX_ROWS;
}

/** Physical size and pixel size of a figure printed at `dpi`. */
export interface PrintSize {
  dpi: number;
  widthIn: number;
  heightIn: number;
  widthPx: number;
  heightPx: number;
  /** Zoom from SVG units to pixels (dpi / 96). */
  zoom: number;
}

/** The print size of an SVG `width`×`height` (CSS px) at `dpi`. */
export function printSize(width: number, height: number, dpi = 300): PrintSize {
  const zoom = dpi / CSS_PX_PER_INCH;
  return { dpi, widthIn: width / CSS_PX_PER_INCH, heightIn: height / CSS_PX_PER_INCH, widthPx: Math.round(width * zoom), heightPx: Math.round(height * zoom), zoom };
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
let table: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk of a PNG: type, data offset and length. */
export interface PngChunk {
  type: string;
  offset: number;
  length: number;
}

/** The chunks of a PNG (throws on a bad signature or a truncated chunk). */
export function pngChunks(png: Uint8Array): PngChunk[] {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let o = 8; o < png.length; ) {
    if (o + 12 > png.length) throw new Error('truncated PNG chunk');
    const length = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    if (o + 12 + length > png.length) throw new Error(`truncated PNG chunk ${type}`);
    chunks.push({ type, offset: o + 8, length });
    o += 12 + length;
  }
  return chunks;
}

/** A copy of the PNG with a pHYs chunk saying `dpi` (pixels per metre, rounded), replacing any old one. */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const chunks = pngChunks(png);
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const parts: Uint8Array[] = [png.subarray(0, ihdr.offset + ihdr.length + 4), chunk];
  for (const c of chunks.slice(1)) if (c.type !== 'pHYs') parts.push(png.subarray(c.offset - 8, c.offset + c.length + 4));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
