import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { gunzipIfGzip } from '../../../src/client/explore/wasm-gzip.ts';

/** A stream that delivers `bytes` in chunks of the given sizes (the rest in one last chunk). */
function chunked(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const n of sizes) parts.push(bytes.subarray(at, (at += n)));
  if (at < bytes.length) parts.push(bytes.subarray(at));
  return new ReadableStream({
    start(c) {
      for (const p of parts) c.enqueue(p);
      c.close();
    },
  });
}

const read = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer());
// The start of a real module: "\0asm", version 1, then some bytes.
const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...Array.from({ length: 5000 }, (_, i) => (i * 7) % 251)]);

describe('inflating the DuckDB module in the browser', () => {
  it('inflates a gzip stream to the original bytes', async () => {
    expect(await read(await gunzipIfGzip(chunked(gzipSync(WASM), [100])))).toEqual(WASM);
  });

  it('recognises gzip even when the magic bytes arrive in two chunks of one byte', async () => {
    expect(await read(await gunzipIfGzip(chunked(gzipSync(WASM), [1, 1, 3])))).toEqual(WASM);
  });

  it('passes a body the host already inflated (Content-Encoding: gzip) through unchanged', async () => {
    expect(await read(await gunzipIfGzip(chunked(WASM, [1, 2, 10])))).toEqual(WASM);
  });

  it('passes an empty or one-byte body through, and rejects a truncated gzip file', async () => {
    expect(await read(await gunzipIfGzip(chunked(new Uint8Array(0), [])))).toEqual(new Uint8Array(0));
    expect(await read(await gunzipIfGzip(chunked(new Uint8Array([0x1f]), [])))).toEqual(new Uint8Array([0x1f]));
    const gz = gzipSync(WASM);
    await expect(read(await gunzipIfGzip(chunked(gz.subarray(0, gz.length >> 1), [])))).rejects.toThrow();
  });
});
