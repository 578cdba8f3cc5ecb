import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import { greyPng, greyScanlines, hasPng, PNG_MAX_ROWS, pngChunks, printSize, withPngDpi } from '../../../src/lib/figures/png.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'ascii');
  Buffer.from(data).copy(b, 8);
  b.writeUInt32BE(crc(b.subarray(4, 8 + data.length)), 8 + data.length);
  return b;
}

function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const x of bytes) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** A valid 2×1 greyscale PNG. */
function tinyPng(extra: Buffer[] = []): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.from([0, 0, 255]));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...extra, chunk('IDAT', idat), chunk('IEND', new Uint8Array())]);
}

describe('print size', () => {
  it('turns CSS px at 96 per inch into pixels at 300 dpi', () => {
    expect(printSize(720, 208)).toEqual({ dpi: 300, widthIn: 7.5, heightIn: 208 / 96, widthPx: 2250, heightPx: 650, zoom: 300 / 96 });
  });
});

describe('withPngDpi', () => {
  it('adds a pHYs chunk right after IHDR with the dpi in pixels per metre and a valid CRC', () => {
    const out = Buffer.from(withPngDpi(tinyPng(), 300));
    const chunks = pngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const phys = chunks[1]!;
    expect(out.readUInt32BE(phys.offset)).toBe(11811);
    expect(out.readUInt32BE(phys.offset + 4)).toBe(11811);
    expect(out[phys.offset + 8]).toBe(1);
    expect(out.readUInt32BE(phys.offset + 9)).toBe(crc(out.subarray(phys.offset - 4, phys.offset + 9)));
  });

  it('replaces an existing pHYs chunk rather than adding a second one', () => {
    const old = chunk('pHYs', new Uint8Array([0, 0, 11, 19, 0, 0, 11, 19, 1]));
    const out = withPngDpi(withPngDpi(tinyPng([old]), 72), 300);
    expect(pngChunks(out).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(Buffer.from(out).readUInt32BE(pngChunks(out)[1]!.offset)).toBe(11811);
  });

  it('rejects data that is not a PNG', () => {
    expect(() => withPngDpi(new Uint8Array([1, 2, 3]), 300)).toThrow(/not a PNG/);
  });
});

describe('which plots get a PNG', () => {
  it('makes PNGs up to PNG_MAX_ROWS rows and none for taller plots, which would print taller than a page', () => {
    expect(hasPng(1)).toBe(true);
    expect(hasPng(PNG_MAX_ROWS)).toBe(true);
    expect(hasPng(PNG_MAX_ROWS + 1)).toBe(false);
    expect(printSize(720, 24 * PNG_MAX_ROWS).heightIn).toBeGreaterThan(11.7);
  });
});

describe('greyscale PNGs', () => {
  const rgba = (pixels: number[][]) => Uint8Array.from(pixels.flat());
  it('turns opaque grey RGBA pixels into scanlines of one byte a pixel behind filter byte 0', () => {
    const px = rgba([[0, 0, 0, 255], [85, 85, 85, 255], [255, 255, 255, 255], [10, 10, 10, 255]]);
    expect([...greyScanlines(px, 2, 2)!]).toEqual([0, 0, 85, 0, 255, 10]);
  });

  it('gives up (null) on any coloured or transparent pixel, so such figures keep their colour', () => {
    expect(greyScanlines(rgba([[0, 0, 0, 255], [255, 0, 0, 255]]), 2, 1)).toBeNull();
    expect(greyScanlines(rgba([[0, 0, 0, 255], [0, 0, 0, 128]]), 2, 1)).toBeNull();
    expect(() => greyScanlines(rgba([[0, 0, 0, 255]]), 2, 1)).toThrow(/expected 2×1 RGBA pixels/);
  });

  it('writes a PNG whose IHDR says 8-bit grey, whose pHYs says the dpi and whose IDAT inflates back to the scanlines', () => {
    const lines = greyScanlines(rgba([[0, 0, 0, 255], [200, 200, 200, 255], [255, 255, 255, 255]]), 3, 1)!;
    const png = greyPng(3, 1, deflateSync(lines), 300);
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const view = new DataView(png.buffer);
    const ihdr = chunks[0]!;
    expect([view.getUint32(ihdr.offset), view.getUint32(ihdr.offset + 4), png[ihdr.offset + 8], png[ihdr.offset + 9]]).toEqual([3, 1, 8, 0]);
    expect(view.getUint32(chunks[1]!.offset)).toBe(Math.round(300 / 0.0254));
    const idat = chunks[2]!;
    expect([...inflateSync(png.subarray(idat.offset, idat.offset + idat.length))]).toEqual([...lines]);
    // Same chunks (with their CRCs) as withPngDpi would write for this image.
    expect([...withPngDpi(png, 300)]).toEqual([...png]);
  });
});
